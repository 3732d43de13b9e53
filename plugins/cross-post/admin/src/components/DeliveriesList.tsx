import { useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { Delivery } from '../api/crossPost';
import { useT } from '../hooks/useT';
import { StatusBadge } from './StatusBadge';

type Props = {
  deliveries: Delivery[];
  timeZone: string;
  accountName: (id: number) => string;
  onAction: (delivery: Delivery, action: 'cancel' | 'retry') => void;
};

const CANCELLABLE = ['scheduled', 'retrying', 'failed', 'unconfirmed', 'handed'];
const RETRYABLE = ['failed', 'unconfirmed', 'cancelled'];

/** Where a post went or will go: status, time, link, failure, and each attempt on demand. */
export const DeliveriesList = ({ deliveries, timeZone, accountName, onAction }: Props) => {
  const t = useT();
  const { formatDate } = useIntl();
  const [openAttempts, setOpenAttempts] = useState<number | null>(null);
  if (deliveries.length === 0) return null;

  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="cross-post-deliveries">
      <Typography variant="sigma" textColor="neutral600">
        {t('panel.deliveries')}
      </Typography>
      {deliveries.map((delivery) => (
        <Box key={delivery.id} padding={2} background="neutral100" hasRadius>
          <Flex justifyContent="space-between" gap={2}>
            <Typography variant="pi" fontWeight="bold">
              {accountName(delivery.accountId)}
            </Typography>
            <StatusBadge status={delivery.status} />
          </Flex>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {formatDate(delivery.publishedAt ?? delivery.scheduledFor ?? delivery.scheduledAt, {
              dateStyle: 'medium',
              timeStyle: 'short',
              timeZone,
            })}
          </Typography>
          {delivery.url && (
            <a href={delivery.url} target="_blank" rel="noreferrer">
              <Typography variant="pi">{t('panel.open')}</Typography>
            </a>
          )}
          {delivery.failureReason && delivery.status !== 'published' && (
            <Typography variant="pi" textColor="danger600" tag="p">
              {delivery.failureReason}
            </Typography>
          )}
          <Flex gap={2} paddingTop={1}>
            {CANCELLABLE.includes(delivery.status) && (
              <Button size="S" variant="danger-light" onClick={() => onAction(delivery, 'cancel')}>
                {t('panel.cancel')}
              </Button>
            )}
            {RETRYABLE.includes(delivery.status) && (
              <Button size="S" variant="secondary" onClick={() => onAction(delivery, 'retry')}>
                {t('panel.retry')}
              </Button>
            )}
            <Button
              size="S"
              variant="tertiary"
              onClick={() => setOpenAttempts(openAttempts === delivery.id ? null : delivery.id)}
            >
              {t('panel.attempts', { count: delivery.attempts?.length ?? 0 })}
            </Button>
          </Flex>
          {openAttempts === delivery.id &&
            delivery.attempts?.map((attempt) => (
              <Typography key={attempt.id} variant="pi" tag="p" textColor="neutral700">
                {attempt.startedAt ? formatDate(attempt.startedAt, { timeStyle: 'medium', timeZone }) : ''} ·{' '}
                {t(`outcome.${attempt.outcome}`)} {attempt.detail ? `· ${attempt.detail}` : ''}
              </Typography>
            ))}
        </Box>
      ))}
    </Flex>
  );
};
