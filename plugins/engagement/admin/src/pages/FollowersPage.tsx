import { Flex, Typography } from '@strapi/design-system';
import { useApiError } from '@porte-voix/kit/admin';

import { useEngagementApi, type AccountFollowers, type ReportFilters } from '../api/engagement';
import { LinesChart } from '../components/Charts';
import { ReportFilters as Filters } from '../components/ReportFilters';
import { ReportFrame } from '../components/ReportFrame';
import { Section } from '../components/Section';
import { SortableTable, type Column } from '../components/SortableTable';
import { useFormat } from '../hooks/useFormat';
import { useLoad } from '../hooks/useLoad';
import { useReportQuery } from '../hooks/useReportQuery';
import { useT } from '../hooks/useT';

const dayTime = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Followers of each account over the period, read daily and at each publication. */
const FollowersPage = () => {
  const t = useT();
  return (
    <ReportFrame title={t('followers.title')} subtitle={t('followers.subtitle')} current="followers">
      {(filters) => <FollowersReport filters={filters} />}
    </ReportFrame>
  );
};

const FollowersReport = ({ filters }: { filters: ReportFilters }) => {
  const t = useT();
  const format = useFormat();
  const api = useEngagementApi();
  const apiError = useApiError();
  const { query, update, today } = useReportQuery(filters.timeZone);
  const period = { from: query.from, to: query.to };
  const followers = useLoad(() => api.followers(period), JSON.stringify(period));
  const accounts = useLoad(() => api.health().then((health) => health.accounts), 'accounts');
  const labels = new Map((accounts.data ?? []).map((account) => [account.accountId, account.label]));
  const label = (row: AccountFollowers) =>
    labels.get(row.accountId) ?? t('followers.account', { id: row.accountId });

  const columns: Column<AccountFollowers>[] = [
    {
      key: 'account',
      label: t('table.account'),
      sort: (row) => label(row),
      render: (row) => <Typography fontWeight="semiBold">{label(row)}</Typography>,
    },
    {
      key: 'network',
      label: t('table.network'),
      sort: (row) => format.network(row.network),
      render: (row) => <Typography>{format.network(row.network)}</Typography>,
    },
    {
      key: 'followers',
      label: t('followers.count'),
      sort: (row) => row.followers,
      render: (row) => (
        <Typography title={row.followers === null ? t('followers.notCounted') : undefined}>
          {format.count(row.followers)}
        </Typography>
      ),
      align: 'right',
    },
    {
      key: 'gained',
      label: t('figure.followersGained'),
      sort: (row) => row.gained,
      render: (row) => (
        <Typography
          textColor={
            row.gained === null || row.gained === 0 ? undefined : row.gained > 0 ? 'success600' : 'danger600'
          }
        >
          {row.gained === null
            ? format.na
            : row.gained > 0
              ? `+${format.count(row.gained)}`
              : format.count(row.gained)}
        </Typography>
      ),
      align: 'right',
    },
    {
      key: 'lastReading',
      label: t('followers.lastReading'),
      sort: (row) => row.days.at(-1)?.day ?? null,
      render: (row) => <Typography>{format.day(row.days.at(-1)?.day)}</Typography>,
    },
  ];

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Filters query={query} today={today} filters={filters} update={update} show={[]} />
      {followers.error ? (
        <Typography textColor="danger600">{apiError.message(followers.error)}</Typography>
      ) : null}
      {followers.data && followers.data.length === 0 && (
        <Typography textColor="neutral600">{t('followers.empty')}</Typography>
      )}
      {followers.data && followers.data.length > 0 && (
        <>
          <Section title={t('followers.chart')}>
            <LinesChart
              series={followers.data
                .filter((row) => row.followers !== null)
                .map((row) => ({
                  key: String(row.accountId),
                  label: `${label(row)} · ${format.network(row.network)}`,
                  network: row.network,
                  points: row.days.map((day) => ({ x: dayTime(day.day), y: day.followers })),
                }))}
              numericX={{ min: dayTime(query.from), max: dayTime(query.to) }}
              formatX={(x) => format.day(new Date(Number(x)).toISOString().slice(0, 10), 'short')}
              formatY={format.count}
            />
          </Section>
          <Section title={t('followers.table')}>
            <SortableTable
              columns={columns}
              rows={followers.data}
              rowKey={(row) => String(row.accountId)}
              initialSort={{ key: 'gained', direction: 'desc' }}
              caption={t('followers.table')}
              testId="followers-table"
            />
          </Section>
        </>
      )}
    </Flex>
  );
};

export { FollowersPage };
