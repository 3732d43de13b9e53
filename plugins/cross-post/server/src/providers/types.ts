/**
 * The provider contract: one file per network behind this interface. Adding a network means one
 * file here (registered in ./index.ts) and one fake under tests/fakes/, nothing else.
 */
import type { AxiosInstance } from 'axios';

export const NETWORKS = ['mastodon', 'bluesky', 'x', 'facebook', 'linkedin', 'discord', 'telegram'] as const;
export type NetworkId = (typeof NETWORKS)[number];

export type Credentials = Record<string, string | undefined>;

/** What a provider knows of an account: decrypted credentials never leave the server. */
export type ProviderAccount = {
  id: number;
  network: NetworkId;
  baseUrl: string;
  credentials: Credentials;
  language?: string | null;
};

export type OutgoingImage = {
  filename: string;
  mimeType: string;
  alt: string;
  /** Size in bytes when known (validated before anything is sent). */
  size?: number;
  /** Absolute public URL, for networks that fetch media themselves (Facebook). */
  publicUrl?: string;
  load(): Promise<Buffer>;
};

/** The text already composed for one account (language, variant, hashtags, link with UTM). */
export type OutgoingPost = {
  text: string;
  link?: string | null;
  images: OutgoingImage[];
  language?: string | null;
  /** When the first publication attempt started: deterministic across retries. */
  createdAt: Date;
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
};

export type RemotePost = { remoteId: string; url: string | null; text?: string; createdAt?: string };

export type PostMetrics = {
  remoteId: string;
  impressions?: number;
  reactions?: number;
  comments?: number;
  shares?: number;
  clicks?: number;
  quotes?: number;
  bookmarks?: number;
};

export type RemoteReply = {
  remoteId: string;
  inReplyTo?: string | null;
  author: string;
  text: string;
  createdAt: string;
  url?: string | null;
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
  | { action: 'reject'; reason: string }
  | { action: 'unknown'; reason: string };

export type CredentialField = { name: string; secret: boolean; required: boolean };

export type ProviderContext = { account: ProviderAccount; http: AxiosInstance };

export interface Provider {
  network: NetworkId;
  displayName: string;
  defaultBaseUrl: string;
  /** Fields an editor fills in when connecting an account. */
  credentialFields: CredentialField[];
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
  findRecent?(query: { since: Date; text: string }, ctx: ProviderContext): Promise<RemotePost | null>;
  fetchMetrics(remoteIds: string[], ctx: ProviderContext): Promise<PostMetrics[]>;
  fetchReplies(query: { since: Date; remoteIds: string[] }, ctx: ProviderContext): Promise<RemoteReply[]>;
  classifyError(error: unknown): ErrorVerdict;
  /** New credentials where tokens expire (Bluesky sessions, X OAuth2). */
  refresh?(ctx: ProviderContext): Promise<Credentials>;
}

/** Raised by a provider before anything was sent (missing credentials, unsupported content). */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly verdict: ErrorVerdict['action'] = 'reject'
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}
