import { Box, Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';

import type { AccountHealth } from '../api/engagement';
import { useFormat } from '../hooks/useFormat';
import { useT } from '../hooks/useT';
import { useHomepageSummary } from './useHomepageSummary';

const TILES = ['reconnect', 'rateLimited', 'stale'] as const;
type Tile = (typeof TILES)[number];

const tileBackground = (tile: Tile, count: number) =>
  count === 0 ? 'neutral100' : tile === 'reconnect' ? 'danger100' : 'warning100';

/**
 * Homepage widget: is collection working? Accounts to reconnect, accounts waiting on a network's rate
 * limit, and deliveries whose numbers are late. From 8 columns, the accounts needing attention and why.
 */
export const HealthWidget = ({ columnWidth = 6 }: { columnWidth?: number }) => {
  const t = useT();
  const format = useFormat();
  const { summary, failed } = useHomepageSummary();

  if (failed) return <Widget.Error>{t('widget.error')}</Widget.Error>;
  if (!summary) return <Widget.Loading>{t('widget.loading')}</Widget.Loading>;
  const { health } = summary;
  const counts: Record<Tile, number> = {
    reconnect: health.reconnect,
    rateLimited: health.rateLimited,
    stale: health.stale,
  };
  const followed = health.deliveries.active;
  const attention = health.accounts.filter((account) => account.reconnect || account.waiting);
  const narrow = columnWidth <= 4;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="engagement-health-widget">
      <Flex gap={2} direction={narrow ? 'column' : 'row'} alignItems="stretch">
        {TILES.map((tile) => (
          <Box
            key={tile}
            flex="1"
            padding={narrow ? 2 : 3}
            hasRadius
            background={tileBackground(tile, counts[tile])}
            data-testid={`health-${tile}`}
          >
            <Flex
              direction={narrow ? 'row' : 'column'}
              justifyContent="space-between"
              alignItems={narrow ? 'center' : 'flex-start'}
            >
              <Typography variant={narrow ? 'delta' : 'beta'} tag="p">
                {counts[tile]}
              </Typography>
              <Typography variant="pi" textColor="neutral700">
                {t(`widget.health.${tile}`, { count: counts[tile] })}
              </Typography>
            </Flex>
          </Box>
        ))}
      </Flex>
      <Typography variant="pi" textColor="neutral600">
        {t('widget.health.followed', {
          active: followed,
          frozen: health.deliveries.frozen,
          gone: health.deliveries.gone,
        })}
      </Typography>
      {columnWidth >= 8 &&
        attention.map((account) => <AccountLine key={account.accountId} account={account} format={format} />)}
    </Flex>
  );
};

const AccountLine = ({
  account,
  format,
}: {
  account: AccountHealth;
  format: ReturnType<typeof useFormat>;
}) => {
  const t = useT();
  return (
    <Flex gap={2} justifyContent="space-between" data-testid="health-account">
      <Typography fontWeight="semiBold">
        {account.label} · {format.network(account.network)}
      </Typography>
      <Typography variant="pi" textColor={account.reconnect ? 'danger600' : 'warning600'}>
        {account.reconnect
          ? t('widget.health.toReconnect')
          : t('widget.health.waitingUntil', { time: format.dateTime(account.pausedUntil) })}
        {account.reason ? ` — ${account.reason}` : ''}
      </Typography>
    </Flex>
  );
};
