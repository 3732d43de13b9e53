import { Link, Typography } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';

import type { PostRow } from '../api/engagement';
import { useFormat } from '../hooks/useFormat';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import { rateColumn } from './rateColumn';
import { SortableTable, type Column } from './SortableTable';

/** Posts of the period, most interactions first, each opening its own report. */
export const PostsTable = ({
  posts,
  testId = 'posts-table',
}: {
  posts: Array<PostRow & { lastCollectedAt?: string | null }>;
  testId?: string;
}) => {
  const t = useT();
  const format = useFormat();
  type Row = (typeof posts)[number];
  const columns: Column<Row>[] = [
    {
      key: 'title',
      label: t('table.post'),
      sort: (row) => row.title ?? '',
      render: (row) => (
        <Link tag={RouterLink} to={`/plugins/${PLUGIN_ID}/posts/${row.post}`}>
          {row.title ?? t('post.untitled')}
        </Link>
      ),
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
    {
      key: 'interactions',
      label: t('figure.interactions'),
      sort: (row) => row.interactions,
      render: (row) => <Typography>{format.count(row.interactions)}</Typography>,
      align: 'right',
    },
    {
      key: 'impressions',
      label: t('figure.impressions'),
      sort: (row) => row.counters.impressions,
      render: (row) => <Typography>{format.count(row.counters.impressions)}</Typography>,
      align: 'right',
    },
    {
      key: 'linkClicks',
      label: t('figure.linkClicks'),
      sort: (row) => row.counters.linkClicks,
      render: (row) => <Typography>{format.count(row.counters.linkClicks)}</Typography>,
      align: 'right',
    },
    rateColumn(
      'engagementRate',
      t('figure.engagementRate'),
      (row) => row.engagementRate,
      'interactions',
      'impressions'
    ),
  ];
  if (posts.some((post) => post.lastCollectedAt !== undefined))
    columns.push({
      key: 'collected',
      label: t('table.collected'),
      sort: (row) => row.lastCollectedAt ?? null,
      render: (row) => (
        <Typography variant="pi" textColor="neutral600">
          {format.ago(row.lastCollectedAt, t('freshness.never'))}
        </Typography>
      ),
    });
  return (
    <SortableTable
      columns={columns}
      rows={posts}
      rowKey={(row, index) => row.post ?? String(index)}
      initialSort={{ key: 'interactions', direction: 'desc' }}
      caption={t('overview.posts')}
      testId={testId}
    />
  );
};
