import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';

import type { Change, HomepageSummary } from '../api/engagement';
import { Freshness } from '../components/Freshness';
import { useFormat } from '../hooks/useFormat';
import { useT } from '../hooks/useT';
import { useHomepageSummary } from './useHomepageSummary';

const FIGURES = ['interactions', 'impressions', 'linkClicks', 'followersGained'] as const;
type Figure = (typeof FIGURES)[number];

const valueOf = (figures: HomepageSummary['week']['current'], figure: Figure) =>
  figure === 'interactions'
    ? figures.interactions
    : figure === 'followersGained'
      ? figures.followersGained
      : figures.counters[figure];

const changeColor = (change: Change) =>
  change.absolute === null || change.absolute === 0
    ? 'neutral600'
    : change.absolute > 0
      ? 'success600'
      : 'danger600';

/**
 * Homepage widget: this week so far against the same days of last week. At 4 columns the figures
 * are lines; at 6 a 2 × 2 grid; from 8 one row of four, with where the numbers come from.
 */
export const WeekWidget = ({ columnWidth = 6 }: { columnWidth?: number }) => {
  const t = useT();
  const format = useFormat();
  const { summary, failed } = useHomepageSummary();

  if (failed) return <Widget.Error>{t('widget.error')}</Widget.Error>;
  if (!summary) return <Widget.Loading>{t('widget.loading')}</Widget.Loading>;
  const { week } = summary;
  const nothing = FIGURES.every(
    (figure) => valueOf(week.current, figure) === null && valueOf(week.previous, figure) === null
  );
  if (nothing && week.sources.length === 0) return <Widget.NoData>{t('widget.week.empty')}</Widget.NoData>;

  const narrow = columnWidth <= 4;
  const perRow = narrow ? 1 : columnWidth <= 6 ? 2 : 4;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="engagement-week-widget">
      <Typography variant="pi" textColor="neutral600">
        {t('widget.week.period', {
          from: format.day(week.period.from, 'short'),
          to: format.day(week.period.to, 'short'),
        })}
      </Typography>
      <Grid.Root gap={narrow ? 1 : 3}>
        {FIGURES.map((figure) => {
          const change = week.changes[figure];
          const now = valueOf(week.current, figure);
          return (
            <Grid.Item key={figure} col={12 / perRow} s={12} direction="column" alignItems="stretch">
              <Box
                padding={narrow ? 2 : 3}
                hasRadius
                background="neutral100"
                width="100%"
                data-testid={`week-${figure}`}
              >
                <Flex
                  direction={narrow ? 'row' : 'column'}
                  alignItems={narrow ? 'center' : 'flex-start'}
                  justifyContent="space-between"
                  gap={1}
                >
                  <Typography variant="omega" textColor="neutral700">
                    {t(`figure.${figure}`)}
                  </Typography>
                  <Flex direction="column" alignItems={narrow ? 'flex-end' : 'flex-start'}>
                    <Typography
                      variant={narrow ? 'delta' : 'beta'}
                      tag="p"
                      data-testid={`week-${figure}-value`}
                      title={now === null ? t('figure.notMeasured') : undefined}
                    >
                      {format.count(now)}
                    </Typography>
                    <Typography variant="pi" textColor={changeColor(change)}>
                      {valueOf(week.previous, figure) === null
                        ? t('widget.week.noPrevious')
                        : t('widget.week.change', {
                            change: format.change(change),
                            previous: format.count(valueOf(week.previous, figure)),
                          })}
                    </Typography>
                  </Flex>
                </Flex>
              </Box>
            </Grid.Item>
          );
        })}
      </Grid.Root>
      <Freshness sources={week.sources} compact={columnWidth < 8} />
    </Flex>
  );
};
