/**
 * Listening's report over a period: mentions per day (in a time zone) with their sentiment, per
 * search, share of voice (our brand's searches against competitors'), and the top authors and
 * sources. Volumes and sentiment come from the hourly rollups (whole UTC hours: in a zone half an
 * hour off UTC a day's edge is half an hour off); the leaders from one grouped query on
 * the (search, published) index.
 */
import type { Core } from '@strapi/strapi';
import type { MentionWeek } from '@porte-voix/kit/contracts';

import { weeklyMentions } from '../domain/listening/mention-weeks';
import { listeningHoursRepository, hourOf } from '../repositories/listening-hours.repository';
import { savedSearchesRepository } from '../repositories/saved-searches.repository';
import { commentsRepository, type LanguageFilter } from '../repositories/comments.repository';
import { checkReportWindow } from '../validators/report-window';

const TOP = 10;

type Counts = { total: number; positive: number; negative: number; neutral: number };
const zero = (): Counts => ({ total: 0, positive: 0, negative: 0, neutral: 0 });
const addTo = (into: Counts, row: Counts) => {
  into.total += row.total;
  into.positive += row.positive;
  into.negative += row.negative;
  into.neutral += row.neutral;
};

/** The calendar day (YYYY-MM-DD) of a UTC hour bucket in `timeZone`. */
export function dayOfHour(hour: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(`${hour}:00:00Z`));
}

/** The instant a calendar day (YYYY-MM-DD) starts in `timeZone`. */
export function startOfDayIn(day: string, timeZone: string): Date {
  const guess = Date.parse(`${day}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(guess));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess - (local - guess));
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Days from `fromDay` to `toDay` included, in `timeZone`; some searches or all; one network or all;
 * French, English, the other languages, or all.
 */
export type ListeningReportQuery = {
  fromDay: string;
  toDay: string;
  timeZone: string;
  searchIds?: number[];
  network?: string;
  language?: LanguageFilter;
};

/** Whether a rollup's language is the one asked (a row counted before languages were kept: other). */
const inLanguage = (language: string | null, filter: LanguageFilter) =>
  filter === 'other' ? language !== 'fr' && language !== 'en' : language === filter;

const listeningReportService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Mentions per ISO week in `timeZone`, published in [from, to), for the engagement plugin's reports
   * (plugins talk through services): the brand's by sentiment and share of voice; `network` keeps one.
   */
  async weekly(query: { from: Date; to: Date; timeZone?: string; network?: string }): Promise<MentionWeek[]> {
    const timeZone = checkReportWindow(query);
    const searches = await savedSearchesRepository(strapi).list();
    const kinds = new Map(searches.map((s) => [s.id, s.kind]));
    const hours = await listeningHoursRepository(strapi).between(
      searches.map((s) => s.id),
      hourOf(query.from),
      hourOf(query.to)
    );
    return weeklyMentions(
      query.network ? hours.filter((row) => row.network === query.network) : hours,
      (searchId) => kinds.get(searchId) ?? 'brand',
      timeZone
    );
  },

  async report({ fromDay, toDay, timeZone, searchIds, network, language }: ListeningReportQuery) {
    const from = startOfDayIn(fromDay, timeZone);
    const to = startOfDayIn(nextDay(toDay), timeZone);
    const searches = (await savedSearchesRepository(strapi).list()).filter(
      (s) => !searchIds || searchIds.includes(s.id)
    );
    const ids = searches.map((s) => s.id);
    const rows = (await listeningHoursRepository(strapi).between(ids, hourOf(from), hourOf(to))).filter(
      (row) => (!network || row.network === network) && (!language || inLanguage(row.language, language))
    );
    const days = new Map<string, Counts>();
    const perSearch = new Map<number, Counts>(ids.map((id) => [id, zero()]));
    const perNetwork = new Map<string, Counts>();
    for (const row of rows) {
      const day = dayOfHour(row.hour, timeZone);
      if (!days.has(day)) days.set(day, zero());
      addTo(days.get(day)!, row);
      addTo(perSearch.get(row.searchId)!, row);
      if (!perNetwork.has(row.network)) perNetwork.set(row.network, zero());
      addTo(perNetwork.get(row.network)!, row);
    }
    const kindOf = new Map(searches.map((s) => [s.id, s.kind]));
    const voice = { brand: 0, competitor: 0 };
    for (const [id, counts] of perSearch) voice[kindOf.get(id) ?? 'brand'] += counts.total;
    const comments = commentsRepository(strapi);
    const [topAuthors, topSources] = await Promise.all([
      comments.topOfSearches(ids, from, to, 'author', TOP, { network, language }),
      comments.topOfSearches(ids, from, to, 'source', TOP, { network, language }),
    ]);
    return {
      from: fromDay,
      to: toDay,
      timeZone,
      network: network ?? null,
      language: language ?? null,
      days: [...days.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, counts]) => ({ day, ...counts })),
      searches: searches.map((s) => ({ id: s.id, name: s.name, kind: s.kind, ...perSearch.get(s.id)! })),
      networks: [...perNetwork.entries()].map(([network, counts]) => ({ network, ...counts })),
      shareOfVoice: {
        brand: voice.brand,
        competitor: voice.competitor,
        // Null when nothing was said by anyone: no share to speak of.
        brandShare:
          voice.brand + voice.competitor > 0 ? voice.brand / (voice.brand + voice.competitor) : null,
      },
      topAuthors,
      topSources,
    };
  },
});

export default listeningReportService;
