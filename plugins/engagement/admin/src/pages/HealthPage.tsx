import { Badge, Flex, Grid, Typography } from '@strapi/design-system';
import { useApiError } from '@porte-voix/kit/admin';

import { useEngagementApi, type AccountHealth } from '../api/engagement';
import { FigureCard } from '../components/FigureCard';
import { ReportFrame } from '../components/ReportFrame';
import { Section } from '../components/Section';
import { SortableTable, type Column } from '../components/SortableTable';
import { useFormat } from '../hooks/useFormat';
import { useLoad } from '../hooks/useLoad';
import { useT } from '../hooks/useT';

const STATES = ['active', 'frozen', 'gone', 'unavailable', 'overdue'] as const;

/** Is collection working: each account's state, and how many deliveries are followed, finished or late. */
const HealthPage = () => {
  const t = useT();
  const format = useFormat();
  const api = useEngagementApi();
  const apiError = useApiError();
  const health = useLoad(() => api.health(), 'health');

  const status = (row: AccountHealth) => (row.reconnect ? 'reconnect' : row.waiting ? 'waiting' : 'ok');
  const columns: Column<AccountHealth>[] = [
    {
      key: 'account',
      label: t('table.account'),
      sort: (row) => row.label,
      render: (row) => <Typography fontWeight="semiBold">{row.label}</Typography>,
    },
    {
      key: 'network',
      label: t('table.network'),
      sort: (row) => format.network(row.network),
      render: (row) => <Typography>{format.network(row.network)}</Typography>,
    },
    {
      key: 'status',
      label: t('table.status'),
      sort: status,
      render: (row) => {
        const state = status(row);
        const [text, background] =
          state === 'reconnect'
            ? ['danger600', 'danger100']
            : state === 'waiting'
              ? ['warning600', 'warning100']
              : ['success600', 'success100'];
        return (
          <Badge textColor={text} backgroundColor={background}>
            {t(`health.status.${state}`)}
          </Badge>
        );
      },
    },
    {
      key: 'until',
      label: t('health.until'),
      sort: (row) => row.pausedUntil,
      render: (row) => <Typography>{row.waiting ? format.dateTime(row.pausedUntil) : ''}</Typography>,
    },
    {
      key: 'reason',
      label: t('health.reason'),
      render: (row) => (
        <Typography variant="pi" textColor="neutral600">
          {row.reason ?? ''}
        </Typography>
      ),
    },
  ];

  return (
    <ReportFrame title={t('health.title')} subtitle={t('health.subtitle')} current="health">
      {() =>
        health.error && !health.data ? (
          <Typography textColor="danger600">{apiError.message(health.error)}</Typography>
        ) : health.data ? (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Grid.Root gap={4}>
              {STATES.map((state) => (
                <Grid.Item key={state} col={2} s={6} xs={12} direction="column" alignItems="stretch">
                  <FigureCard
                    label={t(`state.${state}`)}
                    value={format.count(health.data!.deliveries[state])}
                    note={t(`health.state.${state}`)}
                  />
                </Grid.Item>
              ))}
            </Grid.Root>
            <Section title={t('health.accounts')}>
              {health.data.accounts.length === 0 ? (
                <Typography textColor="neutral600">{t('health.noAccounts')}</Typography>
              ) : (
                <SortableTable
                  columns={columns}
                  rows={health.data.accounts}
                  rowKey={(row) => String(row.accountId)}
                  initialSort={{ key: 'status', direction: 'asc' }}
                  caption={t('health.accounts')}
                  testId="health-accounts"
                />
              )}
            </Section>
          </Flex>
        ) : null
      }
    </ReportFrame>
  );
};

export { HealthPage };
