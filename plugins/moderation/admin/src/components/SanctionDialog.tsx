import { useState } from 'react';
import {
  Button,
  Dialog,
  Field,
  Flex,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';

import type { Sanction, SanctionInput } from '../api/moderation';
import { useT } from '../hooks/useT';

const KINDS: Sanction['kind'][] = ['warning', 'suspension', 'ban', 'premoderation'];

export type { SanctionInput };

type Props = {
  authorName: string;
  initialKind?: Sanction['kind'];
  onConfirm: (input: SanctionInput) => Promise<void> | void;
  onClose: () => void;
};

/** Warning, timed suspension, ban or permanent pre-moderation of an author. */
export const SanctionDialog = ({ authorName, initialKind = 'ban', onConfirm, onClose }: Props) => {
  const t = useT();
  const [kind, setKind] = useState<Sanction['kind']>(initialKind);
  const [hours, setHours] = useState<number | undefined>(72);
  const [note, setNote] = useState('');
  const missingDuration = kind === 'suspension' && !hours;

  return (
    <Dialog.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Dialog.Content>
        <Dialog.Header>{t('sanction.title', { name: authorName })}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" gap={4} alignItems="stretch" width="100%">
            <Field.Root name="kind">
              <Field.Label>{t('sanction.kind')}</Field.Label>
              <SingleSelect
                value={kind}
                onChange={(value: string | number) => setKind(value as Sanction['kind'])}
              >
                {KINDS.map((option) => (
                  <SingleSelectOption key={option} value={option}>
                    {t(`sanction.${option}`)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
            <Typography variant="pi" textColor="neutral600">
              {t(`sanction.${kind}.help`)}
            </Typography>
            {kind === 'suspension' && (
              <Field.Root name="hours" required>
                <Field.Label>{t('sanction.hours')}</Field.Label>
                <NumberInput value={hours} onValueChange={(value: number | undefined) => setHours(value)} />
              </Field.Root>
            )}
            <Field.Root name="note">
              <Field.Label>{t('sanction.note')}</Field.Label>
              <Textarea
                value={note}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setNote(event.target.value)}
              />
            </Field.Root>
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">{t('action.cancel')}</Button>
          </Dialog.Cancel>
          <Button
            variant={kind === 'warning' ? 'secondary' : 'danger'}
            disabled={missingDuration}
            data-testid="confirm-sanction"
            onClick={async () => {
              await onConfirm({
                kind,
                ...(kind === 'suspension' ? { durationHours: hours } : {}),
                ...(note.trim() ? { note: note.trim() } : {}),
              });
              onClose();
            }}
          >
            {t('sanction.confirm')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
