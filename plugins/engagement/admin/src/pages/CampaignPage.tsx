import { useState } from 'react';
import { Alert, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { FilePdf } from '@strapi/icons';
import { BackButton } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { useApiError } from '@porte-voix/kit/admin';

import { useEngagementApi, type CampaignReport, type ReportFilters } from '../api/engagement';
import { DailyChart } from '../components/Charts';
import { CampaignPartners } from '../components/CampaignPartners';
import { CsvButtons } from '../components/CsvButtons';
import { FigureCard } from '../components/FigureCard';
import { PaidSection } from '../components/PaidSection';
import { PostsTable } from '../components/PostsTable';
import { rateColumn } from '../components/rateColumn';
import { ReportFrame } from '../components/ReportFrame';
import { Section } from '../components/Section';
import { SortableTable, type Column } from '../components/SortableTable';
import { TargetsTable } from '../components/TargetsTable';
import { useFormat } from '../hooks/useFormat';
import { useKpiText } from '../hooks/useKpiText';
import { useLoad } from '../hooks/useLoad';
import { usePermissions } from '../hooks/usePermissions';
import { useT } from '../hooks/useT';

/**
 * One campaign's report: its targets against what was measured with their pace, what cannot be
 * measured on its networks, its figures by network, post and day, and paid spend beside organic.
 * Printable as it is (the print view leaves the admin around it out).
 */
const CampaignPage = () => {
  const { documentId = '' } = useParams();
  const t = useT();
  const format = useFormat();
  const api = useEngagementApi();
  const apiError = useApiError();
  const { locale } = useIntl();
  const { canExport } = usePermissions();
  const report = useLoad(() => api.campaign(documentId), documentId);
  const campaign = report.data?.campaign;

  return (
    <ReportFrame
      title={campaign?.name ?? t('loading')}
      subtitle={
        campaign
          ? t('campaign.subtitle', {
              from: format.day(campaign.startsOn),
              to: format.day(campaign.endsOn),
              timeZone: campaign.timeZone,
            })
          : undefined
      }
      current="campaign"
      navigationAction={<BackButton fallback="../campaigns" />}
      primaryAction={
        report.data ? (
          <Flex gap={2} data-print-hide>
            {canExport && (
              <CsvButtons
                tables={
                  report.data.byPartner.length > 0
                    ? ['daily', 'networks', 'posts', 'partners']
                    : ['daily', 'networks', 'posts']
                }
                download={(table) => api.campaignCsv(documentId, table, locale)}
              />
            )}
            <Button variant="secondary" startIcon={<FilePdf />} onClick={() => window.print()}>
              {t('campaign.print')}
            </Button>
          </Flex>
        ) : undefined
      }
    >
      {(filters) =>
        report.error && !report.data ? (
          <Typography textColor="danger600">{apiError.message(report.error)}</Typography>
        ) : report.data ? (
          <CampaignReportView report={report.data} filters={filters} reload={report.reload} />
        ) : null
      }
    </ReportFrame>
  );
};

const CampaignReportView = ({
  report,
  filters,
  reload,
}: {
  report: CampaignReport;
  filters: ReportFilters;
  reload: () => void;
}) => {
  const t = useT();
  const format = useFormat();
  const { totals } = report;

  return (
    <Flex direction="column" alignItems="stretch" gap={6} data-testid="campaign-report">
      <Warnings report={report} />
      <Section title={t('campaign.targets')} testId="campaign-targets">
        <TargetsTable targets={report.targets} />
      </Section>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Grid.Root gap={4}>
          {(
            [
              ['deliveries', String(totals.deliveries), undefined],
              ['interactions', format.count(totals.interactions), undefined],
              ['impressions', format.count(totals.counters.impressions), undefined],
              ['reach', format.count(totals.counters.reach), undefined],
              ['linkClicks', format.count(totals.counters.linkClicks), undefined],
            ] as const
          ).map(([name, value, note]) => (
            <Grid.Item key={name} col={2} s={6} xs={12} direction="column" alignItems="stretch">
              <FigureCard label={t(`figure.${name}`)} value={value} note={note} testId={`campaign-${name}`} />
            </Grid.Item>
          ))}
          <Grid.Item col={2} s={6} xs={12} direction="column" alignItems="stretch">
            <FigureCard
              label={t('figure.engagementRate')}
              value={format.rate(totals.engagementRate)}
              basis={format.ratio(
                'interactions',
                'impressions',
                totals.interactions,
                totals.counters.impressions
              )}
            />
          </Grid.Item>
        </Grid.Root>
        <Typography variant="pi" textColor="neutral600" data-testid="freshness">
          {totals.newestCollection
            ? t('campaign.freshness', {
                newest: format.ago(totals.newestCollection),
                oldest: format.ago(totals.oldestCollection),
              })
            : t('freshness.none')}
        </Typography>
      </Flex>
      <Section title={t('campaign.daily')}>
        <DailyChart
          label={t('figure.interactions')}
          rows={report.daily.map((row) => ({ day: row.day, value: row.interactions }))}
          formatDay={(day) => format.day(day, 'short')}
          formatValue={format.count}
        />
      </Section>
      <Section title={t('campaign.byNetwork')}>
        <CampaignNetworks report={report} />
      </Section>
      <Section title={t('campaign.byPost')}>
        {report.byPost.length === 0 ? (
          <Typography textColor="neutral600">{t('campaign.byPost.empty')}</Typography>
        ) : (
          <PostsTable posts={report.byPost} testId="campaign-posts" />
        )}
      </Section>
      <CampaignPartners report={report} />
      <PaidSection report={report} networks={Object.keys(filters.networks)} onChange={reload} />
    </Flex>
  );
};

/** Targets that cannot be measured on the campaign's networks, said before anyone waits for them. */
const Warnings = ({ report }: { report: CampaignReport }) => {
  const t = useT();
  const format = useFormat();
  const kpi = useKpiText();
  const [dismissed, setDismissed] = useState<number[]>([]);
  if (report.warnings.length === 0) return null;
  const networks = (list: string[]) => list.map(format.network).join(', ');
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="campaign-warnings">
      {report.warnings.map((warning, index) => {
        if (dismissed.includes(index)) return null;
        const name = kpi.name(warning.metric, warning.network);
        const text =
          warning.status === 'partial'
            ? t('warning.partial', {
                kpi: name,
                measuredOn: networks(warning.measuredOn),
                notMeasuredOn: networks(warning.notMeasuredOn),
              })
            : warning.status === 'unmeasurable'
              ? t(`warning.${warning.reason}`, { kpi: name, networks: networks(warning.notMeasuredOn) })
              : '';
        return (
          <Alert
            key={`${warning.metric}-${warning.network ?? ''}-${index}`}
            variant={warning.status === 'partial' ? 'default' : 'warning'}
            title={t(warning.status === 'partial' ? 'warning.partialTitle' : 'warning.unmeasurableTitle')}
            closeLabel={t('close')}
            onClose={() => setDismissed((current) => [...current, index])}
            data-print-alert
          >
            {text}
          </Alert>
        );
      })}
    </Flex>
  );
};

