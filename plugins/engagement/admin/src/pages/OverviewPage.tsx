import { Box, Field, Flex, Grid, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useApiError } from '@porte-voix/kit/admin';

import { useEngagementApi, type MetricCounter, type Overview, type ReportFilters } from '../api/engagement';
import { DailyChart } from '../components/Charts';
import { CsvButtons } from '../components/CsvButtons';
import { FigureCard } from '../components/FigureCard';
import { PostsTable } from '../components/PostsTable';
import { Freshness } from '../components/Freshness';
import { rateColumn } from '../components/rateColumn';
import { ReportFilters as Filters } from '../components/ReportFilters';
import { ReportFrame } from '../components/ReportFrame';
import { Section } from '../components/Section';
import { SortableTable, type Column } from '../components/SortableTable';
import { useFormat } from '../hooks/useFormat';
import { useLoad } from '../hooks/useLoad';
import { usePermissions } from '../hooks/usePermissions';
import { useReportQuery } from '../hooks/useReportQuery';
import { useT } from '../hooks/useT';
import { useWhyMissing } from '../hooks/useWhyMissing';

const COUNTER_CARDS: MetricCounter[] = [
  'impressions',
  'reach',
  'views',
  'reactions',
  'comments',
  'shares',
  'linkClicks',
  'profileClicks',
];
export const CHART_MEASURES = [
  'interactions',
  'impressions',
  'reach',
  'linkClicks',
  'reactions',
  'comments',
  'shares',
] as const;
type ChartMeasure = (typeof CHART_MEASURES)[number];

/** The period's figures against the previous period or last year, day by day, per network and per post. */
const OverviewPage = () => {
  const t = useT();
  return (
    <ReportFrame title={t('overview.title')} subtitle={t('overview.subtitle')} current="overview">
      {(filters) => <OverviewReport filters={filters} />}
    </ReportFrame>
  );
};

