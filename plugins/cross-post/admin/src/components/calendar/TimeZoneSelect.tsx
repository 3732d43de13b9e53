import { useMemo } from 'react';
import { Box, Combobox, ComboboxOption } from '@strapi/design-system';

import { timeZones } from '../../hooks/useTimeZone';
import { useT } from '../../hooks/useT';

/** The zone times are shown and typed in; searchable, every zone the browser knows. */
export const TimeZoneSelect = ({ value, onChange }: { value: string; onChange: (zone: string) => void }) => {
  const t = useT();
  const zones = useMemo(() => timeZones(value), [value]);
  return (
    <Box minWidth="240px" data-testid="calendar-time-zone">
      <Combobox
        aria-label={t('calendar.timeZone')}
        value={value}
        onChange={(zone?: string) => zone && onChange(zone)}
        autocomplete={{ type: 'list', filter: 'contains' }}
      >
        {zones.map((zone) => (
          <ComboboxOption key={zone} value={zone}>
            {zone.replace(/_/g, ' ')}
          </ComboboxOption>
        ))}
      </Combobox>
    </Box>
  );
};
