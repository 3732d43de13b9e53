import { useMemo } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import { PLUGIN_ID } from '../pluginId';

export type TargetType = 'post' | 'campaign' | 'partnership' | 'event';
export type UtmField = 'source' | 'medium' | 'campaign' | 'term' | 'content';
export type Utm = Partial<Record<UtmField, string | null>>;

export type LinkCounts = { humanClicks: number; uniqueVisitors: number; botClicks: number };

export type TrackedLink = {
  id: number;
  code: string;
  shortPath: string;
  /** Null unless the server knows its public address (PUBLIC_URL): the admin's origin is used then. */
  shortUrl: string | null;
  label: string | null;
  destinationUrl: string;
  redirectsTo: string;
  enabled: boolean;
  target: {
    type: TargetType;
    post: { documentId: string; title: string | null } | null;
    delivery: { id: number; network: string | null } | null;
    campaign: { documentId: string; name: string | null } | null;
    partnership: { documentId: string; name: string | null; deliverable: string | null } | null;
    event: { documentId: string; title: string | null } | null;
  };
  utm: Utm;
  timeZone: string;
  counts: LinkCounts;
  createdAt: string;
};

export type LinkFilters = {
  campaign?: string;
  partnership?: string;
  event?: string;
  post?: string;
  enabled?: 'true' | 'false';
  q?: string;
  page: number;
};

export type LinkPage = {
  data: TrackedLink[];
  meta: { pagination: { page: number; pageSize: number; total: number; pageCount: number } };
};

export type TargetOption = {
  documentId: string;
  label: string;
  defaultDestination: string | null;
  deliverables?: string[];
  campaigns?: { documentId: string; label: string }[];
  deliveries?: { id: number; network: string; status: string }[];
};

export type NewLink = {
  target: {
    type: TargetType;
    documentId: string;
    deliveryId?: number;
    perDelivery?: boolean;
    deliverable?: string;
    campaign?: string;
  };
  destinationUrl?: string;
  label?: string;
  utm?: Utm;
};

export type LinkDays = {
  linkId: number;
  timeZone: string;
  from: string;
  to: string;
  days: ({ day: string } & LinkCounts)[];
};

/** Every call the links page makes, in one place. */
export function useLinksApi() {
  const { get, post } = useFetchClient();
  const base = `/${PLUGIN_ID}/links`;

  return useMemo(
    () => ({
      list: async (filters: LinkFilters) => {
        const params = new URLSearchParams({ page: String(filters.page), pageSize: '20' });
        for (const key of ['campaign', 'partnership', 'event', 'post', 'enabled', 'q'] as const) {
          if (filters[key]) params.set(key, filters[key]!);
        }
        return (await get<LinkPage>(`${base}?${params}`)).data;
      },
      create: async (link: NewLink) => (await post<{ data: TrackedLink[] }>(base, link)).data.data,
      disable: async (id: number) =>
        (await post<{ data: TrackedLink }>(`${base}/${id}/disable`, {})).data.data,
      enable: async (id: number) => (await post<{ data: TrackedLink }>(`${base}/${id}/enable`, {})).data.data,
      days: async (id: number) => (await get<{ data: LinkDays }>(`${base}/${id}/daily`)).data.data,
      targets: async (type: TargetType, q: string) => {
        const params = new URLSearchParams({ type, ...(q.trim() && { q: q.trim() }) });
        return (await get<{ data: TargetOption[] }>(`${base}/targets?${params}`)).data.data;
      },
    }),
    [get, post, base]
  );
}
