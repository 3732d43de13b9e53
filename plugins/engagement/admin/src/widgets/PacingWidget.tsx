import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';

import { PaceLine } from '../components/PaceBar';
import { useKpiText } from '../hooks/useKpiText';
import { useFormat } from '../hooks/useFormat';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import { useHomepageSummary } from './useHomepageSummary';

/**
 * Homepage widget: each running campaign's targets, actual against target, with a bar marking where
 * the campaign should be by today; a target behind its pace says so in the warning colour. Campaigns
 * sit one per row at 4 and 6 columns, two at 8, three at 12.
 */
export const PacingWidget = ({ columnWidth = 6 }: { columnWidth?: number }) => {
  const t = useT();
  const format = useFormat();
  const kpi = useKpiText();
  const { summary, failed } = useHomepageSummary();

  if (failed) return <Widget.Error>{t('widget.error')}</Widget.Error>;
  if (!summary) return <Widget.Loading>{t('widget.loading')}</Widget.Loading>;
  const campaigns = summary.campaigns.filter((campaign) => campaign.targets.length > 0);
  if (campaigns.length === 0) return <Widget.NoData>{t('widget.pacing.empty')}</Widget.NoData>;

  const perRow = Math.min(columnWidth >= 12 ? 3 : columnWidth >= 8 ? 2 : 1, campaigns.length);
  const compact = columnWidth <= 4;

  return (
    <Box
      data-testid="engagement-pacing-widget"
      style={{ display: 'grid', gridTemplateColumns: `repeat(${perRow}, minmax(0, 1fr))`, gap: 16 }}
    >
      {campaigns.map((campaign) => (
        <Flex
          key={campaign.documentId}
          direction="column"
          alignItems="stretch"
          gap={2}
          data-testid="pacing-campaign"
        >
          <Flex gap={2} alignItems="center">
            <Box
              width="8px"
              height="8px"
              hasRadius
              style={{ background: campaign.color ?? undefined, flexShrink: 0 }}
            />
            <Link tag={RouterLink} to={`/plugins/${PLUGIN_ID}/campaigns/${campaign.documentId}`}>
              {campaign.name}
            </Link>
          </Flex>
          {!compact && (
            <Typography variant="pi" textColor="neutral600">
              {t('campaign.dates', { from: format.day(campaign.startsOn), to: format.day(campaign.endsOn) })}
            </Typography>
          )}
          {campaign.targets.map((target, index) => (
            <PaceLine
              key={`${target.metric}-${target.network ?? ''}-${index}`}
              name={kpi.name(target.metric, target.network)}
              actualText={kpi.value(target.metric, target.actual)}
              targetText={kpi.value(target.metric, target.target)}
              target={target.target}
              actual={target.actual}
              pace={target.pace}
              measurable={target.measurable}
              compact={compact}
            />
          ))}
        </Flex>
      ))}
    </Box>
  );
};
