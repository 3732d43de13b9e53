import { useState } from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { useApiError } from '@porte-voix/kit/admin';

import { useModerationApi, type Card } from '../../api/moderation';
import { useT } from '../../hooks/useT';

/**
 * A listening mention is answered once sent to the inbox: the first account of its network then
 * answers it from the queue, and only from then does it count in response times.
 */
export const SendToInbox = ({ card, onSent }: { card: Card; onSent: () => void }) => {
  const t = useT();
  const api = useModerationApi();
  const apiError = useApiError();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setSending(true);
    setError(null);
    try {
      await api.sendToInbox(card.id);
      onSent();
    } catch (err) {
      setError(apiError.message(err));
    } finally {
      setSending(false);
    }
  };
  return (
    <Flex gap={2} alignItems="center">
      <Button size="S" variant="secondary" loading={sending} onClick={send}>
        {t('listening.sendToInbox')}
      </Button>
      <Typography variant="pi" textColor={error ? 'danger600' : 'neutral600'}>
        {error ?? t('listening.sendToInboxHint')}
      </Typography>
    </Flex>
  );
};
