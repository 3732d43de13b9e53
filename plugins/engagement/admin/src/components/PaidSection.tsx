import { Dialog, Flex, IconButton, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { ConfirmDialog, useNotification } from '@strapi/strapi/admin';
import { useApiError } from '@porte-voix/kit/admin';

import { useEngagementApi, type CampaignReport, type PaidFigures, type Spend } from '../api/engagement';
import { useFormat } from '../hooks/useFormat';
import { usePermissions } from '../hooks/usePermissions';
import { useT } from '../hooks/useT';
import { Section } from './Section';
import { SortableTable, type Column } from './SortableTable';
import { SpendForm } from './SpendForm';

/** Paid counts of several spends: absent when no spend says, never 0. */
const paidTotal = (spends: Spend[], key: 'paidImpressions' | 'paidClicks' | 'paidInteractions') =>
  spends.reduce<number | null>((sum, spend) => (spend[key] === null ? sum : (sum ?? 0) + spend[key]!), null);

/**
 * Paid reach beside organic: what was spent (one total per currency, never added across currencies),
 * CPM, CPC and cost per interaction, and the spends themselves; roles that manage spend record and
 * remove them here.
 */
export const PaidSection = ({
  report,
  networks,
  onChange,
}: {
  report: CampaignReport;
  networks: string[];
  onChange: () => void;
}) => {
  const t = useT();
  const format = useFormat();
  const { canManageSpend } = usePermissions();
  const { spends, figures } = report.paid;
  const { totals } = report;

  const organicVsPaid: Array<{ key: string; label: string; organic: number | null; paid: number | null }> = [
    {
      key: 'impressions',
      label: t('figure.impressions'),
      organic: totals.counters.impressions,
      paid: paidTotal(spends, 'paidImpressions'),
    },
    {
      key: 'clicks',
      label: t('figure.linkClicks'),
      organic: totals.counters.linkClicks,
      paid: paidTotal(spends, 'paidClicks'),
    },
    {
      key: 'interactions',
      label: t('figure.interactions'),
      organic: totals.interactions,
      paid: paidTotal(spends, 'paidInteractions'),
    },
  ];

  const figureColumns: Column<PaidFigures>[] = [
    {
      key: 'currency',
      label: t('paid.currency'),
      sort: (row) => row.currency,
      render: (row) => <Typography fontWeight="semiBold">{row.currency}</Typography>,
    },
    {
      key: 'amount',
      label: t('paid.amount'),
      sort: (row) => row.amountMinor,
      render: (row) => <Typography>{format.money(row.amountMinor, row.currency)}</Typography>,
      align: 'right',
    },
    {
      key: 'cpm',
      label: t('paid.cpm'),
      sort: (row) => row.cpm,
      render: (row) => <Typography>{format.money(row.cpm, row.currency)}</Typography>,
      align: 'right',
    },
    {
      key: 'cpc',
      label: t('paid.cpc'),
      sort: (row) => row.cpc,
      render: (row) => <Typography>{format.money(row.cpc, row.currency)}</Typography>,
      align: 'right',
    },
    {
      key: 'costPerInteraction',
      label: t('paid.costPerInteraction'),
      sort: (row) => row.costPerInteraction,
      render: (row) => <Typography>{format.money(row.costPerInteraction, row.currency)}</Typography>,
      align: 'right',
    },
  ];

  return (
    <Section title={t('paid.title')} testId="campaign-paid">
      {figures.length === 0 ? (
        <Typography textColor="neutral600">{t('paid.empty')}</Typography>
      ) : (
        <>
          <SortableTable
            columns={figureColumns}
            rows={figures}
            rowKey={(row) => row.currency}
            caption={t('paid.title')}
            testId="paid-figures"
          />
          <Typography variant="pi" textColor="neutral600">
            {t('paid.costsNote')}
          </Typography>
        </>
      )}
      <SortableTable
        columns={[
          {
            key: 'figure',
            label: t('paid.figure'),
            render: (row) => <Typography fontWeight="semiBold">{row.label}</Typography>,
          },
          {
            key: 'organic',
            label: t('paid.organic'),
            sort: (row) => row.organic,
            render: (row) => <Typography>{format.count(row.organic)}</Typography>,
            align: 'right',
          },
          {
            key: 'paid',
            label: t('paid.paid'),
            sort: (row) => row.paid,
            render: (row) => <Typography>{format.count(row.paid)}</Typography>,
            align: 'right',
          },
        ]}
        rows={organicVsPaid}
        rowKey={(row) => row.key}
        caption={t('paid.organicVsPaid')}
        testId="organic-vs-paid"
      />
      {spends.length > 0 && (
        <SpendList spends={spends} report={report} canManage={canManageSpend} onChange={onChange} />
      )}
      {canManageSpend && (
        <SpendForm
          campaign={report.campaign.documentId}
          posts={report.byPost}
          networks={networks}
          currency={figures[0]?.currency ?? 'EUR'}
          onSaved={onChange}
        />
      )}
    </Section>
  );
};

const SpendList = ({
  spends,
  report,
  canManage,
  onChange,
}: {
  spends: Spend[];
  report: CampaignReport;
  canManage: boolean;
  onChange: () => void;
}) => {
  const t = useT();
  const format = useFormat();
  const api = useEngagementApi();
  const apiError = useApiError();
  const { toggleNotification } = useNotification();
  const titles = new Map(report.byPost.map((row) => [row.post, row.title]));

  const remove = async (spend: Spend) => {
    try {
      await api.removeSpend(spend.id);
      toggleNotification({ type: 'success', message: t('spend.removed') });
      onChange();
    } catch (error) {
      apiError.notify(error);
    }
  };

  const columns: Column<Spend>[] = [
    {
      key: 'spentOn',
      label: t('spend.spentOn'),
      sort: (row) => row.spentOn,
      render: (row) => <Typography>{format.day(row.spentOn)}</Typography>,
    },
    {
      key: 'what',
      label: t('spend.what'),
      render: (row) => (
        <Flex direction="column" alignItems="flex-start">
          <Typography>
            {row.post ? (titles.get(row.post) ?? t('post.untitled')) : t('spend.wholeCampaign')}
            {row.network ? ` · ${format.network(row.network)}` : ''}
          </Typography>
          {row.note && (
            <Typography variant="pi" textColor="neutral600">
              {row.note}
            </Typography>
          )}
        </Flex>
      ),
    },
    {
      key: 'amount',
      label: t('paid.amount'),
      sort: (row) => row.amountMinor,
      render: (row) => <Typography>{format.money(row.amountMinor, row.currency)}</Typography>,
      align: 'right',
    },
    {
      key: 'paidImpressions',
      label: t('spend.paidImpressions'),
      sort: (row) => row.paidImpressions,
      render: (row) => <Typography>{format.count(row.paidImpressions)}</Typography>,
      align: 'right',
    },
    {
      key: 'paidClicks',
      label: t('spend.paidClicks'),
      sort: (row) => row.paidClicks,
      render: (row) => <Typography>{format.count(row.paidClicks)}</Typography>,
      align: 'right',
    },
    {
      key: 'paidInteractions',
      label: t('spend.paidInteractions'),
      sort: (row) => row.paidInteractions,
      render: (row) => <Typography>{format.count(row.paidInteractions)}</Typography>,
      align: 'right',
    },
  ];
  if (canManage)
    columns.push({
      key: 'actions',
      label: t('table.actions'),
      render: (row) => (
        <Dialog.Root>
          <Dialog.Trigger>
            <IconButton label={t('spend.remove')} variant="ghost" data-print-hide>
              <Trash />
            </IconButton>
          </Dialog.Trigger>
          <ConfirmDialog onConfirm={() => remove(row)}>{t('spend.removeConfirm')}</ConfirmDialog>
        </Dialog.Root>
      ),
    });

  return (
    <SortableTable
      columns={columns}
      rows={spends}
      rowKey={(row) => String(row.id)}
      initialSort={{ key: 'spentOn', direction: 'desc' }}
      caption={t('spend.list')}
      testId="spend-list"
    />
  );
};
