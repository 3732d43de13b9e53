/**
 * The provider contract: one file per network behind this interface, which declares everything the
 * server and the admin need to know about the network (credential fields, base URL, limits). The
 * admin reads those declarations from `GET /cross-post/networks`; it keeps no copy of its own.
 *
 * Adding a network: see "Adding a network" in the plugin's README (its provider file, one line in
 * `./index.ts`, its fake, its translations). The network ids, the account schema's enum, the demo
 * accounts and the fakes' ports are all derived from the list in `./index.ts`.
 */
import {
  METRIC_COUNTERS,
  type InboxNotice,
  type MetricCounter,
  type MetricCounters,
} from '@porte-voix/kit/contracts';
import type { AxiosInstance } from 'axios';

import type { NetworkId } from './index';

export type { NetworkId };

export type Credentials = Record<string, string | undefined>;

/** What a provider knows of an account: decrypted credentials never leave the server. */
export type ProviderAccount = {
  id: number;
  network: NetworkId;
  baseUrl: string;
  credentials: Credentials;
  language?: string | null;
  /** The units of a daily quota the account spent on its last day of use (YouTube's), if it has one. */
  quota?: QuotaLedger | null;
};

/** Units spent on one quota day, as the network counts its days (`quotaDay` is that day's date). */
export type QuotaLedger = { quotaDay: string; unitsSpent: number };

export type OutgoingImage = {
  filename: string;
  mimeType: string;
  alt: string;
  /** Size in bytes when known (validated before anything is sent). */
  size?: number;
  /** Absolute public URL, for networks that fetch media themselves (Facebook). */
  publicUrl?: string;
  load(): Promise<Buffer>;
  /**
   * The file read piece by piece, for uploads too large to hold in memory (a video): absent, `load`
   * is all there is (`mediaSource` wraps it).
   */
  open?(): Promise<MediaSource>;
};

/**
 * A medium read in ranges: its size, bytes [start, end) (valid until the next read: the source may
 * reuse one buffer), then closed (a temporary copy removed).
 */
export type MediaSource = {
  size: number;
  read(start: number, end: number): Promise<Buffer>;
  close(): Promise<void>;
};

/** The text already composed for one account (language, variant, hashtags, link with UTM). */
export type OutgoingPost = {
  /** The post's title, for networks that publish articles or topics (WordPress, Discourse, Pinterest). */
  title?: string;
  text: string;
  link?: string | null;
  /** The post's images (the networks that take images only). */
  images: OutgoingImage[];
  /**
   * Every image and video of the post, in its order, for networks that publish videos (Instagram,
   * Threads, YouTube); absent: the images are all there is (`postMedia`).
   */
  media?: OutgoingImage[];
  language?: string | null;
  /** When the first publication attempt started: deterministic across retries. */
  createdAt: Date;
  /**
   * Set when the network itself holds the post until then (the account schedules on the network,
   * `Provider.schedulesOnNetwork`): the network keeps it out of view and publishes it at that time.
   */
  publishAt?: Date;
};

export type Problem = { code: string; message: string };

export type Validation = {
  /** Length as the network counts it, and its limit: the editor's counter. */
  length: number;
  limit: number;
  problems: Problem[];
};

export type PublishResult = {
  remoteId: string;
  url: string | null;
  /** The quota the network reported with its answer: at 0 the account waits until `resetAt`, no 429 needed. */
  quota?: { remaining: number; resetAt: Date };
  /** The network holds the post until then (it was given `publishAt`): scheduled there, not public yet. */
  scheduledFor?: Date;
};

export type RemotePost = {
  remoteId: string;
  url: string | null;
  text?: string;
  createdAt?: string;
  /** The network still holds the post until then (scheduled there); absent once it is public. */
  scheduledFor?: string;
};

/** null: the network does not measure this counter for this post (never 0 for "unknown"). */
export { METRIC_COUNTERS, type MetricCounter, type MetricCounters };

export type DeliveryMetrics =
  | { remoteId: string; state: 'ok'; counters: MetricCounters }
  /** The network says the post no longer exists (deleted, 404 / not in the batch answer): stop collecting. */
  | { remoteId: string; state: 'gone' }
  /**
   * The post exists but cannot be measured now (missing permission/scope, page too small for insights,
   * outside the network's window); `reason` is for an editor. `counters`, when present, holds what
   * could still be read (Facebook reactions, comments and shares when its insights are refused).
   */
  | { remoteId: string; state: 'unavailable'; reason: string; counters?: MetricCounters };