const OverviewReport = ({ filters }: { filters: ReportFilters }) => {
  const t = useT();
  const format = useFormat();
  const { locale } = useIntl();
  const api = useEngagementApi();
  const apiError = useApiError();
  const { canExport } = usePermissions();
  const { query, params, update, today } = useReportQuery(filters.timeZone);
  const key = JSON.stringify(query);
  const overview = useLoad(() => api.overview(query), key);
  const posts = useLoad(() => api.topPosts(query), key);
  const chart = (CHART_MEASURES as readonly string[]).includes(params.get('chart') ?? '')
    ? (params.get('chart') as ChartMeasure)
    : 'interactions';

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Filters query={query} today={today} filters={filters} update={update} />
      {overview.error ? (
        <Typography textColor="danger600">{apiError.message(overview.error)}</Typography>
      ) : null}
      {overview.data && (
        <OverviewFigures
          overview={overview.data}
          filters={filters}
          filtered={Boolean(query.campaign || query.network)}
          loading={overview.loading}
        />
      )}
      {overview.data && (
        <Section
          title={t('overview.daily')}
          actions={
            <Box minWidth="200px" data-print-hide>
              <Field.Root name="chart">
                <SingleSelect
                  aria-label={t('chart.measure')}
                  value={chart}
                  onChange={(value: string | number) => update({ chart: String(value) })}
                >
                  {CHART_MEASURES.map((measure) => (
                    <SingleSelectOption key={measure} value={measure}>
                      {t(`figure.${measure}`)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
          }
        >
          <DailyChart
            label={t(`figure.${chart}`)}
            rows={overview.data.daily.map((row) => ({
              day: row.day,
              value: chart === 'interactions' ? row.interactions : row.counters[chart],
            }))}
            formatDay={(day) => format.day(day, 'short')}
            formatValue={format.count}
          />
        </Section>
      )}
      {overview.data && (
        <Section
          title={t('overview.byNetwork')}
          actions={
            canExport ? (
              <CsvButtons
                tables={['daily', 'networks', 'posts']}
                download={(table) => api.overviewCsv(query, table, locale)}
              />
            ) : null
          }
        >
          <NetworkTable overview={overview.data} />
        </Section>
      )}
      {posts.data && (
        <Section title={t('overview.posts')}>
          {posts.data.length === 0 ? (
            <Typography textColor="neutral600">{t('overview.posts.empty')}</Typography>
          ) : (
            <PostsTable posts={posts.data} />
          )}
        </Section>
      )}
    </Flex>
  );
};

const OverviewFigures = ({
  overview,
  filters,
  filtered,
  loading,
}: {
  overview: Overview;
  filters: ReportFilters;
  filtered: boolean;
  loading: boolean;
}) => {
  const t = useT();
  const format = useFormat();
  const why = useWhyMissing(filters.networks, overview.sources);
  const { current, previous, changes, comparison } = overview;
  const measuredOn = (counter: MetricCounter) =>
    overview.byNetwork
      .filter((row) => row.counters[counter] !== null)
      .map((row) => format.network(row.network));
  const note = (counter: MetricCounter) => {
    if (current.counters[counter] === null) return why(counter);
    const networks = measuredOn(counter);
    return networks.length ? t('figure.from', { networks: networks.join(', ') }) : undefined;
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} aria-busy={loading} data-testid="overview-figures">
      <Typography variant="pi" textColor="neutral600">
        {t(comparison.kind === 'year' ? 'overview.comparedYear' : 'overview.comparedPrevious', {
          from: format.day(comparison.from),
          to: format.day(comparison.to),
        })}
      </Typography>
      <Grid.Root gap={4}>
        <Grid.Item col={3} s={6} xs={12} alignItems="stretch" direction="column">
          <FigureCard
            label={t('figure.interactions')}
            value={format.count(current.interactions)}
            change={changes.interactions}
            previous={previous.interactions === null ? null : format.count(previous.interactions)}
            note={current.interactions === null ? why('interactions') : t('figure.interactionsNote')}
            testId="figure-interactions"
          />
        </Grid.Item>
        <Grid.Item col={3} s={6} xs={12} alignItems="stretch" direction="column">
          <FigureCard
            label={t('figure.engagementRate')}
            value={format.rate(current.engagementRate)}
            basis={format.ratio(
              'interactions',
              'impressions',
              current.interactions,
              current.counters.impressions
            )}
            note={current.engagementRate === null ? why('impressions') : undefined}
            testId="figure-engagementRate"
          />
        </Grid.Item>
        <Grid.Item col={3} s={6} xs={12} alignItems="stretch" direction="column">
          <FigureCard
            label={t('figure.clickThroughRate')}
            value={format.rate(current.clickThroughRate)}
            basis={format.ratio(
              'linkClicks',
              'impressions',
              current.counters.linkClicks,
              current.counters.impressions
            )}
            note={current.clickThroughRate === null ? why('linkClicks') : undefined}
            testId="figure-clickThroughRate"
          />
        </Grid.Item>
        <Grid.Item col={3} s={6} xs={12} alignItems="stretch" direction="column">
          <FigureCard
            label={t('figure.followersGained')}
            value={format.count(current.followersGained)}
            change={changes.followersGained}
            previous={previous.followersGained === null ? null : format.count(previous.followersGained)}
            note={filtered ? t('figure.followersFiltered') : undefined}
            testId="figure-followersGained"
          />
        </Grid.Item>
        {COUNTER_CARDS.map((counter) => (
          <Grid.Item key={counter} col={3} s={6} xs={12} alignItems="stretch" direction="column">
            <FigureCard
              label={t(`figure.${counter}`)}
              value={format.count(current.counters[counter])}
              change={changes[counter]}
              previous={previous.counters[counter] === null ? null : format.count(previous.counters[counter])}
              note={note(counter)}
              testId={`figure-${counter}`}
            />
          </Grid.Item>
        ))}
      </Grid.Root>
      <Freshness sources={overview.sources} />
    </Flex>
  );
};

const NetworkTable = ({ overview }: { overview: Overview }) => {
  const t = useT();
  const format = useFormat();
  const collected = new Map(overview.sources.map((source) => [source.network, source.lastCollectedAt]));
  type Row = Overview['byNetwork'][number];
  const counter = (name: MetricCounter): Column<Row> => ({
    key: name,
    label: t(`figure.${name}`),
    sort: (row) => row.counters[name],
    render: (row) => <Typography>{format.count(row.counters[name])}</Typography>,
    align: 'right',
  });
  const columns: Column<Row>[] = [
    {
      key: 'network',
      label: t('table.network'),
      sort: (row) => format.network(row.network),
      render: (row) => <Typography fontWeight="semiBold">{format.network(row.network)}</Typography>,
    },
    {
      key: 'interactions',
      label: t('figure.interactions'),
      sort: (row) => row.interactions,
      render: (row) => <Typography>{format.count(row.interactions)}</Typography>,
      align: 'right',
    },
    counter('impressions'),
    counter('reach'),
    counter('reactions'),
    counter('comments'),
    counter('shares'),
    counter('linkClicks'),
    rateColumn(
      'engagementRate',
      t('figure.engagementRate'),
      (row) => row.engagementRate,
      'interactions',
      'impressions'
    ),
    rateColumn(
      'clickThroughRate',
      t('figure.clickThroughRate'),
      (row) => row.clickThroughRate,
      'linkClicks',
      'impressions'
    ),
    {
      key: 'collected',
      label: t('table.collected'),
      sort: (row) => collected.get(row.network) ?? null,
      render: (row) => (
        <Typography variant="pi" textColor="neutral600">
          {format.ago(collected.get(row.network), t('freshness.never'))}
        </Typography>
      ),
    },
  ];
  if (overview.byNetwork.length === 0)
    return <Typography textColor="neutral600">{t('overview.byNetwork.empty')}</Typography>;
  return (
    <SortableTable
      columns={columns}
      rows={overview.byNetwork}
      rowKey={(row) => row.network}
      initialSort={{ key: 'interactions', direction: 'desc' }}
      caption={t('overview.byNetwork')}
      testId="network-table"
    />
  );
};

export { OverviewPage };
