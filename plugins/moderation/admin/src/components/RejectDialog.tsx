import { useState } from 'react';
import {
  Button,
  Dialog,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Textarea,
} from '@strapi/design-system';

import type { Rejection } from '../api/moderation';
import { useT } from '../hooks/useT';

export const REJECTION_REASONS = [
  'abuse',
  'hate_speech',
  'harassment',
  'spam',
  'off_topic',
  'illegal',
  'other',
] as const;

type Props = {
  count?: number;
  onConfirm: (rejection: Rejection) => Promise<void> | void;
  onClose: () => void;
};

/** Why a comment is rejected: kept in the audit log as a code, and the author may ask. */
export const RejectDialog = ({ count = 1, onConfirm, onClose }: Props) => {
  const t = useT();
  const [preset, setPreset] = useState<string>('abuse');
  const [note, setNote] = useState('');

  return (
    <Dialog.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Dialog.Content>
        <Dialog.Header>{t('reject.title', { count })}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" gap={4} alignItems="stretch" width="100%">
            <Field.Root name="preset">
              <Field.Label>{t('reject.reason')}</Field.Label>
              <SingleSelect value={preset} onChange={(value: string | number) => setPreset(String(value))}>
                {REJECTION_REASONS.map((code) => (
                  <SingleSelectOption key={code} value={code}>
                    {t(`reason.${code}`)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
            <Field.Root name="note">
              <Field.Label>{t('reject.note')}</Field.Label>
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
            variant="danger"
            data-testid="confirm-reject"
            onClick={async () => {
              await onConfirm({ reason: preset, note: note.trim() || undefined });
              onClose();
            }}
          >
            {t('action.reject')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
