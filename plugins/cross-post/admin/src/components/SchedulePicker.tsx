import { useState } from 'react';
import { Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';

import { fromInputValue, toInputValue } from '../calendar/zoned-time';
import { useT } from '../hooks/useT';

type Props = {
  timeZone: string;
  /** The post's planned time, offered as the time to schedule at while it is still to come. */
  plannedAt?: Date;
  busy: boolean;
  blocked: boolean;
  onSend: (at?: Date) => void;
};

/** Publish now, or at a time to the second in the person's time zone (the calendar's). */
export const SchedulePicker = ({ timeZone, plannedAt, busy, blocked, onSend }: Props) => {
  const t = useT();
  const [scheduledAt, setScheduledAt] = useState<Date | undefined>(() =>
    plannedAt && plannedAt.getTime() > Date.now() ? plannedAt : undefined
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Field.Root>
        <Field.Label>{t('panel.scheduleAt', { timeZone })}</Field.Label>
        {/* A native picker: seconds precision, read in the zone shown above (not the browser's). */}
        <TextInput
          type="datetime-local"
          step={1}
          value={scheduledAt ? toInputValue(scheduledAt, timeZone, { seconds: true }) : ''}
          onChange={(e: any) => setScheduledAt(fromInputValue(e.target.value, timeZone) ?? undefined)}
          data-testid="cross-post-scheduled-at"
        />
      </Field.Root>
      <Typography variant="pi" textColor="neutral600">
        {t('panel.timeZone', { timeZone })}
      </Typography>
      <Flex gap={2}>
        <Button
          onClick={() => onSend()}
          loading={busy}
          disabled={blocked}
          data-testid="cross-post-publish-now"
        >
          {t('panel.publishNow')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => onSend(scheduledAt)}
          disabled={!scheduledAt || blocked || busy}
          data-testid="cross-post-schedule"
        >
          {t('panel.schedule')}
        </Button>
      </Flex>
    </Flex>
  );
};
