import { useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Link,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { BackButton } from '@strapi/strapi/admin';
import { useParams, useSearchParams } from 'react-router-dom';
import { useApiError } from '@porte-voix/kit/admin';

import {
  METRIC_COUNTERS,
  retryAfterOf,
  useEngagementApi,
  type DeliveryMetrics,
  type PostMetrics,
  type ReportFilters,
} from '../api/engagement';
import { LinesChart } from '../components/Charts';
import { RateValue } from '../components/RateValue';
import { ReportFrame } from '../components/ReportFrame';
import { Section } from '../components/Section';
import { useFormat } from '../hooks/useFormat';
import { useLoad } from '../hooks/useLoad';
import { useT } from '../hooks/useT';
import { CURVE_HOURS, first48Hours, type CurveMeasure } from '../utils/curve';
import { clock } from '../utils/time';

const CURVE_MEASURES: CurveMeasure[] = [
  'interactions',
  'impressions',
  'reactions',
  'shares',
  'comments',
  'linkClicks',
];

/**
 * One post across its networks: its deliveries side by side, the first 48 hours of each from its
 * readings, and "refresh now" (limited per post: a refusal says how long to wait).
 */
const PostPage = () => {
  const { documentId = '' } = useParams();
  const t = useT();
  const api = useEngagementApi();
  const apiError = useApiError();
  const metrics = useLoad(() => api.post(documentId), documentId);
  const accounts = useLoad(() => api.health().then((health) => health.accounts), 'accounts');
  const labels = new Map((accounts.data ?? []).map((account) => [account.accountId, account.label]));

  return (
    <ReportFrame
      title={metrics.data ? (metrics.data.title ?? t('post.untitled')) : t('loading')}
      subtitle={metrics.data ? t('post.subtitle', { count: metrics.data.deliveries.length }) : undefined}
      current="post"
      navigationAction={<BackButton fallback=".." />}
      primaryAction={
        metrics.data ? <RefreshButton documentId={documentId} onRefreshed={metrics.setData} /> : undefined
      }
    >
      {(filters) =>
        metrics.error && !metrics.data ? (
          <Typography textColor="danger600">{apiError.message(metrics.error)}</Typography>
        ) : metrics.data ? (
          <PostReport metrics={metrics.data} labels={labels} filters={filters} />
        ) : null
      }
    </ReportFrame>
  );
};

const RefreshButton = ({
  documentId,
  onRefreshed,
}: {
  documentId: string;
  onRefreshed: (metrics: PostMetrics) => void;
}) => {
  const t = useT();
  const format = useFormat();
  const api = useEngagementApi();
  const apiError = useApiError();
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'neutral600' | 'warning600' } | null>(null);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    if (!waitUntil) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= waitUntil) setWaitUntil(null);
    }, 1000);
    return () => clearInterval(timer);
  }, [waitUntil]);

  const refresh = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const answer = await api.refreshPost(documentId);
      onRefreshed(answer);
      const refusals = answer.refresh?.refusals ?? [];
      setMessage({
        tone: refusals.length ? 'warning600' : 'neutral600',
        text: [
          t('refresh.done', { count: answer.refresh?.collected ?? 0 }),
          ...refusals.map((refusal) =>
            t('refresh.refused', {
              network: format.network(refusal.network),
              message: refusal.message,
              time: format.dateTime(refusal.retryAt),
            })
          ),
        ].join(' '),
      });
    } catch (error) {
      const seconds = retryAfterOf(error);
      if (seconds) {
        setWaitUntil(Date.now() + seconds * 1000);
        setNow(Date.now());
      } else apiError.notify(error);
    } finally {
      setBusy(false);
    }
  };

  const waiting = waitUntil !== null && waitUntil > now;
  return (
    <Flex direction="column" alignItems="flex-end" gap={1} data-print-hide>
      <Button startIcon={<ArrowClockwise />} onClick={refresh} loading={busy} disabled={waiting}>
        {t('refresh.button')}
      </Button>
      {waiting && (
        <Typography variant="pi" textColor="warning600" role="status" data-testid="refresh-wait">
          {t('refresh.wait', { wait: clock((waitUntil! - now) / 1000) })}
        </Typography>
      )}
      {message && (
        <Typography variant="pi" textColor={message.tone} role="status" data-testid="refresh-outcome">
          {message.text}
        </Typography>
      )}
    </Flex>
  );
};

