/**
 * The partner reports as CSV in the admin's language, in the dialect French Excel opens as it is
 * (domain/csv.ts). Human clicks and bot requests are always separate columns.
 */
import { csvDialect, toCsv, type CsvColumn } from '../../domain/csv';
import type { PartnerReport, PartnersOverview } from './report';

const HEADERS = {
  en: {
    partner: 'Partner',
    type: 'Type',
    state: 'State',
    campaigns: 'Campaigns',
    links: 'Tracked links',
    day: 'Day',
    link: 'Link',
    shortPath: 'Short link',
    deliverable: 'Deliverable',
    enabled: 'Active',
    post: 'Post',
    firstPosted: 'First published',
    deliveries: 'Deliveries',
    interactions: 'Interactions',
    impressions: 'Impressions',
    reach: 'Reach',
    linkClicks: 'Link clicks (networks)',
    humanClicks: 'Human clicks',
    uniqueVisitors: 'Unique visitors',
    botClicks: 'Bot requests (not counted)',
  },
  fr: {
    partner: 'Partenaire',
    type: 'Type',
    state: 'État',
    campaigns: 'Campagnes',
    links: 'Liens suivis',
    day: 'Jour',
    link: 'Lien',
    shortPath: 'Lien court',
    deliverable: 'Livrable',
    enabled: 'Actif',
    post: 'Publication',
    firstPosted: 'Première publication',
    deliveries: 'Diffusions',
    interactions: 'Interactions',
    impressions: 'Impressions',
    reach: 'Portée',
    linkClicks: 'Clics sur le lien (réseaux)',
    humanClicks: 'Clics humains',
    uniqueVisitors: 'Visiteurs uniques',
    botClicks: 'Requêtes de robots (non comptées)',
  },
} as const;

type HeaderKey = keyof (typeof HEADERS)['en'];
export type PartnerCsvTable = 'daily' | 'links' | 'posts';

type Clicks = { humanClicks: number; uniqueVisitors: number; botClicks: number };
function clickColumns<Row extends Clicks>(header: (key: HeaderKey) => string): CsvColumn<Row>[] {
  return [
    { header: header('humanClicks'), value: (row) => row.humanClicks },
    { header: header('uniqueVisitors'), value: (row) => row.uniqueVisitors },
    { header: header('botClicks'), value: (row) => row.botClicks },
  ];
}

export function partnersCsv(overview: PartnersOverview, language: string): string {
  const dialect = csvDialect(language);
  const header = (key: HeaderKey) => HEADERS[dialect][key];
  type Row = PartnersOverview['partners'][number];
  return toCsv<Row>(
    [
      { header: header('partner'), value: (row) => row.partnerName },
      { header: header('type'), value: (row) => row.type },
      { header: header('state'), value: (row) => row.state },
      { header: header('campaigns'), value: (row) => row.campaigns },
      { header: header('links'), value: (row) => row.links },
      ...clickColumns<Row>(header),
    ],
    overview.partners,
    dialect
  );
}

export function partnerReportCsv(report: PartnerReport, table: PartnerCsvTable, language: string): string {
  const dialect = csvDialect(language);
  const header = (key: HeaderKey) => HEADERS[dialect][key];
  if (table === 'daily') {
    type Row = PartnerReport['daily'][number];
    return toCsv<Row>(
      [{ header: header('day'), value: (row) => row.day }, ...clickColumns<Row>(header)],
      report.daily,
      dialect
    );
  }
  if (table === 'links') {
    type Row = PartnerReport['links'][number];
    return toCsv<Row>(
      [
        { header: header('link'), value: (row) => row.label },
        { header: header('shortPath'), value: (row) => row.shortPath },
        { header: header('deliverable'), value: (row) => ('deliverable' in row ? row.deliverable : null) },
        { header: header('enabled'), value: (row) => row.enabled },
        ...clickColumns<Row>(header),
      ],
      report.links,
      dialect
    );
  }
  type Row = PartnerReport['posts'][number];
  return toCsv<Row>(
    [
      { header: header('post'), value: (row) => row.title ?? row.post },
      { header: header('firstPosted'), value: (row) => row.firstPosted },
      { header: header('deliveries'), value: (row) => row.deliveries },
      { header: header('interactions'), value: (row) => row.interactions },
      { header: header('impressions'), value: (row) => row.impressions },
      { header: header('reach'), value: (row) => row.reach },
      { header: header('linkClicks'), value: (row) => row.linkClicks },
    ],
    report.posts,
    dialect
  );
}
