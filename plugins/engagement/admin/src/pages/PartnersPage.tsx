import { Flex, Grid, TextButton, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useApiError } from '@porte-voix/kit/admin';

import type { Period, ReportFilters } from '../api/engagement';
import { usePartnersApi, type PartnerLink, type PartnerPost, type PartnerRow } from '../api/partners';
import { DailyChart } from '../components/Charts';
import { CsvButtons } from '../components/CsvButtons';
import { FigureCard } from '../components/FigureCard';
import { PartnerShares } from '../components/PartnerShares';
import { ReportFilters as Filters } from '../components/ReportFilters';
import { ReportFrame } from '../components/ReportFrame';
import { Section } from '../components/Section';
import { SortableTable, type Column } from '../components/SortableTable';
import { useFormat } from '../hooks/useFormat';
import { useLoad } from '../hooks/useLoad';
import { usePermissions } from '../hooks/usePermissions';
import { useReportQuery } from '../hooks/useReportQuery';
import { useT } from '../hooks/useT';

/** What each partnership brought over the period: people who followed its links (bots apart) and its posts. */
const PartnersPage = () => {
  const t = useT();
  return (
    <ReportFrame title={t('partners.title')} subtitle={t('partners.subtitle')} current="partners">
      {(filters) => <PartnersReport filters={filters} />}
    </ReportFrame>
  );
};

const clickColumns = <Row extends { humanClicks: number; uniqueVisitors: number; botClicks: number }>(
  t: ReturnType<typeof useT>,
  format: ReturnType<typeof useFormat>
): Column<Row>[] => [
  {
    key: 'humanClicks',
    label: t('partners.humanClicks'),
    sort: (row) => row.humanClicks,
    render: (row) => <Typography fontWeight="semiBold">{format.count(row.humanClicks)}</Typography>,
    align: 'right',
  },
  {
    key: 'uniqueVisitors',
    label: t('partners.uniqueVisitors'),
    sort: (row) => row.uniqueVisitors,
    render: (row) => <Typography>{format.count(row.uniqueVisitors)}</Typography>,
    align: 'right',
  },
  {
    key: 'botClicks',
    label: t('partners.botClicks'),
    sort: (row) => row.botClicks,
    render: (row) => <Typography textColor="neutral600">{format.count(row.botClicks)}</Typography>,
    align: 'right',
  },
];

const PartnersReport = ({ filters }: { filters: ReportFilters }) => {
  const t = useT();
  const format = useFormat();
  const api = usePartnersApi();
  const apiError = useApiError();
  const { locale } = useIntl();
  const { canExport } = usePermissions();
  const { query, params, update, today } = useReportQuery(filters.timeZone);
  const period = { from: query.from, to: query.to };
  const selected = params.get('partner');
  const overview = useLoad(() => api.overview(period), JSON.stringify(period));

  const columns: Column<PartnerRow>[] = [
    {
      key: 'partner',
      label: t('partners.partner'),
      sort: (row) => row.partnerName,
      render: (row) => (
        <TextButton
          onClick={() => update({ partner: row.documentId })}
          data-testid={`partner-open-${row.documentId}`}
        >
          <Typography fontWeight={row.documentId === selected ? 'bold' : 'semiBold'} textColor="primary600">
            {row.partnerName}
          </Typography>
        </TextButton>
      ),
    },
    {
      key: 'state',
      label: t('table.state'),
      sort: (row) => row.state,
      render: (row) => <Typography>{row.state ? t(`partners.state.${row.state}`) : format.na}</Typography>,
    },
    {
      key: 'links',
      label: t('partners.links'),
      sort: (row) => row.links,
      render: (row) => <Typography>{row.links}</Typography>,
      align: 'right',
    },
    ...clickColumns<PartnerRow>(t, format),
  ];

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Filters query={query} today={today} filters={filters} update={update} show={[]} />
      {overview.error ? (
        <Typography textColor="danger600">{apiError.message(overview.error)}</Typography>
      ) : null}
      {overview.data && (
        <Section
          title={t('partners.all')}
          testId="partners-section"
          actions={
            canExport && overview.data.partners.length > 0 ? (
              <CsvButtons tables={['partners']} download={() => api.overviewCsv(period, locale)} />
            ) : undefined
          }
        >
          {overview.data.partners.length === 0 ? (
            <Typography textColor="neutral600">{t('partners.empty')}</Typography>
          ) : (
            <>
              <SortableTable
                columns={columns}
                rows={overview.data.partners}
                rowKey={(row) => row.documentId}
                initialSort={{ key: 'humanClicks', direction: 'desc' }}
                caption={t('partners.all')}
                testId="partners-table"
              />
              <Typography variant="pi" textColor="neutral600">
                {t('partners.countingNote')}
              </Typography>
            </>
          )}
        </Section>
      )}
      {selected && <PartnerDetail documentId={selected} period={period} canExport={canExport} />}
    </Flex>
  );
};

