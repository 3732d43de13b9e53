import { useState } from 'react';
import { Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';

import { useT } from '../hooks/useT';

/** `YYYY-MM-DDTHH:mm:ss` in local time, as datetime-local inputs want it. */
function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

type Props = { timeZone: string; busy: boolean; blocked: boolean; onSend: (at?: Date) => void };

/** Publish now, or at a time to the second in the browser's time zone. */
export const SchedulePicker = ({ timeZone, busy, blocked, onSend }: Props) => {
  const t = useT();
  const [scheduledAt, setScheduledAt] = useState<Date | undefined>();
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Field.Root>
        <Field.Label>{t('panel.scheduleAt', { timeZone })}</Field.Label>
        {/* A native picker: seconds precision, in the browser's time zone (shown above). */}
        <TextInput
          type="datetime-local"
          step={1}
          value={scheduledAt ? toLocalInput(scheduledAt) : ''}
          onChange={(e: any) => setScheduledAt(e.target.value ? new Date(e.target.value) : undefined)}
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
