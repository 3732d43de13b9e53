/** Every call the cross-post admin makes (settings page, side panel, calendar), with what the API answers. */
import { useMemo } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import { PLUGIN_ID } from '../pluginId';
import type { MediaPreview } from '../../../server/src/media/preview-media';

export type Network = string;

/** A network as the server describes it (GET /cross-post/networks, from its provider). */
export type NetworkDescription = {
  id: Network;
  label: string;
  credentialFields: { name: string; labelKey: string; secret: boolean; required: boolean }[];
  selfHosted: boolean;
  defaultBaseUrl: string;
  limits: { textLength: number; captionLength?: number; images: number };
};

export type Account = {
  id: number;
  network: Network;
  name: string;
  baseUrl: string;
  language: string | null;
  credentialsHint: Record<string, string>;
  rateLimitedUntil: string | null;
  rateLimitReason: string | null;
  /** Today's use of a budget the network counts per day (YouTube's quota units). */
  usage: { used: number; limit: number; resetsAt: string } | null;
};

export type DeliveryStatus =
  | 'scheduled'
  | 'publishing'
  | 'published'
  | 'retrying'
  | 'failed'
  | 'unconfirmed'
  | 'cancelled'
  | 'paused'
  | 'handed';

export type Attempt = { id: number; outcome: string; detail: string | null; startedAt: string | null };

export type Delivery = {
  id: number;
  postDocumentId: string;
  postTitle: string | null;
  campaignDocumentId: string | null;
  accountId: number;
  network: Network;
  status: DeliveryStatus;
  scheduledAt: string;
  /** When it goes out, while it is still to (scheduled, or retrying); null otherwise. */
  scheduledFor: string | null;
  nextAttemptAt: string | null;
  /** Only once published. */
  publishedAt: string | null;
  url: string | null;
  failureReason: string | null;
  attempts?: Attempt[];
};

/** A file as the network gets it: the server's own type (a type only: nothing of the server is bundled). */
export type { MediaPreview };

export type Preview = {
  accountId: number;
  network: Network;
  locale: string;
  text: string;
  length: number;
  limit: number;
  problems: { code: string; message: string }[];
  /** Each image that goes as a variant made for this network, and why. */
  mediaChanges: { filename: string; reasons: string[] }[];
  media: MediaPreview[];
};

export type AccountInput = {
  network?: Network;
  name: string;
  language: string | null;
  baseUrl?: string;
  credentials?: Record<string, string>;
};

export type CalendarQuery = { from: Date; to: Date; network?: string; campaign?: string };

export type CampaignLabel = { documentId: string; name: string; color: string | null };

/** A post with a planned time (its draft, the version editors work on). */
export type PlannedPost = {
  documentId: string;
  locale: string;
  title: string | null;
  plannedAt: string;
  editorialStatus: string;
  published: boolean;
  campaign: CampaignLabel | null;
};

export type CalendarDelivery = Delivery & { campaign: CampaignLabel | null };

export type Calendar = { posts: PlannedPost[]; deliveries: CalendarDelivery[] };

const POST_UID = 'api::post.post';

/** Where the Content Manager edits a post, in one of its locales. */
export const postEditPath = (documentId: string, locale?: string | null) =>
  `/content-manager/collection-types/${POST_UID}/${documentId}${locale ? `?plugins[i18n][locale]=${locale}` : ''}`;

const base = `/${PLUGIN_ID}`;

export function useCrossPostApi() {
  const { get, post, put, del } = useFetchClient();

  return useMemo(
    () => ({
      networks: async () => (await get<{ data: NetworkDescription[] }>(`${base}/networks`)).data.data,
      accounts: async () => (await get<{ data: Account[] }>(`${base}/accounts`)).data.data,
      createAccount: (input: AccountInput) => post(`${base}/accounts`, input),
      updateAccount: (id: number, input: AccountInput) => put(`${base}/accounts/${id}`, input),
      deleteAccount: (id: number) => del(`${base}/accounts/${id}`),
      postDeliveries: async (documentId: string) =>
        (await get<{ data: Delivery[] }>(`${base}/posts/${documentId}/deliveries`)).data.data,
      preview: async (documentId: string, accountIds: number[]) =>
        (
          await get<{ data: Preview[] }>(
            `${base}/posts/${documentId}/preview?accountIds=${accountIds.join(',')}`
          )
        ).data.data,
      schedule: (documentId: string, accountIds: number[], scheduledAt?: Date) =>
        post(`${base}/posts/${documentId}/deliveries`, {
          accountIds,
          ...(scheduledAt && { scheduledAt: scheduledAt.toISOString() }),
        }),
      cancel: (deliveryId: number) => post(`${base}/deliveries/${deliveryId}/cancel`, {}),
      retry: (deliveryId: number) => post(`${base}/deliveries/${deliveryId}/retry`, {}),
      /** Deliveries due or published in a range (the homepage widget). */
      deliveries: async ({ from, to }: { from: Date; to: Date }) => {
        const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
        return (await get<{ data: Delivery[] }>(`${base}/deliveries?${params}`)).data.data;
      },
      calendar: async ({ from, to, network, campaign }: CalendarQuery) => {
        const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
        if (network) params.set('network', network);
        if (campaign) params.set('campaign', campaign);
        return (await get<{ data: Calendar }>(`${base}/calendar?${params}`)).data.data;
      },
      /** Hashtags already used on posts and campaigns that start like `typed`, most used first. */
      hashtagSuggestions: async (typed: string) =>
        (
          await get<{ data: Array<{ tag: string; uses: number }> }>(
            `${base}/hashtags/suggestions?${new URLSearchParams({ q: typed })}`
          )
        ).data.data,
      movePost: (documentId: string, plannedAt: Date) =>
        put(`${base}/calendar/posts/${documentId}/planned-at`, { plannedAt: plannedAt.toISOString() }),
      moveDelivery: (deliveryId: number, scheduledAt: Date) =>
        put(`${base}/deliveries/${deliveryId}/scheduled-at`, { scheduledAt: scheduledAt.toISOString() }),
      /**
       * A new post planned at `plannedAt`: a draft made through the Content Manager (with the
       * editor's own permissions), in the default locale, which the edit view then opens.
       */
      createPlannedPost: async (plannedAt: Date) => {
        const locales = (await get<{ code: string; isDefault?: boolean }[]>('/i18n/locales')).data;
        const locale = locales.find((l) => l.isDefault)?.code ?? locales[0]?.code;
        const created = await post<{ data: { documentId: string; locale?: string } }>(
          `/content-manager/collection-types/${POST_UID}${locale ? `?locale=${locale}` : ''}`,
          { plannedAt: plannedAt.toISOString() }
        );
        return { documentId: created.data.data.documentId, locale: created.data.data.locale ?? locale };
      },
      /** The calendar's campaign filter, read through the Content Manager. */
      campaigns: async () =>
        (
          await get<{ results?: { documentId: string; name: string; color?: string | null }[] }>(
            '/content-manager/collection-types/api::campaign.campaign?pageSize=100'
          )
        ).data.results ?? [],
    }),
    [get, post, put, del]
  );
}
