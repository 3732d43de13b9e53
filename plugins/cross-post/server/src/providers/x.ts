/** X (API v2): OAuth 2.0 user token that expires and refreshes; weighted 280 characters; no idempotency. */
import type { InboxNotice } from '@porte-voix/kit/contracts';
import {
  emptyTextProblem,
  headerValue,
  httpStatus,
  imageBlob,
  imageCountProblem,
  lengthValidation,
  quotaFrom,
  requireCredentials,
  responseBody,
  serverErrorVerdict,
  transportVerdict,
  waitUntilEpochSeconds,
} from './common';
import { checkBatch, count, inOrder, ok } from './metrics';
import { descend, readDescent } from './newest-first';
import {
  answerDirectMessage,
  dmsOff,
  findDirectMessageAnswer,
  dmsRefused,
  isDirectMessageId,
  readDirectMessages,
} from './x-direct-messages';
import { orQuery } from './search-query';
import { sameText, xWeightedLength } from './text';
import { ProviderError, type DeliveryMetrics, type Provider, type ProviderContext } from './types';

const MAX_WEIGHTED = 280;
/** `GET /2/tweets?ids=` takes 1 to 100 ids. */
const BATCH_SIZE = 100;
const MAX_IMAGES = 4;

function auth(ctx: ProviderContext) {
  requireCredentials(ctx.account.credentials, ['accessToken']);
  return { Authorization: `Bearer ${ctx.account.credentials.accessToken}` };
}

const tweetUrl = (id: string) => `https://x.com/i/web/status/${id}`;

/** The mentions timeline answers 5 to 100 posts a page. */
const MENTIONS_PER_PAGE = 100;

/** X ids are snowflakes as decimal strings: longer is newer, then by digits. */
const newerSnowflake = (a: string, b: string) => (a.length === b.length ? a > b : a.length > b.length);

async function userId(ctx: ProviderContext): Promise<string> {
  if (ctx.account.credentials.userId) return ctx.account.credentials.userId;
  const { data } = await ctx.http.get('/2/users/me', { headers: auth(ctx) });
  return data.data.id;
}

async function uploadImage(
  ctx: ProviderContext,
  image: Parameters<Provider['publish']>[0]['images'][number]
) {
  const bytes = await image.load();
  const { data: init } = await ctx.http.post(
    '/2/media/upload/initialize',
    { media_type: image.mimeType, total_bytes: bytes.length, media_category: 'tweet_image' },
    { headers: auth(ctx) }
  );
  const id = init.data.id;
  const form = new FormData();
  form.append('segment_index', '0');
  form.append('media', imageBlob(bytes, image.mimeType), image.filename);
  await ctx.http.post(`/2/media/upload/${id}/append`, form, { headers: auth(ctx) });
  await ctx.http.post(`/2/media/upload/${id}/finalize`, undefined, { headers: auth(ctx) });
  if (image.alt) {
    await ctx.http.post(
      '/2/media/metadata',
      { id, metadata: { alt_text: { text: image.alt } } },
      { headers: auth(ctx) }
    );
  }
  return String(id);
}

type TweetsAnswer = {
  data: Map<string, any>;
  /** Ids whose non-public metrics were refused (a field authorization error). */
  fieldRefused: Set<string>;
  /** Ids this token may not read (protected or suspended author), with X's words. */
  unavailable: Map<string, string>;
};

