import { useState } from 'react';
import { Button, Dialog, Field, Flex, TextInput, Typography } from '@strapi/design-system';

import { fromInputValue, toInputValue } from '../../calendar/zoned-time';
import { useT } from '../../hooks/useT';

type Props = {
  title: string;
  at: Date;
  timeZone: string;
  onConfirm: (at: Date) => void;
  onClose: () => void;
};

/** The keyboard's way to move an item: a date and time, typed in the person's zone. */
export const RescheduleDialog = ({ title, at, timeZone, onConfirm, onClose }: Props) => {
  const t = useT();
  const [value, setValue] = useState(() => toInputValue(at, timeZone));
  const chosen = fromInputValue(value, timeZone);
  return (
    <Dialog.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Dialog.Content>
        <Dialog.Header>{t('calendar.reschedule.title', { title })}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" gap={2} alignItems="stretch" width="100%">
            <Field.Root name="at" required>
              <Field.Label>{t('calendar.reschedule.at', { timeZone })}</Field.Label>
              <TextInput
                type="datetime-local"
                value={value}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValue(e.target.value)}
                data-testid="calendar-reschedule-at"
              />
            </Field.Root>
            <Typography variant="pi" textColor="neutral600">
              {t('calendar.reschedule.hint')}
            </Typography>
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">{t('calendar.cancel')}</Button>
          </Dialog.Cancel>
          <Button
            disabled={!chosen}
            data-testid="calendar-reschedule-confirm"
            onClick={() => {
              if (!chosen) return;
              onConfirm(chosen);
              onClose();
            }}
          >
            {t('calendar.reschedule.confirm')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
