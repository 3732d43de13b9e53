import { Flex, Typography } from '@strapi/design-system';

import type { TargetReport } from '../api/engagement';
import { useFormat } from '../hooks/useFormat';
import { isRateKpi, useKpiText } from '../hooks/useKpiText';
import { useT } from '../hooks/useT';
import { PaceBadge, PaceBar } from './PaceBar';
import { SortableTable, type Column } from './SortableTable';

/**
 * A campaign's KPI targets: actual against target, a bar marking where it should be by today (a
 * cumulative target grows evenly over the campaign), the projection at today's pace, and the status.
 */
export const TargetsTable = ({ targets }: { targets: TargetReport[] }) => {
  const t = useT();
  const format = useFormat();
  const kpi = useKpiText();
  if (targets.length === 0)
    return <Typography textColor="neutral600">{t('campaign.targets.empty')}</Typography>;

  const share = (row: TargetReport) =>
    row.actual === null || row.target <= 0 ? null : row.actual / row.target;
  const columns: Column<TargetReport>[] = [
    {
      key: 'kpi',
      label: t('table.kpi'),
      sort: (row) => kpi.name(row.metric, row.network),
      render: (row) => (
        <Flex direction="column" alignItems="flex-start">
          <Typography fontWeight="semiBold">{kpi.name(row.metric, row.network)}</Typography>
          {row.note && (
            <Typography variant="pi" textColor="neutral600">
              {row.note}
            </Typography>
          )}
        </Flex>
      ),
    },
    {
      key: 'actual',
      label: t('table.actualOfTarget'),
      sort: share,
      render: (row) => (
        <Typography data-testid={`target-${row.metric}-actual`}>
          {t('pace.actualOfTarget', {
            actual: kpi.value(row.metric, row.actual),
            target: kpi.value(row.metric, row.target),
          })}
        </Typography>
      ),
    },
    {
      key: 'progress',
      label: t('table.progress'),
      sort: share,
      render: (row) =>
        row.measurability.status === 'unmeasurable' ? (
          <Typography variant="pi" textColor="neutral600">
            {t('pace.unmeasurable')}
          </Typography>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={1} minWidth="160px">
            <PaceBar
              target={row.target}
              actual={row.actual}
              pace={row.pace}
              label={t('pace.barLabel', {
                name: kpi.name(row.metric, row.network),
                actual: kpi.value(row.metric, row.actual),
                target: kpi.value(row.metric, row.target),
              })}
            />
            <Typography variant="pi" textColor="neutral600">
              {isRateKpi(row.metric) ||
              row.pace?.expectedToDate === null ||
              row.pace?.expectedToDate === undefined
                ? t('pace.rateNoPath')
                : t('pace.expected', { expected: format.count(row.pace.expectedToDate) })}
            </Typography>
          </Flex>
        ),
    },
    {
      key: 'projected',
      label: t('table.projected'),
      sort: (row) => row.pace?.projected,
      render: (row) => <Typography>{kpi.value(row.metric, row.pace?.projected ?? null)}</Typography>,
      align: 'right',
    },
    {
      key: 'status',
      label: t('table.status'),
      sort: (row) => row.pace?.status ?? null,
      render: (row) =>
        row.measurability.status === 'unmeasurable' ? (
          <Typography variant="pi" textColor="neutral600">
            {t('pace.cannotMeasure')}
          </Typography>
        ) : row.pace ? (
          <PaceBadge status={row.pace.status} />
        ) : (
          <Typography variant="pi" textColor="neutral600">
            {t('pace.noDates')}
          </Typography>
        ),
    },
  ];
  return (
    <SortableTable
      columns={columns}
      rows={targets}
      rowKey={(row, index) => `${row.metric}-${row.network ?? ''}-${index}`}
      caption={t('campaign.targets')}
      testId="targets-table"
    />
  );
};
