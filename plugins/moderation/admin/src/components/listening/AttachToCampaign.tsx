import { useState } from 'react';
import { Box, Field, Flex, Typography } from '@strapi/design-system';
import { useApiError } from '@porte-voix/kit/admin';

import { useModerationApi, type Card } from '../../api/moderation';
import { useT } from '../../hooks/useT';
import { LookupPicker } from '../LookupPicker';

/**
 * A listening mention kept as earned media of a campaign: picked by the campaign's title, changed or
 * cleared the same way. What the server answers is what the box shows.
 */
export const AttachToCampaign = ({ card, onChanged }: { card: Card; onChanged: () => void }) => {
  const t = useT();
  const api = useModerationApi();
  const apiError = useApiError();
  const [campaign, setCampaign] = useState(card.campaignDocumentId ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const attach = async (picked: string) => {
    if (picked === campaign) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.attachToCampaign(card.id, picked || null);
      setCampaign(saved.campaignDocumentId ?? '');
      onChanged();
    } catch (err) {
      setError(apiError.message(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box onClick={(event: React.MouseEvent) => event.stopPropagation()} data-testid="attach-to-campaign">
      <Field.Root name="campaign" error={error ?? undefined} hint={t('listening.campaignHint')}>
        <Field.Label>{t('listening.campaign')}</Field.Label>
        <Flex gap={2} alignItems="center">
          <Box minWidth="260px">
            <LookupPicker
              kind="campaign"
              value={campaign}
              onChange={attach}
              label={t('listening.campaign')}
              testId="mention-campaign"
            />
          </Box>
          {busy && (
            <Typography variant="pi" textColor="neutral600">
              {t('listening.campaignSaving')}
            </Typography>
          )}
          {!busy && campaign && (
            <Typography variant="pi" textColor="success600" data-testid="attached-campaign">
              {t('listening.campaignAttached')}
            </Typography>
          )}
        </Flex>
        <Field.Error />
        <Field.Hint />
      </Field.Root>
    </Box>
  );
};
