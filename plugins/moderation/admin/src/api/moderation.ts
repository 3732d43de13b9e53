/** Every call the moderation admin makes, in one place, with what the API answers (server/src/services/admin.service.ts). */
import { useMemo } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { AnswerFailureKind, InboxErrorKind, ListeningErrorKind } from '@porte-voix/kit/contracts';

import { PLUGIN_ID } from '../pluginId';

export type Queue = 'pending' | 'reported' | 'approved' | 'rejected' | 'all';
export const QUEUES: Queue[] = ['pending', 'reported', 'approved', 'rejected', 'all'];

export type Match = {
  term: string;
  level: 'banned' | 'suspect';
  start: number;
  end: number;
  field: 'content' | 'authorName';
  masked?: boolean;
};
export type Finding = {
  rule: string;
  outcome: 'reject' | 'hold' | 'note';
  code: string;
  /** What the admin translates (`reason.<code>`); absent from findings stored before codes. */
  params?: Record<string, string | number | boolean>;
  /** Findings stored before codes: their English text, shown as it is. */
  detail?: string;
  matches?: Match[];
};

export type Sanction = {
  id: number;
  kind: 'warning' | 'suspension' | 'ban' | 'premoderation';
  until: string | null;
  note: string | null;
  issuedByName: string | null;
  createdAt: string;
  revokedAt: string | null;
  revokedByName: string | null;
  active: boolean;
};

export type SanctionInput = { kind: Sanction['kind']; durationHours?: number; note?: string };

export type History = { approved: number; pending: number; rejected: number; total: number };

export type Card = {
  id: string;
  status: 'approved' | 'pending' | 'rejected';
  target: {
    /** `account`: a mention of one of our accounts, on no post of ours; `search`: found by a saved search. */
    type: 'post' | 'event' | 'account' | 'search';
    documentId: string;
    key: string;
    title: string;
    adminPath: string | null;
  };
  parent: string | null;
  authorName: string;
  authorEmail: string;
  authorKey: string;
  content: string;
  locale: string;
  /** The guessed intent (server/src/domain/intent.ts): questions and complaints come first. */
  intent: Intent;
  /** Where it was written when not on our site: the network, our account, the author, the thread. */
  source: NetworkSource | null;
  reasons: Finding[];
  report: {
    state: 'none' | 'open' | 'reviewed';
    count: number;
    score: number;
    reasons: Record<string, number>;
  };
  moderatedAt: string | null;
  moderatedBy: string | null;
  moderationReason: string | null;
  moderationNote: string | null;
  /** The campaign a listening mention was attached to, as earned media. */
  campaignDocumentId: string | null;
  /** Who handles it and how fast (server/src/domain/response-time.ts). */
  handling: Handling;
  createdAt: string;
  author: { key: string; history: History; sanction: Sanction | null };
};

export const INTENTS = ['complaint', 'question', 'praise', 'other'] as const;
export type Intent = (typeof INTENTS)[number];

export type NetworkSource = {
  network: string;
  accountId: number | null;
  accountName: string | null;
  authorHandle: string | null;
  authorUrl: string | null;
  remoteId: string;
  url: string | null;
  parentRemoteId: string | null;
  postRemoteId: string | null;
  postUrl: string | null;
  /** When the first answer from the queue went out. */
  firstResponseAt: string | null;
  /** When it was taken out of view on its network from the queue. */
  hiddenOnNetworkAt: string | null;
  /** When the account liked it on its network from the queue. */
  likedOnNetworkAt: string | null;
  /** A direct message: only the account saw it, and the answer goes back privately to its author. */
  privateMessage: boolean;
};

/** The accounts of a mention's network that may answer it (server/src/services/mentions.service.ts). */
export type AnsweringAccounts = { network: string; accounts: { accountId: number; name: string }[] };

/** An answer sent as the account (cross-post's answers service). */
export type Answer = {
  id: number;
  status: 'sending' | 'sent' | 'failed' | 'unconfirmed' | 'deleted';
  text: string;
  url: string | null;
  failureReason: string | null;
  /** What kind of failure, said in the editor's language before the network's words. */
  failureKind: AnswerFailureKind | null;
  sentAt: string | null;
  createdAt: string;
};

