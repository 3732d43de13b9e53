import { useMemo } from 'react';
import { Box, SingleSelect, SingleSelectOption } from '@strapi/design-system';

import { timeZones } from '../../hooks/useTimeZone';
import { useT } from '../../hooks/useT';

/** The zone times are shown and typed in: every zone the browser knows (typing a name jumps to it). */
export const TimeZoneSelect = ({ value, onChange }: { value: string; onChange: (zone: string) => void }) => {
  const t = useT();
  const zones = useMemo(() => timeZones(value), [value]);
  return (
    <Box minWidth="240px">
      <SingleSelect
        aria-label={t('calendar.timeZone')}
        value={value}
        onChange={(zone: string | number) => onChange(String(zone))}
        data-testid="calendar-time-zone"
      >
        {zones.map((zone) => (
          <SingleSelectOption key={zone} value={zone}>
            {zone.replace(/_/g, ' ')}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Box>
  );
};
