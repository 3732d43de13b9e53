import { useEffect, useState } from 'react';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import { useCrossPostApi, type Delivery } from '../api/crossPost';
import { StatusBadge } from '../components/StatusBadge';
import { useT } from '../hooks/useT';
import { useTimeZone } from '../hooks/useTimeZone';
import { PLUGIN_ID } from '../pluginId';

const DAY_MS = 24 * 60 * 60 * 1000;
const SHOWN = 5;
const WAITING = new Set(['scheduled', 'retrying', 'publishing']);
const NEEDS_ATTENTION = new Set(['failed', 'unconfirmed']);

type State = { upcoming: Delivery[]; attention: number; labels: Record<string, string> };

/** When it goes out: a retry's next attempt rather than the time first asked for. */
const dueOf = (delivery: Delivery) => delivery.scheduledFor ?? delivery.scheduledAt;

/**
 * Homepage widget: the next publications of the coming fortnight, and how many of the last week's
 * failed or could not be confirmed. One line per delivery, so it reads at 4 columns as at 12.
 */
export const UpcomingWidget = () => {
  const t = useT();
  const { formatDate } = useIntl();
  const api = useCrossPostApi();
  const [timeZone] = useTimeZone();
  const [state, setState] = useState<State | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    const now = Date.now();
    Promise.all([
      api.deliveries({ from: new Date(now), to: new Date(now + 14 * DAY_MS) }),
      api.deliveries({ from: new Date(now - 7 * DAY_MS), to: new Date(now) }),
      api.networks(),
    ])
      .then(([coming, lastWeek, networks]) => {
        if (!live) return;
        setState({
          upcoming: coming
            .filter((delivery) => WAITING.has(delivery.status))
            .sort((a, b) => dueOf(a).localeCompare(dueOf(b)))
            .slice(0, SHOWN),
          attention: lastWeek.filter((delivery) => NEEDS_ATTENTION.has(delivery.status)).length,
          labels: Object.fromEntries(networks.map((network) => [network.id, network.label])),
        });
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [api]);

  if (failed) return <Widget.Error>{t('widget.upcoming.error')}</Widget.Error>;
  if (!state) return <Widget.Loading>{t('widget.loading')}</Widget.Loading>;
  if (state.upcoming.length === 0 && state.attention === 0)
    return <Widget.NoData>{t('widget.upcoming.empty')}</Widget.NoData>;

  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="cross-post-upcoming-widget">
      {state.attention > 0 && (
        <Box padding={2} hasRadius background="danger100">
          <Link tag={RouterLink} to={`/plugins/${PLUGIN_ID}`}>
            {t('widget.upcoming.attention', { count: state.attention })}
          </Link>
        </Box>
      )}
      {state.upcoming.map((delivery) => (
        <Flex key={delivery.id} gap={2} justifyContent="space-between" data-testid="upcoming-delivery">
          <Box minWidth={0}>
            <Typography tag="p" fontWeight="semiBold" ellipsis>
              {delivery.postTitle ?? t('widget.upcoming.untitled')}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {state.labels[delivery.network] ?? delivery.network} ·{' '}
              {formatDate(dueOf(delivery), {
                timeZone,
                weekday: 'short',
                day: 'numeric',
                month: 'short',
                hour: '2-digit',
                minute: '2-digit',
              })}
            </Typography>
          </Box>
          <StatusBadge status={delivery.status} />
        </Flex>
      ))}
    </Flex>
  );
};