/** One `GET /2/tweets`: the tweets found and what X said about the others (inline errors, HTTP 200). */
async function tweetsWithMetrics(
  ctx: ProviderContext,
  ids: string[],
  nonPublic: boolean
): Promise<TweetsAnswer> {
  const { data } = await ctx.http.get('/2/tweets', {
    headers: auth(ctx),
    params: {
      ids: ids.join(','),
      'tweet.fields': nonPublic
        ? 'public_metrics,non_public_metrics,created_at'
        : 'public_metrics,created_at',
    },
  });
  const answer: TweetsAnswer = { data: new Map(), fieldRefused: new Set(), unavailable: new Map() };
  for (const tweet of (data?.data ?? []) as any[]) answer.data.set(String(tweet.id), tweet);
  for (const error of (data?.errors ?? []) as any[]) {
    const id = String(error.resource_id ?? error.value ?? '');
    const type = String(error.type ?? '');
    if (type.endsWith('/not-authorized-for-field')) answer.fieldRefused.add(id);
    else if (type.endsWith('/not-authorized-for-resource'))
      answer.unavailable.set(
        id,
        `X does not let this account read the post (${error.detail ?? error.title}).`
      );
  }
  return answer;
}

function tweetMetrics(tweet: any): DeliveryMetrics {
  const pub = tweet.public_metrics ?? {};
  const priv = tweet.non_public_metrics ?? {};
  return ok(String(tweet.id), {
    impressions: pub.impression_count ?? priv.impression_count,
    reactions: pub.like_count,
    comments: pub.reply_count,
    shares: pub.retweet_count,
    quotes: pub.quote_count,
    bookmarks: pub.bookmark_count,
    linkClicks: priv.url_link_clicks,
    profileClicks: priv.user_profile_clicks,
  });
}

/** The mentions, search and DM streams in one stored cursor. */
const STREAMS = '|';
type Phase = '' | 'search' | 'dms';
type Streams = { mentions: string; search: string; phase: Phase; dms: string };

/** The stored cursor's streams; one written before DMs has three parts (its DMs start afresh). */
export function readStreams(cursor: string | null | undefined): Streams {
  const [mentions = '', search = '', phase = '', dms = ''] = (cursor ?? '').split(STREAMS);
  return { mentions, search, phase: phase === 'search' || phase === 'dms' ? phase : '', dms };
}

export function writeStreams(streams: Streams): string {
  return [streams.mentions, streams.search, streams.phase, streams.dms].join(STREAMS);
}
/** Conversations per search query: 12 `conversation_id:` terms fit the Basic plan's 512 characters. */
const SEARCHED_CONVERSATIONS = 12;
const SEARCH_REACH_MS = 7 * 86_400_000 - 60_000;
/** After a plan without search, the search is tried again a day later (the plan may have changed). */
const SEARCH_RETRY_MS = 86_400_000;

/** X answers 403 `client-not-enrolled` (or a `client-forbidden` problem) where the plan has no such endpoint. */
function planWithoutSearch(error: unknown): boolean {
  const body = responseBody(error);
  return (
    httpStatus(error) === 403 &&
    (body?.reason === 'client-not-enrolled' || String(body?.type ?? '').endsWith('/client-forbidden'))
  );
}

/**
 * One page of a timeline or search answered newest first, read down to the mark: the first read
 * from `since`, every later one from `since_id`, `pageParam` carrying the network's page token.
 */
async function readTweets(
  ctx: ProviderContext,
  path: string,
  params: Record<string, string>,
  pageParam: 'pagination_token' | 'next_token',
  since: Date,
  cursor: string,
  /** Our own posts (our answers) are in our conversations and threads too: never inbox items. */
  exceptAuthor?: string
) {
  const descent = readDescent(cursor, '');
  const { data } = await ctx.http.get(path, {
    headers: auth(ctx),
    params: {
      ...params,
      max_results: MENTIONS_PER_PAGE,
      ...(descent.mark ? { since_id: descent.mark } : { start_time: since.toISOString() }),
      ...(descent.page && { [pageParam]: descent.page }),
      'tweet.fields': 'author_id,created_at,conversation_id,lang,referenced_tweets',
      expansions: 'author_id',
      'user.fields': 'username',
    },
  });
  const users = new Map<string, any>(
    ((data?.includes?.users ?? []) as any[]).map((user) => [String(user.id), user])
  );
  const replies = ((data?.data ?? []) as any[])
    .filter((t) => !exceptAuthor || String(t.author_id) !== exceptAuthor)
    .map((t) => {
      const username = users.get(String(t.author_id))?.username;
      return {
        remoteId: String(t.id),
        inReplyTo: t.referenced_tweets?.find((r: any) => r.type === 'replied_to')?.id ?? null,
        author: username ? `@${username}` : String(t.author_id ?? 'unknown'),
        authorUrl: username ? `https://x.com/${username}` : null,
        text: t.text ?? '',
        language: t.lang && t.lang !== 'und' ? t.lang : null,
        createdAt: t.created_at ?? new Date().toISOString(),
        url: username ? `https://x.com/${username}/status/${t.id}` : tweetUrl(t.id),
      };
    })
    .reverse();
  const next = descend(
    descent,
    {
      newest: data?.meta?.newest_id ? String(data.meta.newest_id) : null,
      next: data?.meta?.next_token ? String(data.meta.next_token) : null,
      // since_id makes X stop at the mark itself: the descent ends where its pages end.
      reachedMark: false,
    },
    newerSnowflake
  );
  return { replies, cursor: next.cursor, more: next.more };
}

