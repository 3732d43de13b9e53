import { useState } from 'react';
import { Button, Dialog, Field, Textarea } from '@strapi/design-system';

import { useT } from '../hooks/useT';

type Props = {
  title: string;
  confirmLabel: string;
  /** A reason may be optional (restore) or required (invalidate, erase, forfeit). */
  required?: boolean;
  danger?: boolean;
  onConfirm: (reason: string) => Promise<void> | void;
  onClose: () => void;
};

/** Asks why before an action that the audit log will keep. */
export const ReasonDialog = ({ title, confirmLabel, required = true, danger, onConfirm, onClose }: Props) => {
  const t = useT();
  const [reason, setReason] = useState('');
  const missing = required && reason.trim() === '';

  return (
    <Dialog.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Dialog.Content>
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body>
          <Field.Root name="reason" required={required} width="100%">
            <Field.Label>{t('reason.label')}</Field.Label>
            <Textarea value={reason} onChange={(event: any) => setReason(event.target.value)} />
            <Field.Hint />
          </Field.Root>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">{t('action.cancel')}</Button>
          </Dialog.Cancel>
          <Button
            variant={danger ? 'danger-light' : 'default'}
            disabled={missing}
            onClick={async () => {
              await onConfirm(reason.trim());
              onClose();
            }}
          >
            {confirmLabel}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
