import { Box, Link, Typography } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';

import type { CampaignChoice } from '../api/engagement';
import { ReportFrame } from '../components/ReportFrame';
import { SortableTable, type Column } from '../components/SortableTable';
import { useFormat } from '../hooks/useFormat';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';

/** Every campaign, newest first, each opening its report. */
const CampaignsPage = () => {
  const t = useT();
  const format = useFormat();
  const columns: Column<CampaignChoice>[] = [
    {
      key: 'name',
      label: t('table.campaign'),
      sort: (row) => row.name,
      render: (row) => (
        <Link tag={RouterLink} to={`/plugins/${PLUGIN_ID}/campaigns/${row.documentId}`}>
          {row.name}
        </Link>
      ),
    },
    {
      key: 'state',
      label: t('table.state'),
      sort: (row) => row.state,
      render: (row) => <Typography>{row.state ? t(`campaign.state.${row.state}`) : format.na}</Typography>,
    },
    {
      key: 'startsOn',
      label: t('table.startsOn'),
      sort: (row) => row.startsOn,
      render: (row) => <Typography>{format.day(row.startsOn)}</Typography>,
    },
    {
      key: 'endsOn',
      label: t('table.endsOn'),
      sort: (row) => row.endsOn,
      render: (row) => <Typography>{format.day(row.endsOn)}</Typography>,
    },
  ];
  return (
    <ReportFrame title={t('campaigns.title')} subtitle={t('campaigns.subtitle')} current="campaigns">
      {(filters) =>
        filters.campaigns.length === 0 ? (
          <Typography textColor="neutral600">{t('campaigns.empty')}</Typography>
        ) : (
          <Box background="neutral0" hasRadius shadow="tableShadow">
            <SortableTable
              columns={columns}
              rows={filters.campaigns}
              rowKey={(row) => row.documentId}
              caption={t('campaigns.title')}
              testId="campaigns-table"
            />
          </Box>
        )
      }
    </ReportFrame>
  );
};

export { CampaignsPage };
