/**
 * Reports as CSV in the admin's language: headers translated, and the dialect French Excel opens as
 * it is (see domain/csv.ts). Unknown figures stay empty cells, never 0.
 */
import { csvDialect, toCsv, type CsvColumn } from '../../domain/csv';
import { METRIC_COUNTERS } from '../../domain/counters';
import type { CampaignPartnerRow } from './campaign-partners';
import type { Figures } from './figures';

const HEADERS = {
  en: {
    day: 'Day',
    network: 'Network',
    post: 'Post',
    deliveries: 'Deliveries',
    firstPosted: 'First published',
    interactions: 'Interactions',
    engagementRate: 'Engagement rate (by impressions)',
    clickThroughRate: 'Click-through rate (link clicks by impressions)',
    impressions: 'Impressions',
    reach: 'Reach',
    views: 'Views',
    reactions: 'Reactions',
    comments: 'Comments',
    shares: 'Shares',
    quotes: 'Quotes',
    bookmarks: 'Bookmarks',
    linkClicks: 'Link clicks',
    profileClicks: 'Profile clicks',
    partner: 'Partner',
    links: 'Tracked links',
    humanClicks: 'Human clicks',
    uniqueVisitors: 'Unique visitors',
    botClicks: 'Bot requests (not counted)',
  },
  fr: {
    day: 'Jour',
    network: 'Réseau',
    post: 'Publication',
    deliveries: 'Diffusions',
    firstPosted: 'Première publication',
    interactions: 'Interactions',
    engagementRate: 'Taux d’engagement (sur les impressions)',
    clickThroughRate: 'Taux de clic (clics sur les impressions)',
    impressions: 'Impressions',
    reach: 'Portée',
    views: 'Vues',
    reactions: 'Réactions',
    comments: 'Commentaires',
    shares: 'Partages',
    quotes: 'Citations',
    bookmarks: 'Enregistrements',
    linkClicks: 'Clics sur le lien',
    profileClicks: 'Clics sur le profil',
    partner: 'Partenaire',
    links: 'Liens suivis',
    humanClicks: 'Clics humains',
    uniqueVisitors: 'Visiteurs uniques',
    botClicks: 'Requêtes de robots (non comptées)',
  },
} as const;

type HeaderKey = keyof (typeof HEADERS)['en'];

function figureColumns<Row extends Figures>(header: (key: HeaderKey) => string): CsvColumn<Row>[] {
  return [
    { header: header('interactions'), value: (row) => row.interactions },
    { header: header('engagementRate'), value: (row) => row.engagementRate?.value ?? null },
    { header: header('clickThroughRate'), value: (row) => row.clickThroughRate?.value ?? null },
    ...METRIC_COUNTERS.map((name) => ({ header: header(name), value: (row: Row) => row.counters[name] })),
  ];
}

export type CsvTable = 'daily' | 'networks' | 'posts';
/** A campaign report has one table more than the overview: its partners' traffic. */
export type CampaignCsvTable = CsvTable | 'partners';

type DailyRow = Figures & { day: string };
type NetworkRow = Figures & { network: string | null; deliveries?: number };
type PostRow = Figures & {
  title: string | null;
  post: string | null;
  deliveries: number;
  firstPosted: string | null;
};

/** Human clicks and bot requests of each partnership of a campaign, always in separate columns. */
export function campaignPartnersCsv(rows: CampaignPartnerRow[], language: string): string {
  const dialect = csvDialect(language);
  const header = (key: HeaderKey) => HEADERS[dialect][key];
  return toCsv<CampaignPartnerRow>(
    [
      { header: header('partner'), value: (row) => row.partnerName },
      { header: header('links'), value: (row) => row.links },
      { header: header('humanClicks'), value: (row) => row.humanClicks },
      { header: header('uniqueVisitors'), value: (row) => row.uniqueVisitors },
      { header: header('botClicks'), value: (row) => row.botClicks },
    ],
    rows,
    dialect
  );
}

export function reportCsv(
  table: CsvTable,
  rows: Array<DailyRow | NetworkRow | PostRow>,
  language: string
): string {
  const dialect = csvDialect(language);
  const header = (key: HeaderKey) => HEADERS[dialect][key];
  if (table === 'daily')
    return toCsv<DailyRow>(
      [{ header: header('day'), value: (row) => row.day }, ...figureColumns<DailyRow>(header)],
      rows as DailyRow[],
      dialect
    );
  if (table === 'networks')
    return toCsv<NetworkRow>(
      [
        { header: header('network'), value: (row) => row.network },
        { header: header('deliveries'), value: (row) => row.deliveries ?? null },
        ...figureColumns<NetworkRow>(header),
      ],
      rows as NetworkRow[],
      dialect
    );
  return toCsv<PostRow>(
    [
      { header: header('post'), value: (row) => row.title ?? row.post },
      { header: header('firstPosted'), value: (row) => row.firstPosted },
      { header: header('deliveries'), value: (row) => row.deliveries },
      ...figureColumns<PostRow>(header),
    ],
    rows as PostRow[],
    dialect
  );
}
