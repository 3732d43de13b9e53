import { Box, Field, Flex, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';

import type { ReportFilters as Filters, ReportQuery } from '../api/engagement';
import { useFormat } from '../hooks/useFormat';
import { useT } from '../hooks/useT';
import { isDay, presetOf, presetPeriod, PRESETS, type Preset } from '../utils/period';

const ALL = 'all';

type Props = {
  query: ReportQuery;
  today: string;
  filters: Filters;
  update: (changes: Record<string, string | null>) => void;
  show?: Array<'compare' | 'campaign' | 'network'>;
};

/**
 * The report's filters. Each change goes to the URL at once (the page reads it back), so the
 * address bar always holds the report as it is shown.
 */
export const ReportFilters = ({
  query,
  today,
  filters,
  update,
  show = ['compare', 'campaign', 'network'],
}: Props) => {
  const t = useT();
  const format = useFormat();
  const preset = presetOf(query, today) ?? 'custom';
  const networks = Object.keys(filters.networks);

  const setDay = (key: 'from' | 'to', value: string) => {
    if (!isDay(value)) return;
    const next = { from: query.from, to: query.to, [key]: value };
    // A period cannot end before it starts: the other end follows.
    if (next.from > next.to) next[key === 'from' ? 'to' : 'from'] = value;
    update(next);
  };

  return (
    <Box background="neutral0" padding={4} hasRadius shadow="filterShadow" data-print-hide>
      <Flex gap={3} wrap="wrap" alignItems="flex-end">
        <Box minWidth="180px">
          <Field.Root name="period">
            <Field.Label>{t('filters.period')}</Field.Label>
            <SingleSelect
              value={preset}
              onChange={(value: string | number) => {
                if (value !== 'custom') update(presetPeriod(value as Preset, today));
              }}
              data-testid="filter-period"
            >
              {PRESETS.map((name) => (
                <SingleSelectOption key={name} value={name}>
                  {t(`filters.preset.${name}`)}
                </SingleSelectOption>
              ))}
              <SingleSelectOption value="custom">{t('filters.preset.custom')}</SingleSelectOption>
            </SingleSelect>
          </Field.Root>
        </Box>
        {(['from', 'to'] as const).map((key) => (
          <Box key={key} minWidth="150px">
            <Field.Root name={key}>
              <Field.Label>{t(`filters.${key}`)}</Field.Label>
              <TextInput
                type="date"
                value={query[key]}
                max={today}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setDay(key, event.target.value)}
              />
            </Field.Root>
          </Box>
        ))}
        {show.includes('compare') && (
          <Box minWidth="200px">
            <Field.Root name="compare">
              <Field.Label>{t('filters.compare')}</Field.Label>
              <SingleSelect
                value={query.compare}
                onChange={(value: string | number) => update({ compare: String(value) })}
              >
                <SingleSelectOption value="previous">{t('filters.compare.previous')}</SingleSelectOption>
                <SingleSelectOption value="year">{t('filters.compare.year')}</SingleSelectOption>
              </SingleSelect>
            </Field.Root>
          </Box>
        )}
        {show.includes('campaign') && (
          <Box minWidth="220px">
            <Field.Root name="campaign">
              <Field.Label>{t('filters.campaign')}</Field.Label>
              <SingleSelect
                value={query.campaign ?? ALL}
                onChange={(value: string | number) =>
                  update({ campaign: value === ALL ? null : String(value) })
                }
              >
                <SingleSelectOption value={ALL}>{t('filters.campaign.all')}</SingleSelectOption>
                {filters.campaigns.map((campaign) => (
                  <SingleSelectOption key={campaign.documentId} value={campaign.documentId}>
                    {campaign.name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Box>
        )}
        {show.includes('network') && (
          <Box minWidth="180px">
            <Field.Root name="network">
              <Field.Label>{t('filters.network')}</Field.Label>
              <SingleSelect
                value={query.network ?? ALL}
                onChange={(value: string | number) =>
                  update({ network: value === ALL ? null : String(value) })
                }
              >
                <SingleSelectOption value={ALL}>{t('network.all')}</SingleSelectOption>
                {networks.map((network) => (
                  <SingleSelectOption key={network} value={network}>
                    {format.network(network)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Box>
        )}
      </Flex>
    </Box>
  );
};