/** A ready answer (server/src/services/saved-replies.service.ts). */
export type SavedReply = {
  id: number;
  title: string;
  body: string;
  language: 'fr' | 'en';
  updatedByName: string | null;
  updatedAt: string | null;
};
export type SavedReplyInput = Pick<SavedReply, 'title' | 'body' | 'language'>;

/** What the inbox collects (server/src/services/inbox.service.ts). */
export type InboxSources = {
  networks: string[];
  /** The networks whose replies can be answered from the queue. */
  answerable: string[];
  /** The networks where the account can take a reader's reply out of view. */
  hideable: string[];
  /** The networks where the account can like a reader's reply. */
  likeable?: string[];
  sources: {
    accountId: number;
    network: string;
    accountName: string | null;
    lastCollectedAt: string | null;
    nextRunAt: string | null;
    collectedCount: number;
    /** The network's words for what the last read met. */
    lastError: string | null;
    /** What kind of trouble it was, said in the editor's language. */
    lastErrorKind: InboxErrorKind | null;
    /** With a notice: what cannot be read and why, as codes said in the editor's language. */
    notices: string[];
  }[];
};
export type InboxSource = InboxSources['sources'][number];

export type Handling = {
  assignedTo: { id: number; name: string | null } | null;
  doneAt: string | null;
  internalNote: string | null;
  firstResponseAt: string | null;
  goalMinutes: number | null;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  overdue: boolean;
};

export type Pagination = { page: number; pageSize: number; total: number; pageCount: number };
export type QueueResponse = { data: Card[]; meta: { pagination: Pagination; counts: Record<Queue, number> } };

/** A rejection as the server stores it: a reason code, and the moderator's note as typed. */
export type Rejection = { reason: string; note?: string };

export type AuditEntry = {
  id: number;
  action: string;
  actorType: 'system' | 'admin' | 'public';
  actorName: string | null;
  commentDocumentId: string | null;
  authorKey: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  reasonCode: string | null;
  reasonParams: Record<string, unknown> | null;
  reason: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
};

export type Author = {
  key: string;
  names: string[];
  emails: string[];
  history: History;
  sanctions: Sanction[];
  activeSanction: Sanction | null;
  recent: Omit<Card, 'author'>[];
};

export type Settings = {
  newAuthorPremoderation: boolean;
  rateLimits: { perIpPerMinute: number; perAuthorPerMinute: number };
  premoderation: { all: boolean; targets: string[] };
  rules: { order: string[]; disabled: string[] };
  words: { useDefaultLists: boolean; banned: string[]; suspect: string[]; allowed: string[] };
  links: { action: 'hold' | 'reject' | 'allow'; allowedDomains: string[] };
  shouting: { minLetters: number; maxCapitalsRatio: number };
  repetition: { maxCharacterRun: number; maxWordRun: number };
  duplicates: { windowMinutes: number; maxSameText: number };
  authorHistory: { windowDays: number; minComments: number; maxRejectedRatio: number };
  reports: { hideScore: number; weights: Record<string, number> };
  limits: { maxContentLength: number; maxAuthorNameLength: number; maxNoteLength: number };
  externalScorer: {
    enabled: boolean;
    url: string;
    timeoutMs: number;
    holdAbove: number;
    rejectAbove: number;
  };
  notifications: { debounceSeconds: number; webhookUrl: string; emails: string[]; adminUrl: string };
};

/** The server merges a partial update into the stored settings. */
export type SettingsPatch = { [K in keyof Settings]?: Partial<Settings[K]> };

export type AuditPage = { data: AuditEntry[]; meta: { pagination: Pagination } };

/** What the queue's pickers offer (server/src/services/lookup.service.ts). */
export type LookupKind = 'target' | 'campaign';
export type LookupOption = { value: string; label: string; type: 'post' | 'event' | 'campaign' };