export type AccountMetrics = { followers: number | null };

export type MetricsProfile = {
  /** Most ids one fetchMetrics call may carry (one request): X 100, Bluesky 25, Mastodon 20, ... */
  batchSize: number;
  /**
   * The counters this network can measure; the others are always null (the admin warns when a KPI
   * target cannot be measured on the chosen networks, the README lists them).
   */
  measures: MetricCounter[];
  /** 'daily': the network's insights update about once a day (Facebook insights, LinkedIn): collect at most daily. */
  freshness: 'live' | 'daily';
  /**
   * Days after publication during which some counters stay readable (X non-public metrics: 30); the
   * collector takes one last snapshot before they vanish.
   */
  windowDays?: number;
  /** false: metrics cannot be polled (Telegram has no view counts for bots): the collector skips the network. */
  polled: boolean;
};

/** A private conversation the network pushed to us, with the newest message id heard in it. */
export type PushedConversation = { channelId: string; lastMessageId: string | null };

/**
 * The conversations heard by push, and since when the push connection heard everything without a
 * gap (null: it may have missed some, every conversation must be read).
 */
export type PushedConversations = { conversations: PushedConversation[]; heardSince: Date | null };

export type RepliesPage = {
  replies: RemoteReply[];
  /** Where the next call starts (null: the network is read by time, `since`). */
  cursor: string | null;
  /** The network has more right after this page. */
  more: boolean;
  /** What the account cannot collect and why (X's plan without search), for the inbox to show. */
  notices?: InboxNotice[];
};

/** A listening search as a network's search runs it; each network writes its own query from it. */
export type SearchQuery = {
  terms: string[];
  exclusions: string[];
  languages: string[];
  since: Date;
  cursor: string | null;
};

export type SearchPage = {
  posts: RemoteReply[];
  cursor: string | null;
  more: boolean;
  /** The account's plan or server does not offer this search (X Free): said once, tried again a day later. */
  notAvailable?: string | null;
};

export type RemoteReply = {
  remoteId: string;
  /** What it answers (a post of ours, or another reply in the thread); null for a plain mention. */
  inReplyTo?: string | null;
  /** The author's handle as the network shows it (`name@instance`, `handle.bsky.social`, `@user`). */
  author: string;
  /** The author's profile page, where the network has one. */
  authorUrl?: string | null;
  text: string;
  /** The language the network or the author gave it (BCP 47), when known. */
  language?: string | null;
  createdAt: string;
  url?: string | null;
  /**
   * A direct message: only the account sees it (a Mastodon direct status, a Telegram private chat
   * with the bot, a Bluesky chat, an X DM, a Facebook Page conversation). Its answer goes back the
   * same private way, never in public: `reply` knows it from the remote id it gave.
   */
  private?: boolean;
};

/**
 * What to do after a failure.
 * - retry: try again after `waitMs` (the network's own signal, already converted to ms); when
 *   `rateLimited`, the whole account waits, not just this delivery.
 * - refresh: the credentials expired; refresh them, then try again at once.
 * - reject: permanent; `reason` tells an editor what to do next.
 * - unknown: the request may have reached the network; never re-send blindly.
 */
export type ErrorVerdict =
  | { action: 'retry'; waitMs?: number; rateLimited?: boolean; reason: string }
  | { action: 'refresh'; reason: string }
  /** `credentials`: the network refused the token or key itself; only reconnecting the account helps. */
  /** `windowClosed`: a private conversation no longer takes an answer (Messenger's, Instagram's 24 hours). */
  | { action: 'reject'; reason: string; credentials?: boolean; windowClosed?: boolean }
  | { action: 'unknown'; reason: string };

/** A field an editor fills in when connecting an account; its label is the `credential.<name>` message. */
export type CredentialField = { name: string; secret: boolean; required: boolean };

/** What one post may carry, as the network counts it: the editor sees these before composing. */
export type ProviderLimits = {
  /** Longest text (graphemes, weighted characters… as `validate` counts them). */
  textLength: number;
  /** Longest text when the post carries images, where the network has a shorter caption limit. */
  captionLength?: number;
  images: number;
};

