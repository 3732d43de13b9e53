/** Types and URLs of the cross-post admin API, shared by the settings page, the side panel and the calendar. */
export const NETWORKS = ['mastodon', 'bluesky', 'x', 'facebook', 'linkedin', 'discord', 'telegram'] as const;
export type Network = (typeof NETWORKS)[number];

/** What an editor types when connecting an account (mirrors each provider's credentialFields). */
export const CREDENTIAL_FIELDS: Record<Network, { name: string; secret: boolean }[]> = {
  mastodon: [{ name: 'accessToken', secret: true }],
  bluesky: [
    { name: 'identifier', secret: false },
    { name: 'appPassword', secret: true },
  ],
  x: [
    { name: 'accessToken', secret: true },
    { name: 'refreshToken', secret: true },
    { name: 'clientId', secret: false },
    { name: 'clientSecret', secret: true },
  ],
  facebook: [
    { name: 'pageId', secret: false },
    { name: 'pageAccessToken', secret: true },
  ],
  linkedin: [
    { name: 'accessToken', secret: true },
    { name: 'author', secret: false },
  ],
  discord: [
    { name: 'webhookId', secret: false },
    { name: 'webhookToken', secret: true },
  ],
  telegram: [
    { name: 'botToken', secret: true },
    { name: 'chatId', secret: false },
  ],
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
};

export type DeliveryStatus =
  'scheduled' | 'publishing' | 'published' | 'retrying' | 'failed' | 'unconfirmed' | 'cancelled';

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
  nextAttemptAt: string | null;
  publishedAt: string | null;
  url: string | null;
  failureReason: string | null;
  attempts?: Attempt[];
};

export type Preview = {
  accountId: number;
  network: Network;
  locale: string;
  text: string;
  length: number;
  limit: number;
  problems: { code: string; message: string }[];
};

export const STATUS_COLORS: Record<DeliveryStatus, { text: string; background: string }> = {
  scheduled: { text: 'primary600', background: 'primary100' },
  publishing: { text: 'secondary600', background: 'secondary100' },
  published: { text: 'success600', background: 'success100' },
  retrying: { text: 'warning600', background: 'warning100' },
  failed: { text: 'danger600', background: 'danger100' },
  unconfirmed: { text: 'warning700', background: 'warning100' },
  cancelled: { text: 'neutral600', background: 'neutral150' },
};

/** The server's error message (a 4xx says what to do), else the transport's. */
export function errorMessage(error: any): string {
  return error?.response?.data?.error?.message ?? error?.message ?? String(error);
}