const CampaignNetworks = ({ report }: { report: CampaignReport }) => {
  const t = useT();
  const format = useFormat();
  type Row = CampaignReport['byNetwork'][number];
  const count = (key: string, label: string, value: (row: Row) => number | null): Column<Row> => ({
    key,
    label,
    sort: value,
    render: (row) => <Typography>{format.count(value(row))}</Typography>,
    align: 'right',
  });
  const columns: Column<Row>[] = [
    {
      key: 'network',
      label: t('table.network'),
      sort: (row) => format.network(row.network),
      render: (row) => <Typography fontWeight="semiBold">{format.network(row.network)}</Typography>,
    },
    count('deliveries', t('table.deliveries'), (row) => row.deliveries),
    count('interactions', t('figure.interactions'), (row) => row.interactions),
    count('impressions', t('figure.impressions'), (row) => row.counters.impressions),
    count('reach', t('figure.reach'), (row) => row.counters.reach),
    count('linkClicks', t('figure.linkClicks'), (row) => row.counters.linkClicks),
    rateColumn(
      'engagementRate',
      t('figure.engagementRate'),
      (row) => row.engagementRate,
      'interactions',
      'impressions'
    ),
    rateColumn(
      'engagementByFollowers',
      t('figure.engagementByFollowers'),
      (row) => row.engagementByFollowers,
      'interactions',
      'followers'
    ),
    {
      key: 'collected',
      label: t('table.collected'),
      sort: (row) => row.lastCollectedAt,
      render: (row) => (
        <Typography variant="pi" textColor="neutral600">
          {format.ago(row.lastCollectedAt, t('freshness.never'))}
        </Typography>
      ),
    },
  ];
  if (report.byNetwork.length === 0)
    return <Typography textColor="neutral600">{t('campaign.byNetwork.empty')}</Typography>;
  return (
    <SortableTable
      columns={columns}
      rows={report.byNetwork}
      rowKey={(row, index) => row.network ?? String(index)}
      initialSort={{ key: 'interactions', direction: 'desc' }}
      caption={t('campaign.byNetwork')}
      testId="campaign-networks"
    />
  );
};

export { CampaignPage };