/**
 * What a publication in several steps keeps on its delivery between attempts (an Instagram or Threads
 * container created, then published): `saved` is what the last attempt saved, `save` stores it before
 * the next step, while this instance still holds the delivery. A crash between the steps resumes from
 * it instead of starting over (no second container, no second post).
 */
export type PublishProgress = {
  readonly saved: Record<string, unknown> | null;
  save(state: Record<string, unknown>): Promise<void>;
};

export type ProviderContext = {
  account: ProviderAccount;
  http: AxiosInstance;
  /** Present when publishing a delivery (the dispatcher) or sending an answer; absent in previews and reads. */
  progress?: PublishProgress;
  /**
   * Adds `units` to the account's ledger for `quotaDay` in one statement (calls at once on several
   * instances all count) and refreshes `account.quota`; absent in previews.
   */
  spendQuota?(quotaDay: string, units: number): Promise<void>;
};

export interface Provider {
  network: NetworkId;
  /** The network's name as editors know it (a brand: not translated). */
  displayName: string;
  defaultBaseUrl: string;
  /**
   * true: each account says where its server is (a Mastodon instance, a Bluesky PDS); false: the
   * network has one API host, and credentials go nowhere else.
   */
  selfHosted: boolean;
  /** Fields an editor fills in when connecting an account. */
  credentialFields: CredentialField[];
  /** The limits `validate` enforces; where the server may announce others (Mastodon), its defaults. */
  limits: ProviderLimits;
  /**
   * How long a re-send with the same idempotency key is safe (Mastodon keeps keys one hour;
   * a Bluesky record key forever). 0: the network has no idempotency, an unknown outcome must be
   * reconciled by looking the post up.
   */
  idempotencyWindowMs: number;
  validate(post: OutgoingPost, ctx: ProviderContext): Promise<Validation>;
  publish(post: OutgoingPost, idempotencyKey: string, ctx: ProviderContext): Promise<PublishResult>;
  /** null when the network says the post does not exist. */
  lookup(remoteId: string, ctx: ProviderContext): Promise<RemotePost | null>;
  /** Finds a post this account published since a time with this text (reconciliation); absent when the network cannot list them. */
  findRecent?(
    query: { since: Date; text: string; idempotencyKey?: string },
    ctx: ProviderContext
  ): Promise<RemotePost | null>;
  metrics: MetricsProfile;
  /**
   * true: the network counts reads against the same budget as publications (Mastodon's requests per
   * token, Facebook's Page usage), so a 429 met while reading metrics holds publishing too.
   */
  readsSharePublishingLimit: boolean;
  /** What an editor should know about this network's metrics (the README's table shows it). */
  metricsNote: string;
  /**
   * One result per id, in the order given (ids.length <= metrics.batchSize). A failure of the whole
   * call (429, expired token, 5xx) throws, and classifyError(error) says what to do, as for publish.
   */
  fetchMetrics(remoteIds: string[], ctx: ProviderContext): Promise<DeliveryMetrics[]>;
  fetchAccountMetrics(ctx: ProviderContext): Promise<AccountMetrics>;
  /**
   * Replies and mentions. Networks with a stream of updates (Telegram) read from `cursor` and answer
   * the next one; the caller keeps it once it stored the replies, and the network drops what came
   * before only when the next call passes it (so nothing is lost if the caller stops in between).
   */
  fetchReplies(
    query: { since: Date; remoteIds: string[]; cursor?: string | null; pushed?: PushedConversations },
    ctx: ProviderContext
  ): Promise<RepliesPage>;
  /**
   * Answers a reply or mention as the account, threaded under `inReplyTo` (a remote id that
   * `fetchReplies` gave), with the same idempotency as `publish` where the network has one. Absent:
   * the network gives no way to answer through its API.
   */
  /**
   * Where answering keeps idempotency that publishing does not (a Discord bot's nonce, a few minutes
   * where the webhook has none): how long re-sending an answer with the same key is safe.
   */
  replyIdempotencyWindowMs?: number;
  /**
   * Where the window depends on what is answered (a Bluesky post is answered with a keyed record, a
   * Bluesky direct message through a chat without keys): the window for an answer under `inReplyTo`.
   */
  replyIdempotencyWindowFor?(inReplyTo: string): number;
  /**
   * Finds an answer the account sent under `inReplyTo` since a time with this text, where the network
   * keeps no key for it: an answer whose outcome was unknown is looked up, never sent again blindly.
   */
  findAnswer?(
    query: { inReplyTo: string; since: Date; text: string },
    ctx: ProviderContext
  ): Promise<RemotePost | null>;
  reply?(
    reply: { text: string; inReplyTo: string; language?: string | null },
    idempotencyKey: string,
    ctx: ProviderContext
  ): Promise<PublishResult>;
  /**
   * Takes a reader's reply out of view on the network, where the API lets the account do it (a
   * Telegram group where the bot is an administrator deletes it). Absent: it cannot.
   */
  hide?(remoteId: string, ctx: ProviderContext): Promise<void>;
  /** Likes a reader's reply as the account. Absent: the network does not let the API do it. */
  like?(remoteId: string, ctx: ProviderContext): Promise<void>;
  /** Deletes one of our own answers (`reply`'s remote id). Absent: it cannot. */
  deleteOwn?(remoteId: string, ctx: ProviderContext): Promise<void>;
  /**
   * How the moderation inbox reads this network's replies, where it reads them incrementally (a
   * cursor or a confirmed offset, never the history again): how often an account is read, and at most
   * how many pages in one go, inside the network's own limits. Absent: nothing is collected.
   */
  inbox?: {
    pollEveryMs: number;
    pagesPerRound: number;
    /**
     * The network gives replies per post only (Facebook comments, LinkedIn comments): `fetchReplies`
     * gets in `remoteIds` the account's posts published in the last `days`, at most `limit`, oldest
     * first, the same list from one call to the next.
     */
    perPost?: { days: number; limit: number };
    /**
     * The network tells of private conversations only by push and never lists them (Discord's
     * gateway): `fetchReplies` gets in `pushed` the conversations heard so far.
     */
    pushed?: boolean;
  };
  /**
   * Listening: posts anyone wrote that match a saved search, read with the network's search through
   * this account, incrementally from `cursor` (never the history again: nothing before `since`).
   * Absent: the network's search is not used.
   */
  search?: { pollEveryMs: number; pagesPerRound: number };
  searchPosts?(query: SearchQuery, ctx: ProviderContext): Promise<SearchPage>;
  classifyError(error: unknown): ErrorVerdict;
  /** New credentials where tokens expire (Bluesky sessions, X OAuth2). */
  refresh?(ctx: ProviderContext): Promise<Credentials>;
  /**
   * Where the network lets an editor choose where a post goes (a Pinterest board, a Discourse
   * category): the places this account may publish to, read from the network.
   */
  listDestinations?(ctx: ProviderContext): Promise<Destination[]>;
  /** The development demo's account on this network (demo-accounts.ts), credentials the fake accepts. */
  demo: DemoAccountSpec;
  /**
   * The network can hold a post until a time of its own (WordPress `future`, YouTube `publishAt`):
   * an account whose `scheduleOn` setting is `network` hands such posts over at once, `minLeadMs` at
   * least before their time (nearer, the dispatcher sends them at their time as usual).
   */
  schedulesOnNetwork?: { minLeadMs: number };
  /**
   * Takes back a post the network still holds (scheduled there, not public yet): cancelled, or its
   * version voided by an edit. Absent with `schedulesOnNetwork`: not allowed.
   */
  withdraw?(remoteId: string, ctx: ProviderContext): Promise<void>;
  /**
   * What the account spent today of a budget the network counts per day (YouTube's quota units), for
   * the accounts list: from the account's ledger (`ProviderAccount.quota`) and its non-secret
   * settings. Absent: the network counts no such budget.
   */
  dailyUsage?(quota: QuotaLedger | null, settings: Record<string, string>): DailyUsage | null;
}

export type DailyUsage = { used: number; limit: number; resetsAt: string };

export type Destination = { id: string; name: string };

export type DemoAccountSpec = { name: string; language: string; credentials: Record<string, string> };

/** Raised by a provider before anything was sent (missing credentials, unsupported content). */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly verdict: ErrorVerdict['action'] = 'reject',
    /** For a retry: how long to wait, and whether the whole account waits (a publishing limit read before sending). */
    readonly wait: { waitMs?: number; rateLimited?: boolean } = {}
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}
