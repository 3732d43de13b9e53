import { useEffect, useState } from 'react';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';

import type { Change } from '../api/engagement';
import { usePartnersApi, type PartnerWeek } from '../api/partners';
import { useFormat } from '../hooks/useFormat';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';

const changeColor = (change: Change) =>
  change.absolute === null || change.absolute === 0
    ? 'neutral600'
    : change.absolute > 0
      ? 'success600'
      : 'danger600';

/**
 * Homepage widget: the five partners whose links brought the most people this week so far, against
 * the same weekdays of last week (bots never counted). At 4 columns a name and its clicks; from 6 the
 * change; from 8 last week's figure and the bots kept apart.
 */
export const PartnerTrafficWidget = ({ columnWidth = 6 }: { columnWidth?: number }) => {
  const t = useT();
  const format = useFormat();
  const api = usePartnersApi();
  const [week, setWeek] = useState<PartnerWeek | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    api.week().then(
      (answer) => live && setWeek(answer),
      () => live && setFailed(true)
    );
    return () => {
      live = false;
    };
  }, [api]);

  if (failed) return <Widget.Error>{t('widget.error')}</Widget.Error>;
  if (!week) return <Widget.Loading>{t('widget.loading')}</Widget.Loading>;
  if (week.partners.length === 0) return <Widget.NoData>{t('widget.partners.empty')}</Widget.NoData>;

  const withChange = columnWidth >= 6;
  const wide = columnWidth >= 8;
  const reportOf = (documentId: string) =>
    `/plugins/${PLUGIN_ID}/partners?from=${week.period.from}&to=${week.period.to}&partner=${documentId}`;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="engagement-partners-widget">
      <Typography variant="pi" textColor="neutral600">
        {t('widget.week.period', {
          from: format.day(week.period.from, 'short'),
          to: format.day(week.period.to, 'short'),
        })}
      </Typography>
      {week.partners.map((partner) => (
        <Flex key={partner.documentId} gap={3} justifyContent="space-between" data-testid="partner-traffic">
          <Box minWidth={0} flex="1">
            <Link tag={RouterLink} to={reportOf(partner.documentId)}>
              {partner.partnerName ?? t('partners.unnamed')}
            </Link>
            {wide && (
              <Typography tag="p" variant="pi" textColor="neutral600">
                {t('widget.partners.bots', { count: partner.botClicks })}
              </Typography>
            )}
          </Box>
          {wide && (
            <Figure label={t('widget.partners.lastWeek')} value={format.count(partner.previousHumanClicks)} />
          )}
          {withChange && (
            <Flex direction="column" alignItems="flex-end" minWidth="72px">
              <Typography variant="pi" textColor={changeColor(partner.change)}>
                {format.change(partner.change)}
              </Typography>
            </Flex>
          )}
          <Figure
            label={t('partners.humanClicks')}
            value={format.count(partner.humanClicks)}
            testId="partner-traffic-clicks"
          />
        </Flex>
      ))}
    </Flex>
  );
};

const Figure = ({ label, value, testId }: { label: string; value: string; testId?: string }) => (
  <Flex direction="column" alignItems="flex-end" minWidth="64px">
    <Typography fontWeight="bold" data-testid={testId}>
      {value}
    </Typography>
    <Typography variant="pi" textColor="neutral600">
      {label}
    </Typography>
  </Flex>
);
