import { useMemo } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import { PLUGIN_ID } from '../pluginId';
import type { Change, Download, Period } from './engagement';

export type ClickCounts = { humanClicks: number; uniqueVisitors: number; botClicks: number };

export type PartnerRow = ClickCounts & {
  documentId: string;
  partnerName: string;
  type: string | null;
  state: string | null;
  campaigns: number;
  links: number;
};

export type PartnersOverview = { period: Period; partners: PartnerRow[] };

export type PartnerLink = ClickCounts & {
  id: number;
  code: string;
  shortPath: string;
  label: string | null;
  enabled: boolean;
  deliverable?: string | null;
  destinationUrl?: string;
};

export type PartnerPost = {
  post: string;
  title: string | null;
  campaign: string;
  firstPosted: string | null;
  deliveries: number;
  interactions: number | null;
  impressions: number | null;
  reach: number | null;
  linkClicks: number | null;
};

export type PartnerReport = {
  partnership: {
    documentId: string;
    partnerName: string;
    type: string | null;
    state: string | null;
    startsOn: string | null;
    endsOn: string | null;
  };
  period: Period;
  timeZone: string;
  totals: ClickCounts & { links: number; posts: number; postImpressions: number | null };
  daily: Array<{ day: string } & ClickCounts>;
  links: PartnerLink[];
  posts: PartnerPost[];
};

export type PartnerWeek = {
  period: Period;
  comparison: Period;
  partnersWithLinks: number;
  totals: { humanClicks: number; previousHumanClicks: number; change: Change };
  partners: Array<{
    documentId: string;
    partnerName: string | null;
    humanClicks: number;
    previousHumanClicks: number;
    botClicks: number;
    change: Change;
  }>;
};

export type ShareStatus = 'active' | 'expired' | 'revoked';
export type PartnerShare = {
  id: number;
  partnership: string;
  language: 'en' | 'fr';
  from: string;
  to: string | null;
  expiresAt: string;
  revokedAt: string | null;
  createdAt: string;
  status: ShareStatus;
};
/** Only the answer to a creation carries the token: it cannot be read again. */
export type CreatedShare = PartnerShare & { token: string; path: string; url: string | null };
export type ShareInput = {
  expiresInDays: 7 | 30 | 90;
  from: string;
  to: string | null;
  language: 'en' | 'fr';
};

export type PartnerCsvTable = 'daily' | 'links' | 'posts';

const fileName = (headers: Headers | undefined, fallback: string) =>
  /filename="([^"]+)"/.exec(headers?.get('Content-Disposition') ?? '')?.[1] ?? fallback;

/** Every call of the partner pages and widget, in one place. */
export function usePartnersApi() {
  const { get, post } = useFetchClient();

  return useMemo(() => {
    const base = `/${PLUGIN_ID}`;
    const data = async <T>(url: string) => (await get<{ data: T }>(url)).data.data;
    const download = async (url: string, fallback: string): Promise<Download> => {
      const response = await get<Blob>(url, { responseType: 'blob' });
      return { name: fileName(response.headers, fallback), blob: response.data };
    };
    const range = (period: Period) => new URLSearchParams(period).toString();

    return {
      overview: (period: Period) => data<PartnersOverview>(`${base}/reports/partners?${range(period)}`),
      report: (documentId: string, period: Period) =>
        data<PartnerReport>(`${base}/reports/partners/${documentId}?${range(period)}`),
      week: () => data<PartnerWeek>(`${base}/homepage/partners`),
      overviewCsv: (period: Period, locale: string) =>
        download(`${base}/reports/partners.csv?${range(period)}&locale=${locale}`, 'partners-report.csv'),
      reportCsv: (documentId: string, period: Period, table: PartnerCsvTable, locale: string) =>
        download(
          `${base}/reports/partners/${documentId}/export.csv?${range(period)}&table=${table}&locale=${locale}`,
          `partner-${table}.csv`
        ),
      shares: (documentId: string) => data<PartnerShare[]>(`${base}/partners/${documentId}/shares`),
      share: async (documentId: string, input: ShareInput) =>
        (await post<{ data: CreatedShare }>(`${base}/partners/${documentId}/shares`, input)).data.data,
      revoke: async (id: number) =>
        (await post<{ data: PartnerShare }>(`${base}/partner-shares/${id}/revoke`, {})).data.data,
    };
  }, [get, post]);
}