/** A saved search of listening (server/src/services/saved-searches.service.ts). */
export const SEARCH_NETWORKS = ['bluesky', 'mastodon', 'x'] as const;
export type SavedSearchInput = {
  name: string;
  kind: 'brand' | 'competitor';
  terms: string[];
  exclusions: string[];
  languages: ('fr' | 'en')[];
  networks: (typeof SEARCH_NETWORKS)[number][];
  feeds: string[];
  enabled: boolean;
};
export type SavedSearch = SavedSearchInput & {
  id: number;
  updatedByName: string | null;
  updatedAt: string | null;
  sources: {
    key: string;
    network: string;
    feedUrl: string | null;
    lastCollectedAt: string | null;
    collectedCount: number;
    /** The network's or the feed's own words for what the last read met. */
    lastError: string | null;
    /** What kind of trouble it was, said in the editor's language. */
    lastErrorKind: ListeningErrorKind | null;
    notAvailable: boolean;
  }[];
};

export type SentimentCounts = { total: number; positive: number; negative: number; neutral: number };
/** GET /listening/report (server/src/services/listening-report.service.ts). */
export type ListeningReport = {
  from: string;
  to: string;
  timeZone: string;
  /** The one network the report keeps, or null for all. */
  network: string | null;
  /** The language it keeps (fr, en, other), or null for all. */
  language: 'fr' | 'en' | 'other' | null;
  days: ({ day: string } & SentimentCounts)[];
  searches: ({ id: number; name: string; kind: 'brand' | 'competitor' } & SentimentCounts)[];
  networks: ({ network: string } & SentimentCounts)[];
  shareOfVoice: { brand: number; competitor: number; brandShare: number | null };
  topAuthors: { name: string; network: string; count: number }[];
  topSources: { name: string; network: string; count: number }[];
};
export type ListeningAlert = {
  id: number;
  searchId: number;
  searchName: string | null;
  kind: 'volume' | 'negative';
  open: boolean;
  startedAt: string;
  endedAt: string | null;
  level: number;
  threshold: number;
};

const base = `/${PLUGIN_ID}`;

