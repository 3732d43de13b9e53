import { useEffect, useMemo, useState } from 'react';
import {
  Box,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useApiError } from '@porte-voix/kit/admin';
import { useIntl } from 'react-intl';

import {
  useModerationApi,
  type ListeningReport,
  type SavedSearch,
  type SentimentCounts,
} from '../../api/moderation';
import { useT } from '../../hooks/useT';

const PERIODS = [7, 30, 92] as const;
const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
const COLOURS = { positive: '#5cb176', neutral: '#a5a5ba', negative: '#ee5e52' } as const;

const dayOf = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    date
  );

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** One day's mentions as a bar split by sentiment (only the sentiment chosen, when one is). */
const DayBar = ({
  counts,
  max,
  sentiment,
}: {
  counts: SentimentCounts;
  max: number;
  sentiment: (typeof SENTIMENTS)[number] | 'all';
}) => (
  <Flex style={{ width: '100%', height: 12 }}>
    {SENTIMENTS.filter((s) => sentiment === 'all' || s === sentiment).map((s) => (
      <div
        key={s}
        style={{ width: `${max > 0 ? (counts[s] / max) * 100 : 0}%`, height: '100%', background: COLOURS[s] }}
      />
    ))}
  </Flex>
);

/** The listening report: volume per day, sentiment trend, share of voice, leaders, over a period. */
export const ListeningReportView = ({ searches }: { searches: SavedSearch[] }) => {
  const t = useT();
  const api = useModerationApi();
  const apiError = useApiError();
  const { formatDate } = useIntl();
  const timeZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', []);
  const [search, setSearch] = useState<string>('all');
  const [network, setNetwork] = useState<string>('all');
  const [language, setLanguage] = useState<string>('all');
  const [sentiment, setSentiment] = useState<(typeof SENTIMENTS)[number] | 'all'>('all');
  const [period, setPeriod] = useState<number>(30);
  const [report, setReport] = useState<ListeningReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const now = new Date();
    const query = new URLSearchParams({
      from: dayOf(new Date(now.getTime() - (period - 1) * 86_400_000), timeZone),
      to: dayOf(now, timeZone),
      timeZone,
    });
    if (search !== 'all') query.set('search', search);
    if (network !== 'all') query.set('network', network);
    if (language !== 'all') query.set('language', language);
    api
      .listeningReport(query)
      .then((data) => {
        setReport(data);
        setError(null);
      })
      .catch((err) => setError(apiError.message(err)));
  }, [api, apiError, search, network, language, period, timeZone]);

  const max = Math.max(1, ...(report?.days ?? []).map((d) => d.total));
  const byNetwork = report?.networks ?? [];

  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="listening-report">
      <Flex gap={3} wrap="wrap" alignItems="flex-end">
        <Field.Root name="search">
          <Field.Label>{t('listening.filter.search')}</Field.Label>
          <SingleSelect value={search} onChange={(value: string | number) => setSearch(String(value))}>
            <SingleSelectOption value="all">{t('listening.filter.allSearches')}</SingleSelectOption>
            {searches.map((s) => (
              <SingleSelectOption key={s.id} value={String(s.id)}>
                {s.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="network" hint={t('listening.filter.networkHint')}>
          <Field.Label>{t('listening.filter.network')}</Field.Label>
          <SingleSelect value={network} onChange={(value: string | number) => setNetwork(String(value))}>
            <SingleSelectOption value="all">{t('listening.filter.allNetworks')}</SingleSelectOption>
            {['bluesky', 'mastodon', 'x', 'rss'].map((n) => (
              <SingleSelectOption key={n} value={n}>
                {t(`listening.network.${n}`)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="language" hint={t('listening.filter.languageHint')}>
          <Field.Label>{t('listening.filter.language')}</Field.Label>
          <SingleSelect
            value={language}
            onChange={(value: string | number) => setLanguage(String(value))}
            data-testid="listening-filter-language"
          >
            {['all', 'fr', 'en', 'other'].map((value) => (
              <SingleSelectOption key={value} value={value}>
                {t(`listening.filter.language.${value}`)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="sentiment">
          <Field.Label>{t('listening.filter.sentiment')}</Field.Label>
          <SingleSelect
            value={sentiment}
            onChange={(value: string | number) => setSentiment(value as typeof sentiment)}
          >
            <SingleSelectOption value="all">{t('listening.filter.allSentiments')}</SingleSelectOption>
            {SENTIMENTS.map((s) => (
              <SingleSelectOption key={s} value={s}>
                {t(`listening.sentiment.${s}`)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="period">
          <Field.Label>{t('listening.filter.period')}</Field.Label>
          <SingleSelect value={period} onChange={(value: string | number) => setPeriod(Number(value))}>
            {PERIODS.map((days) => (
              <SingleSelectOption key={days} value={days}>
                {t('listening.filter.lastDays', { days })}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      </Flex>
      {error && <Typography textColor="danger600">{error}</Typography>}
      {report && (
        <>
          <Flex gap={6} wrap="wrap">
            <Typography>
              {t('listening.report.total', {
                count: report.searches.reduce(
                  (sum, s) => sum + (sentiment === 'all' ? s.total : s[sentiment]),
                  0
                ),
              })}
            </Typography>
            <Typography data-testid="share-of-voice">
              {report.shareOfVoice.brandShare === null
                ? t('listening.report.noVoice')
                : t('listening.report.shareOfVoice', {
                    share: Math.round(report.shareOfVoice.brandShare * 100),
                    brand: report.shareOfVoice.brand,
                    competitor: report.shareOfVoice.competitor,
                  })}
            </Typography>
          </Flex>
          <Box>
            <Typography variant="delta">{t('listening.report.perDay')}</Typography>
            <Table colCount={3} rowCount={report.days.length + 1}>
              <Thead>
                <Tr>
                  <Th>{t('listening.report.day')}</Th>
                  <Th>{t('listening.report.mentions')}</Th>
                  <Th>{t('listening.report.negativeShare')}</Th>
                  <Th style={{ width: '40%' }}>{t('listening.report.bySentiment')}</Th>
                </Tr>
              </Thead>
              <Tbody>
                {report.days.map((day) => (
                  <Tr key={day.day}>
                    <Td>{formatDate(`${day.day}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' })}</Td>
                    <Td>{sentiment === 'all' ? day.total : day[sentiment]}</Td>
                    <Td>{`${percent(day.negative, day.total)} %`}</Td>
                    <Td>
                      <DayBar counts={day} max={max} sentiment={sentiment} />
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            {report.days.length === 0 && (
              <Typography textColor="neutral600">{t('listening.report.nothing')}</Typography>
            )}
          </Box>
          <Flex gap={6} alignItems="flex-start" wrap="wrap">
            <Box>
              <Typography variant="delta">{t('listening.report.perNetwork')}</Typography>
              {byNetwork.map((n) => (
                <Typography key={n.network} tag="p">
                  {t('listening.report.networkLine', {
                    network: t(`listening.network.${n.network}`),
                    total: n.total,
                    positive: n.positive,
                    negative: n.negative,
                  })}
                </Typography>
              ))}
            </Box>
            {(['topAuthors', 'topSources'] as const).map((key) => (
              <Box key={key}>
                <Typography variant="delta">{t(`listening.report.${key}`)}</Typography>
                {report[key].map((row) => (
                  <Typography key={`${row.network}:${row.name}`} tag="p">
                    {`${row.name} (${t(`listening.network.${row.network}`)}) · ${row.count}`}
                  </Typography>
                ))}
              </Box>
            ))}
          </Flex>
        </>
      )}
    </Flex>
  );
};