const PartnerDetail = ({
  documentId,
  period,
  canExport,
}: {
  documentId: string;
  period: Period;
  canExport: boolean;
}) => {
  const t = useT();
  const format = useFormat();
  const api = usePartnersApi();
  const apiError = useApiError();
  const { locale } = useIntl();
  const report = useLoad(() => api.report(documentId, period), `${documentId}:${JSON.stringify(period)}`);
  if (report.error && !report.data)
    return <Typography textColor="danger600">{apiError.message(report.error)}</Typography>;
  if (!report.data) return null;
  const { totals, partnership } = report.data;

  const linkColumns: Column<PartnerLink>[] = [
    {
      key: 'label',
      label: t('links.link'),
      sort: (row) => row.label ?? row.shortPath,
      render: (row) => (
        <Flex direction="column" alignItems="flex-start">
          <Typography fontWeight="semiBold">{row.label ?? row.shortPath}</Typography>
          <Typography variant="pi" textColor="neutral600">
            {row.deliverable ? `${row.shortPath} · ${row.deliverable}` : row.shortPath}
            {row.enabled ? '' : ` · ${t('links.inactive')}`}
          </Typography>
        </Flex>
      ),
    },
    ...clickColumns<PartnerLink>(t, format),
  ];
  const postColumns: Column<PartnerPost>[] = [
    {
      key: 'title',
      label: t('table.post'),
      sort: (row) => row.title ?? '',
      render: (row) => <Typography fontWeight="semiBold">{row.title ?? t('post.untitled')}</Typography>,
    },
    {
      key: 'firstPosted',
      label: t('table.firstPosted'),
      sort: (row) => row.firstPosted,
      render: (row) => <Typography>{format.dateTime(row.firstPosted)}</Typography>,
    },
    {
      key: 'deliveries',
      label: t('table.deliveries'),
      sort: (row) => row.deliveries,
      render: (row) => <Typography>{row.deliveries}</Typography>,
      align: 'right',
    },
    ...(['interactions', 'impressions', 'linkClicks'] as const).map((name): Column<PartnerPost> => ({
      key: name,
      label: t(`figure.${name}`),
      sort: (row) => row[name],
      render: (row) => <Typography>{format.count(row[name])}</Typography>,
      align: 'right',
    })),
  ];

  return (
    <Flex direction="column" alignItems="stretch" gap={6} data-testid="partner-report">
      <Section
        title={t('partners.detail', { name: partnership.partnerName })}
        actions={
          canExport ? (
            <CsvButtons
              tables={['daily', 'links', 'posts']}
              download={(table) => api.reportCsv(documentId, period, table, locale)}
            />
          ) : undefined
        }
      >
        <Grid.Root gap={4}>
          {(
            [
              ['humanClicks', totals.humanClicks],
              ['uniqueVisitors', totals.uniqueVisitors],
              ['botClicks', totals.botClicks],
              ['posts', totals.posts],
            ] as const
          ).map(([name, value]) => (
            <Grid.Item key={name} col={3} s={6} xs={12} direction="column" alignItems="stretch">
              <FigureCard
                label={t(`partners.${name}`)}
                value={format.count(value)}
                testId={`partner-${name}`}
              />
            </Grid.Item>
          ))}
        </Grid.Root>
        <DailyChart
          label={t('partners.humanClicks')}
          rows={report.data.daily.map((row) => ({ day: row.day, value: row.humanClicks }))}
          formatDay={(day) => format.day(day, 'short')}
          formatValue={format.count}
        />
      </Section>
      <Section title={t('partners.linksTitle')}>
        {report.data.links.length === 0 ? (
          <Typography textColor="neutral600">{t('partners.links.empty')}</Typography>
        ) : (
          <SortableTable
            columns={linkColumns}
            rows={report.data.links}
            rowKey={(row) => String(row.id)}
            initialSort={{ key: 'humanClicks', direction: 'desc' }}
            caption={t('partners.linksTitle')}
            testId="partner-links"
          />
        )}
      </Section>
      <Section title={t('partners.postsTitle')}>
        {report.data.posts.length === 0 ? (
          <Typography textColor="neutral600">{t('partners.posts.empty')}</Typography>
        ) : (
          <SortableTable
            columns={postColumns}
            rows={report.data.posts}
            rowKey={(row) => row.post}
            initialSort={{ key: 'interactions', direction: 'desc' }}
            caption={t('partners.postsTitle')}
            testId="partner-posts"
          />
        )}
      </Section>
      {canExport && <PartnerShares documentId={documentId} period={period} />}
    </Flex>
  );
};

export { PartnersPage };