/** Hiding, liking and deleting work on posts: a direct message is refused clearly, before any request. */
function notADirectMessage(remoteId: string, what: string) {
  if (isDirectMessageId(remoteId)) throw new ProviderError(`An X direct message cannot be ${what}.`);
}

const NOT_ON_PLAN =
  "X's plan for this app does not include the recent search (Free): listening cannot search X. The Basic and Pro plans include it; it is tried again a day later.";

const x: Provider = {
  network: 'x',
  displayName: 'X',
  defaultBaseUrl: 'https://api.x.com',
  selfHosted: false,
  demo: {
    name: 'X (demo)',
    language: 'en',
    credentials: { accessToken: 'demo-x-token', refreshToken: 'demo-x-refresh', clientId: 'demo-client' },
  },
  credentialFields: [
    { name: 'accessToken', secret: true, required: true },
    { name: 'refreshToken', secret: true, required: false },
    { name: 'clientId', secret: false, required: false },
    { name: 'clientSecret', secret: true, required: false },
  ],
  limits: { textLength: MAX_WEIGHTED, images: MAX_IMAGES },
  idempotencyWindowMs: 0,
  metrics: {
    batchSize: BATCH_SIZE,
    measures: [
      'impressions',
      'reactions',
      'comments',
      'shares',
      'quotes',
      'bookmarks',
      'linkClicks',
      'profileClicks',
    ],
    freshness: 'live',
    // Link and profile clicks (non-public metrics) are readable for 30 days after posting.
    windowDays: 30,
    polled: true,
  },
  // Reads have their own 15-minute window per endpoint and user.
  readsSharePublishingLimit: false,
  metricsNote:
    "Public counts at any age; link and profile clicks (non-public metrics) only for the account's own posts of the last 30 days. No reach.",

  async validate(post) {
    const validation = lengthValidation(xWeightedLength(post.text), MAX_WEIGHTED, 'X', 'weighted characters');
    validation.problems.push(...emptyTextProblem(post, 'X'), ...imageCountProblem(post, MAX_IMAGES, 'X'));
    return validation;
  },

  async publish(post, _idempotencyKey, ctx) {
    const mediaIds = [];
    for (const image of post.images) mediaIds.push(await uploadImage(ctx, image));
    const { data, headers } = await ctx.http.post(
      '/2/tweets',
      { text: post.text, ...(mediaIds.length > 0 && { media: { media_ids: mediaIds } }) },
      { headers: auth(ctx) }
    );
    return {
      remoteId: data.data.id,
      url: tweetUrl(data.data.id),
      quota: quotaFrom(headers, 'x-rate-limit-remaining', (v) => Number(v) * 1000, 'x-rate-limit-reset'),
    };
  },

  async lookup(remoteId, ctx) {
    const { data } = await ctx.http.get('/2/tweets', { headers: auth(ctx), params: { ids: remoteId } });
    const tweet = data.data?.[0];
    return tweet ? { remoteId: tweet.id, url: tweetUrl(tweet.id), text: tweet.text } : null;
  },

  async findRecent({ since, text }, ctx) {
    const id = await userId(ctx);
    const { data } = await ctx.http.get(`/2/users/${id}/tweets`, {
      headers: auth(ctx),
      params: { start_time: new Date(since.getTime() - 60_000).toISOString(), max_results: 100 },
    });
    const match = (data.data ?? []).find((t: any) => sameText(t.text, text));
    return match ? { remoteId: match.id, url: tweetUrl(match.id), text: match.text } : null;
  },

  async fetchMetrics(remoteIds, ctx) {
    checkBatch(remoteIds, BATCH_SIZE, 'X');
    const found = new Map<string, DeliveryMetrics>();
    const first = await tweetsWithMetrics(ctx, remoteIds, true);
    // Non-public metrics are refused (a field error, no data) past 30 days: those are read again without them.
    const publicOnly = remoteIds.filter((id) => !first.data.has(id) && first.fieldRefused.has(id));
    const second = publicOnly.length > 0 ? await tweetsWithMetrics(ctx, publicOnly, false) : undefined;
    for (const answer of [first, second]) {
      if (!answer) continue;
      for (const [id, tweet] of answer.data) found.set(id, tweetMetrics(tweet));
      for (const [id, reason] of answer.unavailable) {
        if (!found.has(id)) found.set(id, { remoteId: id, state: 'unavailable', reason });
      }
    }
    // The rest were answered "Could not find tweet": deleted.
    return inOrder(remoteIds, found);
  },

  async fetchAccountMetrics(ctx) {
    const { data } = await ctx.http.get('/2/users/me', {
      headers: auth(ctx),
      params: { 'user.fields': 'public_metrics' },
    });
    return { followers: count(data?.data?.public_metrics?.followers_count) };
  },

  // The mentions timeline allows 10 reads per 15 minutes per user on the Basic plan (180 on Pro), the
  // recent search 60: at most 3 pages every 5 minutes stays inside the smallest paid window. The
  // search looks at the conversations of our posts of the last 7 days (its reach), 12 per query (its
  // 512 characters).
  inbox: { pollEveryMs: 5 * 60_000, pagesPerRound: 3, perPost: { days: 7, limit: SEARCHED_CONVERSATIONS } },
  // The recent search allows 60 requests per 15 minutes per user on Basic; the inbox shares them.
  search: { pollEveryMs: 15 * 60_000, pagesPerRound: 3 },

  /**
   * Listening: the recent search (`/2/tweets/search/recent`, the last 7 days, 100 a page), newest
   * first from `since_id` (the newest post kept) down with `next_token`; retweets left out. On a
   * plan without the search (403 `client-not-enrolled`), it says so and the cursor stays.
   */
  async searchPosts({ terms, exclusions, languages, since, cursor }, ctx) {
    const langs = languages.map((l) => `lang:${l}`);
    const query = [
      orQuery(terms, exclusions),
      langs.length > 1 ? `(${langs.join(' OR ')})` : langs[0],
      '-is:retweet',
    ].join(' ');
    // The search refuses a start_time older than 7 days.
    const floor = new Date(Math.max(since.getTime(), Date.now() - 7 * 86_400_000 + 60_000));
    try {
      const page = await readTweets(
        ctx,
        '/2/tweets/search/recent',
        { query },
        'next_token',
        floor,
        cursor ?? ''
      );
      return { posts: page.replies, cursor: page.cursor, more: page.more };
    } catch (error) {
      if (!planWithoutSearch(error)) throw error;
      return { posts: [], cursor, more: false, notAvailable: NOT_ON_PLAN };
    }
  },

  /**
   * Mentions (replies to our posts mention us) from the mentions timeline, then the replies in our
   * posts' conversations that do not mention us from the recent search, where the app's plan has it
   * (not on the Free plan: the source then says so, and the search is tried again a day later), then
   * the account's direct messages (x-direct-messages.ts; without `dm.read` the source says so, and
   * they are tried again a day later). Each is read newest first, 100 a page, down to the newest kept
   * (newest-first.ts); the first read starts at `since`. The cursor holds the three streams and which
   * one a round is reading: `mentions|search|phase|dms` (a cursor from before DMs has no fourth part:
   * DMs are then read from `since`).
   */
  async fetchReplies({ since, remoteIds, cursor }, ctx) {
    const me = await userId(ctx);
    const streams = readStreams(cursor);
    const { mentions: mentionsCursor, search: searchCursor, dms: dmCursor } = streams;
    const searchOff =
      /^off\d+$/.test(searchCursor) && Date.now() - Number(searchCursor.slice(3)) < SEARCH_RETRY_MS;
    const withoutDms = dmsOff(dmCursor);
    const searching = streams.phase === 'search' && remoteIds.length > 0 && !searchOff;
    const readingDms = streams.phase === 'dms' && !withoutDms;
    const join = (next: Partial<Streams>) => writeStreams({ ...streams, ...next });
    // The stream a round goes on with once one is read down ('': the round is over).
    const after = (done: 'mentions' | 'search'): Phase =>
      done === 'mentions' && remoteIds.length > 0 && !searchOff ? 'search' : withoutDms ? '' : 'dms';
    const notices = (search: boolean, dms: boolean): InboxNotice[] => [
      ...(search ? (['x.searchUnavailable'] as const) : []),
      ...(dms ? (['x.messagesUnavailable'] as const) : []),
    ];

    if (readingDms) {
      try {
        const page = await readDirectMessages(ctx, auth(ctx), me, since, dmCursor);
        // Read down, the round goes on from the mentions with the pages it has left.
        return {
          replies: page.replies,
          cursor: join({ dms: page.cursor, phase: page.more ? 'dms' : '' }),
          more: true,
          notices: notices(searchOff, false),
        };
      } catch (error) {
        if (!dmsRefused(error)) throw error;
        return {
          replies: [],
          cursor: join({ dms: `off${Date.now()}`, phase: '' }),
          more: true,
          notices: notices(searchOff, true),
        };
      }
    }
    const said = notices(searchOff, withoutDms);
    if (!searching) {
      const page = await readTweets(
        ctx,
        `/2/users/${me}/mentions`,
        {},
        'pagination_token',
        since,
        mentionsCursor,
        me
      );
      // Once the mentions are read down, the same round goes on with the search, then the DMs.
      const next = page.more ? '' : after('mentions');
      return {
        replies: page.replies,
        cursor: join({ mentions: page.cursor, phase: next }),
        more: page.more || next !== '',
        notices: said,
      };
    }
    const conversations = remoteIds
      .slice(-SEARCHED_CONVERSATIONS)
      .map((id) => `conversation_id:${id}`)
      .join(' OR ');
    try {
      const page = await readTweets(
        ctx,
        '/2/tweets/search/recent',
        { query: `(${conversations}) is:reply` },
        'next_token',
        // The recent search reaches 7 days back, and refuses a start before that.
        new Date(Math.max(since.getTime(), Date.now() - SEARCH_REACH_MS)),
        searchCursor.startsWith('off') ? '' : searchCursor,
        me
      );
      const next = page.more ? 'search' : after('search');
      return {
        replies: page.replies,
        cursor: join({ search: page.cursor, phase: next }),
        more: next !== '',
        notices: said,
      };
    } catch (error) {
      if (!planWithoutSearch(error)) throw error;
      const next = after('search');
      return {
        replies: [],
        cursor: join({ search: `off${Date.now()}`, phase: next }),
        more: next !== '',
        notices: notices(true, withoutDms),
      };
    }
  },

  /**
   * A post in reply to the reader's; a direct message is answered in its conversation, privately
   * (x-direct-messages.ts). X has no idempotency key: an unknown outcome is never re-sent; a DM's is
   * looked up in its conversation (`findAnswer`).
   */
  async findAnswer(query, ctx) {
    return isDirectMessageId(query.inReplyTo)
      ? findDirectMessageAnswer(ctx, auth(ctx), await userId(ctx), query)
      : null;
  },

  async reply({ text, inReplyTo }, _idempotencyKey, ctx) {
    if (isDirectMessageId(inReplyTo)) return answerDirectMessage(ctx, auth(ctx), { text, inReplyTo });
    const { data } = await ctx.http.post(
      '/2/tweets',
      { text, reply: { in_reply_to_tweet_id: inReplyTo } },
      { headers: auth(ctx) }
    );
    return { remoteId: String(data.data.id), url: tweetUrl(String(data.data.id)) };
  },

  /** Hide a reply in a conversation our post started (X lets the conversation's author do it). */
  async hide(remoteId, ctx) {
    notADirectMessage(remoteId, 'hidden: only the account sees it');
    await ctx.http.put(
      `/2/tweets/${encodeURIComponent(remoteId)}/hidden`,
      { hidden: true },
      { headers: auth(ctx) }
    );
  },

  async like(remoteId, ctx) {
    notADirectMessage(remoteId, 'liked through the API');
    const id = await userId(ctx);
    await ctx.http.post(`/2/users/${id}/likes`, { tweet_id: remoteId }, { headers: auth(ctx) });
  },

  async deleteOwn(remoteId, ctx) {
    notADirectMessage(remoteId, 'deleted through the API');
    await ctx.http.delete(`/2/tweets/${encodeURIComponent(remoteId)}`, { headers: auth(ctx) });
  },

  classifyError(error) {
    const transport = transportVerdict(error);
    if (transport) return transport;
    const status = httpStatus(error);
    const body = responseBody(error);
    const detail =
      body.detail ?? body.errors?.[0]?.message ?? body.error_description ?? body.title ?? 'no detail';
    if (status === 429) {
      // The 24-hour caps can be what is exhausted even when the 15-minute window is not.
      const waits = ['x-rate-limit-reset', 'x-user-limit-24hour-reset', 'x-app-limit-24hour-reset'].flatMap(
        (h) => {
          const remaining = headerValue(error, h.replace('reset', 'remaining'));
          const wait = waitUntilEpochSeconds(headerValue(error, h));
          return wait !== undefined && (h === 'x-rate-limit-reset' || remaining === '0') ? [wait] : [];
        }
      );
      return {
        action: 'retry',
        rateLimited: true,
        waitMs: waits.length > 0 ? Math.max(...waits) : undefined,
        reason: 'X rate limit reached; waiting for its reset time.',
      };
    }
    if (status === undefined)
      return { action: 'unknown', reason: String((error as Error)?.message ?? error) };
    const server = serverErrorVerdict(status, 'X');
    if (server) return server;
    if (status === 401) return { action: 'refresh', reason: 'X access token expired or revoked.' };
    if (status === 403 && /duplicate/i.test(detail)) {
      return {
        action: 'reject',
        reason:
          'X refused a duplicate of a recent post: change the text, or check the account before retrying.',
      };
    }
    return { action: 'reject', reason: `X rejected the post: ${detail}.` };
  },

  async refresh(ctx) {
    const { refreshToken, clientId, clientSecret } = ctx.account.credentials;
    requireCredentials(ctx.account.credentials, ['refreshToken', 'clientId']);
    const { data } = await ctx.http.post(
      '/2/oauth2/token',
      new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken!,
        client_id: clientId!,
      }).toString(),
      {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        ...(clientSecret && { auth: { username: clientId!, password: clientSecret } }),
      }
    );
    return {
      ...ctx.account.credentials,
      accessToken: data.access_token,
      refreshToken: data.refresh_token ?? refreshToken,
    };
  },
};

export default x;
