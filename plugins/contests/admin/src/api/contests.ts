import { useCallback, useMemo } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import { PLUGIN_ID } from '../pluginId';

export type Phase = 'upcoming' | 'open' | 'closed' | 'drawn';
export type EntryStatus = 'valid' | 'review' | 'invalidated' | 'unconfirmed';
export type Counts = Record<EntryStatus, number>;

export type ContestSummary = {
  eventDocumentId: string;
  title: string;
  published: boolean;
  phase: Phase;
  opensAt: string;
  closesAt: string;
  counts: Counts;
  committed: boolean;
};

export type Claim = {
  publicId: string;
  role: 'winner' | 'substitute';
  status: 'pending' | 'claimed' | 'forfeited';
  /** Null until the winner's e-mail is sent: the claim period starts then. */
  deadline: string | null;
  notification: 'queued' | 'sending' | 'sent' | 'failed' | 'no_email';
  forfeitReason?: string;
  replaces?: string;
};

export type ContestDetail = {
  eventDocumentId: string;
  title: string;
  published: boolean;
  phase: Phase;
  timeZone: string;
  settings: {
    entryOpensAt: string;
    entryClosesAt: string;
    winnersCount: number;
    substitutesCount: number;
    entriesPerPerson: number;
    claimDays: number;
    beaconSource: string | null;
    doubleOptIn: boolean;
  };
  counts: Counts;
  perDay: { day: string; entries: number }[];
  signals: Record<string, number>;
  people: Record<string, { name: string | null; email: string | null; erased: boolean }>;
  state: {
    commitment: string | null;
    committedAt: string | null;
    drawnAt: string | null;
    beacon?: string | null;
    entriesHash?: string | null;
    seed?: string | null;
    drawnEntries?: number;
    winners?: string[] | null;
    substitutes?: string[] | null;
    claims?: Claim[] | null;
  };
};

export type FraudSignal = { type: string; [detail: string]: unknown };

export type Entry = {
  id: string;
  name: string | null;
  email: string | null;
  country: string | null;
  status: EntryStatus;
  invalidationReason: string | null;
  fraudSignals: FraudSignal[];
  erased: boolean;
  createdAt: string;
};

export type EntryFilters = { status?: string; signal?: string; q?: string; page: number };
export type AuditEntry = {
  id: number;
  action: string;
  actorType: 'system' | 'admin' | 'public';
  actorName: string | null;
  entryPublicId: string | null;
  /** Why: a code the admin translates (`reason.<code>`) with its values, and what the organiser typed. */
  reasonCode: string | null;
  reasonParams: Record<string, unknown> | null;
  reason: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
};

/** Every call the admin page makes, in one place. */
export function useContestsApi() {
  const { get, post } = useFetchClient();
  const base = `/${PLUGIN_ID}`;

  const listEntries = useCallback(
    async (eventDocumentId: string, filters: EntryFilters) => {
      const params = new URLSearchParams({ page: String(filters.page), pageSize: '20' });
      for (const key of ['status', 'signal', 'q'] as const) if (filters[key]) params.set(key, filters[key]!);
      const { data } = await get<{
        data: Entry[];
        meta: { pagination: { total: number; pageCount: number } };
      }>(`${base}/${eventDocumentId}/entries?${params}`);
      return data;
    },
    [get, base]
  );

  return useMemo(
    () => ({
      list: async () => (await get<{ data: ContestSummary[] }>(`${base}/overview`)).data.data,
      detail: async (id: string) => (await get<{ data: ContestDetail }>(`${base}/${id}/overview`)).data.data,
      audit: async (id: string) => (await get<{ data: AuditEntry[] }>(`${base}/${id}/audit`)).data.data,
      listEntries,
      commit: (id: string) => post(`${base}/${id}/commit`, {}),
      draw: (id: string, beacon: string) => post(`${base}/${id}/draw`, { beacon }),
      invalidate: (entryId: string, reason: string) =>
        post(`${base}/entries/${entryId}/invalidate`, { reason }),
      restore: (entryId: string, reason: string) => post(`${base}/entries/${entryId}/restore`, { reason }),
      erase: (entryId: string, reason: string) => post(`${base}/entries/${entryId}/erase`, { reason }),
      markClaimed: (id: string, entryId: string) => post(`${base}/${id}/claims/${entryId}/claimed`, {}),
      forfeit: (id: string, entryId: string, reason: string) =>
        post(`${base}/${id}/claims/${entryId}/forfeit`, { reason }),
      sweep: () => post(`${base}/claims/sweep`, {}),
      rules: async (id: string, locale: 'fr' | 'en') =>
        (await get<{ data: { markdown: string } }>(`${base}/${id}/rules?locale=${locale}`)).data.data
          .markdown,
      exportCsv: async (id: string) =>
        (await get<string>(`${base}/${id}/export.csv`, { responseType: 'text' } as any))
          .data as unknown as string,
    }),
    [get, post, base, listEntries]
  );
}
