/** Calendar of deliveries by week or month, filterable by campaign and network. */
import { useEffect, useMemo, useState } from 'react';
import {
  Box,
  Button,
  Flex,
  Grid,
  Main,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useApiError } from '@porte-voix/kit/admin';

import { StatusBadge } from '../components/StatusBadge';
import { useCrossPostApi, type Delivery } from '../api/crossPost';
import { useNetworks } from '../hooks/useNetworks';
import { useT } from '../hooks/useT';

type View = 'week' | 'month';
const DAY = 86_400_000;

function startOfWeek(date: Date): Date {
  const d = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  return new Date(d.getTime() - ((d.getDay() + 6) % 7) * DAY);
}

/** The days shown: a week, or the weeks covering a month (Monday first). */
function daysOf(view: View, anchor: Date): Date[] {
  const first =
    view === 'week' ? startOfWeek(anchor) : startOfWeek(new Date(anchor.getFullYear(), anchor.getMonth(), 1));
  const count =
    view === 'week'
      ? 7
      : Math.ceil(
          (new Date(anchor.getFullYear(), anchor.getMonth() + 1, 0).getTime() - first.getTime()) / DAY / 7 +
            0.01
        ) * 7;
  return Array.from(
    { length: count },
    (_, i) => new Date(first.getFullYear(), first.getMonth(), first.getDate() + i)
  );
}

const CalendarPage = () => {
  const { formatDate } = useIntl();
  const t = useT();
  const api = useCrossPostApi();
  const apiError = useApiError();
  const networks = useNetworks();
  const [view, setView] = useState<View>('week');
  const [anchor, setAnchor] = useState(() => new Date());
  const [network, setNetwork] = useState('');
  const [campaign, setCampaign] = useState('');
  const [campaigns, setCampaigns] = useState<{ documentId: string; name: string }[]>([]);
  const [deliveries, setDeliveries] = useState<Delivery[]>([]);
  const [error, setError] = useState<string | null>(null);
  const days = useMemo(() => daysOf(view, anchor), [view, anchor]);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  useEffect(() => {
    api.campaigns().then(setCampaigns, () => setCampaigns([]));
  }, [api]);

  useEffect(() => {
    const to = new Date(days[days.length - 1].getTime() + DAY - 1);
    api
      .calendar({ from: days[0], to, network, campaign })
      .then((found) => {
        setDeliveries(found);
        setError(null);
      })
      .catch((e) => setError(apiError.message(e)));
  }, [api, apiError, days, network, campaign]);

  const move = (direction: number) =>
    setAnchor((a) =>
      view === 'week'
        ? new Date(a.getTime() + direction * 7 * DAY)
        : new Date(a.getFullYear(), a.getMonth() + direction, 1)
    );

  return (
    <Main>
      <Layouts.Header title={t('calendar.title')} subtitle={t('calendar.subtitle', { timeZone })} />
      <Layouts.Content>
        <Flex gap={2} paddingBottom={4} wrap="wrap">
          <Button variant="tertiary" onClick={() => move(-1)}>
            {t('calendar.previous')}
          </Button>
          <Button variant="tertiary" onClick={() => setAnchor(new Date())}>
            {t('calendar.today')}
          </Button>
          <Button variant="tertiary" onClick={() => move(1)}>
            {t('calendar.next')}
          </Button>
          <Button variant={view === 'week' ? 'default' : 'secondary'} onClick={() => setView('week')}>
            {t('calendar.week')}
          </Button>
          <Button variant={view === 'month' ? 'default' : 'secondary'} onClick={() => setView('month')}>
            {t('calendar.month')}
          </Button>
          <Box minWidth="180px">
            <SingleSelect
              aria-label={t('calendar.network')}
              placeholder={t('calendar.allNetworks')}
              value={network}
              onChange={(v) => setNetwork(String(v))}
              onClear={() => setNetwork('')}
            >
              {networks.map((n) => (
                <SingleSelectOption key={n.id} value={n.id}>
                  {n.label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Box minWidth="220px">
            <SingleSelect
              aria-label={t('calendar.campaign')}
              placeholder={t('calendar.allCampaigns')}
              value={campaign}
              onChange={(v) => setCampaign(String(v))}
              onClear={() => setCampaign('')}
            >
              {campaigns.map((c) => (
                <SingleSelectOption key={c.documentId} value={c.documentId}>
                  {c.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
        </Flex>
        {error && <Typography textColor="danger600">{error}</Typography>}
        <Grid.Root gap={2} gridCols={7} data-testid="cross-post-calendar">
          {days.map((day) => {
            const items = deliveries.filter((d) => {
              const at = new Date(d.publishedAt ?? d.scheduledAt);
              return at >= day && at.getTime() < day.getTime() + DAY;
            });
            return (
              <Grid.Item key={day.toISOString()} col={1} direction="column" alignItems="stretch">
                <Box
                  background="neutral0"
                  padding={2}
                  hasRadius
                  shadow="tableShadow"
                  minHeight="120px"
                  width="100%"
                >
                  <Typography
                    variant="sigma"
                    textColor={day.getMonth() === anchor.getMonth() ? 'neutral800' : 'neutral400'}
                  >
                    {formatDate(day, { weekday: 'short', day: 'numeric', month: 'short' })}
                  </Typography>
                  {items.map((d) => (
                    <Box key={d.id} paddingTop={1} data-testid={`calendar-delivery-${d.id}`}>
                      <Typography variant="pi" tag="p">
                        {formatDate(d.publishedAt ?? d.scheduledAt, { timeStyle: 'short' })} · {d.network}
                      </Typography>
                      <Typography variant="pi" tag="p" ellipsis>
                        {d.postTitle}
                      </Typography>
                      <StatusBadge status={d.status} />
                    </Box>
                  ))}
                </Box>
              </Grid.Item>
            );
          })}
        </Grid.Root>
      </Layouts.Content>
    </Main>
  );
};

export { CalendarPage };
