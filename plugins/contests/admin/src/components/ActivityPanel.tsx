import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { ContestDetail } from '../api/contests';
import { useT } from '../hooks/useT';

/** Entries per day as bars, the counts by status, and how often each fraud signal fired. */
export const ActivityPanel = ({ detail }: { detail: ContestDetail }) => {
  const { formatDate } = useIntl();
  const t = useT();
  const busiest = Math.max(1, ...detail.perDay.map((day) => day.entries));
  const signals = Object.entries(detail.signals);

  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Typography variant="delta" tag="h2">
        {t('activity.title')}
      </Typography>
      <Flex gap={6} paddingTop={4} alignItems="flex-start" wrap="wrap">
        <Box>
          <Typography variant="sigma" textColor="neutral600">
            {t('activity.window')}
          </Typography>
          <Typography tag="p">
            {formatDate(detail.settings.entryOpensAt, { dateStyle: 'medium', timeStyle: 'short' })} →{' '}
            {formatDate(detail.settings.entryClosesAt, { dateStyle: 'medium', timeStyle: 'short' })}
          </Typography>
          <Box paddingTop={3}>
            {(['valid', 'review', 'invalidated', 'unconfirmed'] as const).map((status) => (
              <Typography key={status} tag="p" data-testid={`count-${status}`}>
                {t('activity.count', { label: t(`status.${status}`), count: detail.counts[status] ?? 0 })}
              </Typography>
            ))}
            <Typography tag="p" variant="pi" textColor="neutral600" data-testid="double-opt-in">
              {t(detail.settings.doubleOptIn ? 'activity.doubleOptIn.on' : 'activity.doubleOptIn.off')}
            </Typography>
          </Box>
        </Box>
        <Box flex="1" minWidth="240px">
          <Typography variant="sigma" textColor="neutral600">
            {t('activity.perDay')}
          </Typography>
          {detail.perDay.length === 0 && <Typography tag="p">{t('activity.none')}</Typography>}
          {detail.perDay.map(({ day, entries }) => (
            <Flex key={day} gap={2} paddingTop={1}>
              <Box minWidth="96px">
                <Typography variant="pi">{formatDate(day, { dateStyle: 'medium' })}</Typography>
              </Box>
              <Box
                background="primary500"
                hasRadius
                style={{ height: 10, width: `${(entries / busiest) * 100}%`, maxWidth: 320 }}
              />
              <Typography variant="pi">{entries}</Typography>
            </Flex>
          ))}
        </Box>
        <Box>
          <Typography variant="sigma" textColor="neutral600">
            {t('activity.signals')}
          </Typography>
          {signals.length === 0 && <Typography tag="p">{t('activity.noSignals')}</Typography>}
          {signals.map(([type, count]) => (
            <Typography key={type} tag="p">
              {t('activity.count', { label: t(`signal.${type}`), count })}
            </Typography>
          ))}
        </Box>
      </Flex>
    </Box>
  );
};