export function useModerationApi() {
  const { get, post, put, del } = useFetchClient();

  return useMemo(
    () => ({
      /** `filters`: the queue page's query string (q, target, campaign, author, from, to, source, intent, language, sort). */
      queue: async (queue: Queue, page: number, filters: string) =>
        (
          await get<QueueResponse>(
            `${base}/comments?status=${queue}&page=${page}&pageSize=20${filters ? `&${filters}` : ''}`
          )
        ).data,
      counts: async (filters: string) =>
        (await get<{ data: Record<Queue, number> }>(`${base}/comments/counts${filters ? `?${filters}` : ''}`))
          .data.data,
      approve: (ids: string[]) =>
        ids.length === 1
          ? post(`${base}/comments/${ids[0]}/approve`, {})
          : post(`${base}/comments/bulk`, { action: 'approve', ids }),
      reject: (ids: string[], { reason, note }: Rejection) =>
        ids.length === 1
          ? post(`${base}/comments/${ids[0]}/reject`, { reason, note })
          : post(`${base}/comments/bulk`, { action: 'reject', ids, reason, note }),
      author: async (key: string) =>
        (await get<{ data: Author }>(`${base}/authors/${encodeURIComponent(key)}`)).data.data,
      sanction: (authorKey: string, input: SanctionInput) =>
        post(`${base}/authors/${authorKey}/sanctions`, input),
      revokeSanction: (authorKey: string, sanctionId: number) =>
        del(`${base}/authors/${authorKey}/sanctions/${sanctionId}`),
      settings: async () => (await get<{ data: Settings }>(`${base}/settings`)).data.data,
      saveSettings: async (settings: SettingsPatch) =>
        (await put<{ data: Settings }>(`${base}/settings`, settings)).data.data,
      /** Options matching `q`, or the one option `value` names (null when it names nothing). */
      lookup: async (kind: LookupKind, query: { q?: string; value?: string; locale: string }) =>
        (
          await get<{ data: LookupOption[] | LookupOption | null }>(
            `${base}/lookup?${new URLSearchParams(
              Object.entries({ kind, ...query }).filter(
                (entry): entry is [string, string] => entry[1] !== undefined
              )
            )}`
          )
        ).data.data,
      answer: async (commentId: string, body: { text: string; idempotencyKey: string }) =>
        (await post<{ data: Answer }>(`${base}/comments/${commentId}/reply`, body)).data.data,
      answers: async (commentId: string) =>
        (await get<{ data: Answer[] }>(`${base}/comments/${commentId}/replies`)).data.data,
      hideOnNetwork: async (commentId: string) =>
        (await post<{ data: Card }>(`${base}/comments/${commentId}/hide`, {})).data.data,
      likeOnNetwork: async (commentId: string) =>
        (await post<{ data: Card }>(`${base}/comments/${commentId}/like`, {})).data.data,
      deleteAnswer: async (commentId: string, answerId: number) =>
        (await del<{ data: Answer }>(`${base}/comments/${commentId}/replies/${answerId}`)).data.data,
      assign: async (commentId: string, userId: number | null) =>
        (await put<{ data: Card }>(`${base}/comments/${commentId}/assignee`, { userId })).data.data,
      setDone: async (commentId: string, done: boolean) =>
        (await put<{ data: Card }>(`${base}/comments/${commentId}/done`, { done })).data.data,
      setNote: async (commentId: string, note: string) =>
        (await put<{ data: Card }>(`${base}/comments/${commentId}/note`, { note })).data.data,
      savedReplies: async (language?: 'fr' | 'en') =>
        (await get<{ data: SavedReply[] }>(`${base}/saved-replies${language ? `?language=${language}` : ''}`))
          .data.data,
      createSavedReply: async (input: SavedReplyInput) =>
        (await post<{ data: SavedReply }>(`${base}/saved-replies`, input)).data.data,
      updateSavedReply: async (id: number, input: Partial<SavedReplyInput>) =>
        (await put<{ data: SavedReply }>(`${base}/saved-replies/${id}`, input)).data.data,
      deleteSavedReply: async (id: number) =>
        (await del<{ data: SavedReply }>(`${base}/saved-replies/${id}`)).data.data,
      inboxSources: async () => (await get<{ data: InboxSources }>(`${base}/inbox/sources`)).data.data,
      audit: async (query: URLSearchParams) => (await get<AuditPage>(`${base}/audit?${query}`)).data,
      savedSearches: async () => (await get<{ data: SavedSearch[] }>(`${base}/listening/searches`)).data.data,
      createSavedSearch: async (input: SavedSearchInput) =>
        (await post<{ data: SavedSearch }>(`${base}/listening/searches`, input)).data.data,
      updateSavedSearch: async (id: number, input: SavedSearchInput) =>
        (await put<{ data: SavedSearch }>(`${base}/listening/searches/${id}`, input)).data.data,
      deleteSavedSearch: async (id: number) => del(`${base}/listening/searches/${id}`),
      /** `query`: from, to (days), timeZone, search (ids joined by commas). */
      listeningReport: async (query: URLSearchParams) =>
        (await get<{ data: ListeningReport }>(`${base}/listening/report?${query}`)).data.data,
      listeningAlerts: async () =>
        (await get<{ data: ListeningAlert[] }>(`${base}/listening/alerts`)).data.data,
      answeringAccounts: async (commentId: string) =>
        (await get<{ data: AnsweringAccounts }>(`${base}/comments/${commentId}/answering-accounts`)).data
          .data,
      /** `accountId`: the account that answers; left out only when its network has one account. */
      /** Attaches a listening mention to a campaign as earned media (`null` detaches it). */
      attachToCampaign: async (commentId: string, campaign: string | null) =>
        (
          await put<{ data: { documentId: string; campaignDocumentId: string | null } }>(
            `${base}/comments/${commentId}/campaign`,
            { campaign }
          )
        ).data.data,
      sendToInbox: async (commentId: string, accountId?: number) =>
        (
          await post<{ data: { accountId: number; accountName: string } }>(
            `${base}/comments/${commentId}/send-to-inbox`,
            accountId === undefined ? {} : { accountId }
          )
        ).data.data,
    }),
    [get, post, put, del]
  );
}
