import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { ListeningAlert } from '../../api/moderation';
import { useT } from '../../hooks/useT';

/** Alert episodes, open ones first: what rose, on which search, since when, against what level. */
export const AlertsList = ({ alerts }: { alerts: ListeningAlert[] }) => {
  const t = useT();
  const { formatDate } = useIntl();
  const when = (at: string) => formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
  if (alerts.length === 0) return <Typography textColor="neutral600">{t('listening.noAlerts')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {alerts.map((alert) => (
        <Box key={alert.id} padding={3} background="neutral100" hasRadius data-testid="listening-alert">
          <Flex gap={2} alignItems="center" wrap="wrap">
            <Badge
              backgroundColor={alert.open ? 'danger100' : 'neutral150'}
              textColor={alert.open ? 'danger700' : 'neutral700'}
            >
              {t(alert.open ? 'listening.alert.open' : 'listening.alert.ended')}
            </Badge>
            <Typography fontWeight="bold">{t(`listening.alert.${alert.kind}`)}</Typography>
            <Typography>{alert.searchName ?? `#${alert.searchId}`}</Typography>
            <Typography variant="pi" textColor="neutral600">
              {t(`listening.alert.level.${alert.kind}`, {
                level: alert.kind === 'negative' ? Math.round(alert.level * 100) : alert.level,
                threshold: Math.round(alert.kind === 'negative' ? alert.threshold * 100 : alert.threshold),
              })}
              {' · '}
              {alert.endedAt
                ? t('listening.alert.between', { from: when(alert.startedAt), to: when(alert.endedAt) })
                : t('listening.alert.since', { from: when(alert.startedAt) })}
            </Typography>
          </Flex>
        </Box>
      ))}
    </Flex>
  );
};
