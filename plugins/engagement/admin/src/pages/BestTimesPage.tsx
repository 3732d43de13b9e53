import { Box, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import { useTheme } from 'styled-components';
import { useApiError } from '@porte-voix/kit/admin';

import { useEngagementApi, type RateDenominator, type ReportFilters } from '../api/engagement';
import { ReportFilters as Filters } from '../components/ReportFilters';
import { ReportFrame } from '../components/ReportFrame';
import { Section } from '../components/Section';
import { useFormat } from '../hooks/useFormat';
import { useLoad } from '../hooks/useLoad';
import { useReportQuery } from '../hooks/useReportQuery';
import { useT } from '../hooks/useT';
import { bestSlots, heatGrid, HOURS, MIN_POSTS, type HeatCell } from '../utils/heatmap';

const DENOMINATORS: RateDenominator[] = ['followers', 'impressions', 'reach'];

/** 2024-01-01 was a Monday: weekday n (1 = Monday) is 2024-01-0n. */
const weekdayName = (locale: string, weekday: number, style: 'long' | 'short') =>
  new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday, 12))
  );

/**
 * When to post: weekday × hour of publication, each slot coloured by the median engagement rate of
 * its posts. A slot without a figure says why (no post then, fewer than three, or a denominator the
 * networks posted on do not measure).
 */
const BestTimesPage = () => {
  const t = useT();
  return (
    <ReportFrame title={t('bestTimes.title')} subtitle={t('bestTimes.subtitle')} current="bestTimes">
      {(filters) => <BestTimesReport filters={filters} />}
    </ReportFrame>
  );
};

const BestTimesReport = ({ filters }: { filters: ReportFilters }) => {
  const t = useT();
  const format = useFormat();
  const { locale } = useIntl();
  const theme = useTheme();
  const api = useEngagementApi();
  const apiError = useApiError();
  const [params] = useSearchParams();
  const { query, update, today } = useReportQuery(filters.timeZone);
  const by = (DENOMINATORS as string[]).includes(params.get('by') ?? '')
    ? (params.get('by') as RateDenominator)
    : 'followers';
  const grid = useLoad(() => api.bestTimes(query, by), JSON.stringify({ ...query, by }));
  const slots = grid.data?.slots ?? [];
  const cells = heatGrid(slots);
  const basis = format.basis('interactions', by);

  const describe = (cell: HeatCell) => {
    const when = t('bestTimes.slot', { weekday: weekdayName(locale, cell.weekday, 'long'), hour: cell.hour });
    if (cell.empty === 'no_posts') return t('bestTimes.empty.noPosts', { when });
    if (cell.empty === 'too_few_posts')
      return t('bestTimes.empty.tooFew', { when, posts: cell.posts, minimum: MIN_POSTS });
    if (cell.empty === 'not_measured')
      return t('bestTimes.empty.notMeasured', { when, posts: cell.posts, basis });
    return t('bestTimes.cell', { when, rate: format.percent(cell.medianRate), posts: cell.posts, basis });
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Filters query={query} today={today} filters={filters} update={update} show={['campaign']} />
      {grid.error ? <Typography textColor="danger600">{apiError.message(grid.error)}</Typography> : null}
      <Section
        title={t('bestTimes.grid')}
        actions={
          <Box minWidth="240px" data-print-hide>
            <Field.Root name="by">
              <SingleSelect
                aria-label={t('bestTimes.denominator')}
                value={by}
                onChange={(value: string | number) => update({ by: String(value) })}
              >
                {DENOMINATORS.map((denominator) => (
                  <SingleSelectOption key={denominator} value={denominator}>
                    {format.basis('interactions', denominator)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Box>
        }
      >
        <Typography variant="pi" textColor="neutral600">
          {t('bestTimes.legend', {
            basis,
            minimum: MIN_POSTS,
            timeZone: grid.data?.timeZone ?? filters.timeZone,
          })}
        </Typography>
        <Box overflow="auto">
          <div
            role="table"
            aria-label={t('bestTimes.grid')}
            data-testid="best-times-grid"
            style={{
              display: 'grid',
              gridTemplateColumns: `minmax(48px, auto) repeat(24, minmax(34px, 1fr))`,
              gap: 2,
              minWidth: 900,
            }}
          >
            <div role="row" style={{ display: 'contents' }}>
              <span role="columnheader" />
              {HOURS.map((hour) => (
                <Typography
                  key={hour}
                  role="columnheader"
                  variant="pi"
                  textColor="neutral600"
                  textAlign="center"
                >
                  {hour}
                </Typography>
              ))}
            </div>
            {cells.map((row) => (
              <div role="row" key={row[0].weekday} style={{ display: 'contents' }}>
                <Typography
                  role="rowheader"
                  variant="pi"
                  fontWeight="semiBold"
                  style={{ display: 'flex', alignItems: 'center' }}
                >
                  {weekdayName(locale, row[0].weekday, 'short')}
                </Typography>
                {row.map((cell) => (
                  <div
                    key={cell.hour}
                    role="cell"
                    title={describe(cell)}
                    aria-label={describe(cell)}
                    data-empty={cell.empty ?? undefined}
                    style={{
                      height: 30,
                      borderRadius: 3,
                      display: 'flex',
                      alignItems: 'center',
                      justifyContent: 'center',
                      fontSize: 10,
                      background:
                        cell.intensity === null
                          ? cell.posts > 0
                            ? theme.colors.neutral150
                            : theme.colors.neutral100
                          : `rgba(73, 69, 255, ${0.15 + 0.85 * cell.intensity})`,
                      color:
                        cell.intensity !== null && cell.intensity > 0.55 ? '#fff' : theme.colors.neutral800,
                    }}
                  >
                    {cell.medianRate !== null
                      ? format.percent(cell.medianRate, 1)
                      : cell.posts > 0
                        ? cell.posts
                        : ''}
                  </div>
                ))}
              </div>
            ))}
          </div>
        </Box>
        <Typography variant="pi" textColor="neutral600">
          {t('bestTimes.greyNote', { minimum: MIN_POSTS })}
        </Typography>
      </Section>
      <Section title={t('bestTimes.best')}>
        {bestSlots(slots).length === 0 ? (
          <Typography textColor="neutral600">{t('bestTimes.best.empty', { minimum: MIN_POSTS })}</Typography>
        ) : (
          <Flex direction="column" alignItems="flex-start" gap={2} data-testid="best-slots">
            {bestSlots(slots).map((slot) => (
              <Typography key={`${slot.weekday}-${slot.hour}`}>
                {t('bestTimes.cell', {
                  when: t('bestTimes.slot', {
                    weekday: weekdayName(locale, slot.weekday, 'long'),
                    hour: slot.hour,
                  }),
                  rate: format.percent(slot.medianRate),
                  posts: slot.posts,
                  basis,
                })}
              </Typography>
            ))}
          </Flex>
        )}
      </Section>
    </Flex>
  );
};

export { BestTimesPage };