const PostReport = ({
  metrics,
  labels,
  filters,
}: {
  metrics: PostMetrics;
  labels: Map<number, string>;
  filters: ReportFilters;
}) => {
  const t = useT();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const measure = (CURVE_MEASURES as string[]).includes(params.get('curve') ?? '')
    ? (params.get('curve') as CurveMeasure)
    : 'interactions';
  const name = (delivery: DeliveryMetrics) =>
    `${format.network(delivery.network)}${labels.get(delivery.accountId) ? ` · ${labels.get(delivery.accountId)}` : ''}`;
  const series = metrics.deliveries
    .map((delivery) => ({
      key: String(delivery.deliveryId),
      label: name(delivery),
      network: delivery.network,
      points: first48Hours(delivery, measure).map((point) => ({ x: point.hour, y: point.value })),
    }))
    .filter((line) => line.points.length > 0);

  return (
    <Flex direction="column" alignItems="stretch" gap={6} data-testid="post-report">
      <Section title={t('post.side')}>
        <DeliveriesSideBySide deliveries={metrics.deliveries} name={name} filters={filters} />
      </Section>
      <Section
        title={t('post.curve')}
        actions={
          <Box minWidth="200px" data-print-hide>
            <Field.Root name="curve">
              <SingleSelect
                aria-label={t('chart.measure')}
                value={measure}
                onChange={(value: string | number) =>
                  setParams((current) => {
                    const next = new URLSearchParams(current);
                    next.set('curve', String(value));
                    return next;
                  })
                }
              >
                {CURVE_MEASURES.map((option) => (
                  <SingleSelectOption key={option} value={option}>
                    {t(`figure.${option}`)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Box>
        }
      >
        {series.length === 0 ? (
          <Typography textColor="neutral600">{t('post.curve.empty')}</Typography>
        ) : (
          <LinesChart
            series={series}
            step
            numericX={{ min: 0, max: CURVE_HOURS, ticks: [0, 6, 12, 18, 24, 30, 36, 42, 48] }}
            formatX={(hour) => t('post.curve.hour', { hour: Number(hour) })}
            formatY={format.count}
          />
        )}
        <Typography variant="pi" textColor="neutral600">
          {t('post.curve.note')}
        </Typography>
      </Section>
    </Flex>
  );
};

const STATE_COLOURS: Record<DeliveryMetrics['state'], [string, string]> = {
  active: ['success600', 'success100'],
  frozen: ['neutral600', 'neutral150'],
  gone: ['danger600', 'danger100'],
  unavailable: ['warning600', 'warning100'],
};

/** Each delivery in a column, each figure in a row: "n/a" where that network does not measure it. */
const DeliveriesSideBySide = ({
  deliveries,
  name,
  filters,
}: {
  deliveries: DeliveryMetrics[];
  name: (delivery: DeliveryMetrics) => string;
  filters: ReportFilters;
}) => {
  const t = useT();
  const format = useFormat();
  const cell = (content: React.ReactNode, key: string | number) => <Td key={key}>{content}</Td>;
  const rows: Array<{ key: string; label: string; render: (delivery: DeliveryMetrics) => React.ReactNode }> =
    [
      {
        key: 'state',
        label: t('post.state'),
        render: (delivery) => {
          const [text, background] = STATE_COLOURS[delivery.state];
          return (
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Badge textColor={text} backgroundColor={background}>
                {t(`state.${delivery.state}`)}
              </Badge>
              {delivery.stateReason && (
                <Typography variant="pi" textColor="neutral600">
                  {delivery.stateReason}
                </Typography>
              )}
            </Flex>
          );
        },
      },
      {
        key: 'postedAt',
        label: t('post.postedAt'),
        render: (delivery) => <Typography>{format.dateTime(delivery.postedAt)}</Typography>,
      },
      {
        key: 'interactions',
        label: t('figure.interactions'),
        render: (delivery) => (
          <Typography fontWeight="bold">{format.count(delivery.interactions)}</Typography>
        ),
      },
      {
        key: 'engagementRate',
        label: t('figure.engagementRate'),
        render: (delivery) => (
          <RateValue rate={delivery.engagementRate} numerator="interactions" denominator="impressions" />
        ),
      },
      {
        key: 'engagementByFollowers',
        label: t('figure.engagementByFollowers'),
        render: (delivery) => (
          <Flex direction="column" alignItems="flex-start">
            <RateValue
              rate={delivery.engagementByFollowers}
              numerator="interactions"
              denominator="followers"
            />
            {delivery.followersAtPublish !== null && (
              <Typography variant="pi" textColor="neutral600">
                {t('post.followersAtPublish', { count: format.count(delivery.followersAtPublish) })}
              </Typography>
            )}
          </Flex>
        ),
      },
      ...METRIC_COUNTERS.map((counter) => ({
        key: counter,
        label: t(`figure.${counter}`),
        render: (delivery: DeliveryMetrics) => {
          const value = delivery.counters[counter];
          const measured = filters.networks[delivery.network]?.measures.includes(counter);
          return (
            <Typography
              textColor={value === null ? 'neutral500' : undefined}
              title={value === null && !measured ? t('missing.networkDoesNotMeasure') : undefined}
            >
              {format.count(value)}
            </Typography>
          );
        },
      })),
      {
        key: 'collected',
        label: t('table.collected'),
        render: (delivery) => (
          <Flex direction="column" alignItems="flex-start">
            <Typography>{format.ago(delivery.lastCollectedAt, t('freshness.never'))}</Typography>
            <Typography variant="pi" textColor="neutral600">
              {delivery.nextCollectAt
                ? t('post.nextCollect', { ago: format.ago(delivery.nextCollectAt) })
                : t('post.noMoreCollection')}
            </Typography>
          </Flex>
        ),
      },
    ];

  return (
    <Box overflow="auto">
      <Table colCount={deliveries.length + 1} rowCount={rows.length + 1} data-testid="post-deliveries">
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('post.figure')}</Typography>
            </Th>
            {deliveries.map((delivery) => (
              <Th key={delivery.deliveryId}>
                <Flex direction="column" alignItems="flex-start">
                  <Typography variant="sigma">{name(delivery)}</Typography>
                  {delivery.url && (
                    <Link href={delivery.url} isExternal>
                      {t('post.open')}
                    </Link>
                  )}
                </Flex>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row) => (
            <Tr key={row.key}>
              <Td>
                <Typography fontWeight="semiBold">{row.label}</Typography>
              </Td>
              {deliveries.map((delivery) => cell(row.render(delivery), delivery.deliveryId))}
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
};

export { PostPage };
