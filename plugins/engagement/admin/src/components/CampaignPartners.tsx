import { Link, Typography } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';

import type { CampaignReport } from '../api/engagement';
import { useFormat } from '../hooks/useFormat';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import { Section } from './Section';
import { SortableTable, type Column } from './SortableTable';

type Row = CampaignReport['byPartner'][number];

/** A campaign's partners: the people their links brought over the campaign (bots apart), each opening its report. */
export const CampaignPartners = ({ report }: { report: CampaignReport }) => {
  const t = useT();
  const format = useFormat();
  const count = (key: keyof Row & string, label: string): Column<Row> => ({
    key,
    label,
    sort: (row) => row[key] as number,
    render: (row) => <Typography>{format.count(row[key] as number)}</Typography>,
    align: 'right',
  });
  const columns: Column<Row>[] = [
    {
      key: 'partner',
      label: t('partners.partner'),
      sort: (row) => row.partnerName,
      render: (row) => (
        <Link
          tag={RouterLink}
          to={`/plugins/${PLUGIN_ID}/partners?from=${report.period.from}&to=${report.period.to}&partner=${row.partnership}`}
        >
          {row.partnerName}
        </Link>
      ),
    },
    count('links', t('partners.links')),
    count('humanClicks', t('partners.humanClicks')),
    count('uniqueVisitors', t('partners.uniqueVisitors')),
    count('botClicks', t('partners.botClicks')),
  ];
  return (
    <Section title={t('campaign.byPartner')} testId="campaign-partners-section">
      {report.byPartner.length === 0 ? (
        <Typography textColor="neutral600">{t('campaign.byPartner.empty')}</Typography>
      ) : (
        <SortableTable
          columns={columns}
          rows={report.byPartner}
          rowKey={(row) => row.partnership}
          initialSort={{ key: 'humanClicks', direction: 'desc' }}
          caption={t('campaign.byPartner')}
          testId="campaign-partners"
        />
      )}
    </Section>
  );
};
