/** Bluesky / AT Protocol: XRPC on the account's PDS; sessions refresh; putRecord with a fixed rkey is idempotent. */
import { tidFromKey } from '../utils/tid';
import { answerInChat, findChatAnswer, isChatMessage, readChat } from './bluesky-chat';
import {
  emptyTextProblem,
  headerValue,
  httpStatus,
  imageCountProblem,
  lengthValidation,
  quotaFrom,
  requireCredentials,
  responseBody,
  serverErrorVerdict,
  transportVerdict,
  waitSeconds,
  waitUntilEpochSeconds,
} from './common';
import { checkBatch, count, inOrder, ok } from './metrics';
import { descend, readDescent } from './newest-first';
import { orQuery } from './search-query';
import { countGraphemes, findUrls, sameText, utf8Length } from './text';
import { ProviderError, type Provider, type ProviderContext } from './types';

const MAX_GRAPHEMES = 300;
const MAX_IMAGES = 4;
const MAX_BYTES = 3000;
const MAX_IMAGE_BYTES = 2_000_000;
const POST = 'app.bsky.feed.post';
const THREADGATE = 'app.bsky.feed.threadgate';
/** A threadgate hides at most 300 replies. */
const MAX_HIDDEN_REPLIES = 300;
/** `app.bsky.feed.getPosts` takes at most 25 URIs. */
const BATCH_SIZE = 25;
/** `listNotifications` answers 50 by default, 100 at most. */
const NOTIFICATIONS_PER_PAGE = 100;
/** searchPosts' largest page. */
const SEARCH_PER_PAGE = 100;

function session(ctx: ProviderContext) {
  const { accessJwt, did } = ctx.account.credentials;
  if (!accessJwt || !did) throw new ProviderError('No Bluesky session yet.', 'refresh');
  return { headers: { Authorization: `Bearer ${accessJwt}` }, did };
}

/** Link and hashtag facets, with the UTF-8 byte offsets the lexicon asks for. */
function facetsOf(text: string) {
  const byteOffset = (index: number) => utf8Length(text.slice(0, index));
  const facets: any[] = findUrls(text).map(({ url, start, end }) => ({
    index: { byteStart: byteOffset(start), byteEnd: byteOffset(end) },
    features: [{ $type: 'app.bsky.richtext.facet#link', uri: url }],
  }));
  for (const match of text.matchAll(/(^|\s)#([\p{L}\p{N}_]{1,64})/gu)) {
    const start = match.index! + match[1].length;
    facets.push({
      index: { byteStart: byteOffset(start), byteEnd: byteOffset(start + match[2].length + 1) },
      features: [{ $type: 'app.bsky.richtext.facet#tag', tag: match[2] }],
    });
  }
  return facets;
}

/**
 * The account's stored cursor holds two: the notifications' descent, then the chat log's after a
 * `|` (neither ever holds one). A cursor stored before the chat was read has no chat part.
 */
const CHAT_SEPARATOR = '|';

function splitCursor(cursor: string | null | undefined) {
  const cut = cursor ? cursor.indexOf(CHAT_SEPARATOR) : -1;
  return cut < 0
    ? { notifications: cursor ?? null, chat: null }
    : { notifications: cursor!.slice(0, cut) || null, chat: cursor!.slice(cut + 1) || null };
}

function webUrl(handle: string | undefined, did: string, uri: string): string {
  return `https://bsky.app/profile/${handle || did}/post/${uri.split('/').pop()}`;
}

/** One page of replies and mentions from the notifications, down to the mark (see `fetchReplies`). */
async function readNotifications(since: Date, cursor: string | null, ctx: ProviderContext) {
  const { headers } = session(ctx);
  const descent = readDescent(cursor, String(since.getTime()));
  const mark = Number(descent.mark);
  const query = new URLSearchParams({ limit: String(NOTIFICATIONS_PER_PAGE) });
  ['reply', 'mention'].forEach((reason) => query.append('reasons', reason));
  if (descent.page) query.set('cursor', descent.page);
  const { data } = await ctx.http.get(`/xrpc/app.bsky.notification.listNotifications?${query}`, {
    headers,
  });
  const notifications = (Array.isArray(data?.notifications) ? data.notifications : []) as any[];
  const indexedAt = (n: any) => Date.parse(n.indexedAt) || 0;
  const fresh = notifications.filter((n) => indexedAt(n) > mark);
  const replies = fresh
    .filter((n) => n.reason === 'reply' || n.reason === 'mention')
    .map((n) => {
      const handle = n.author?.handle ?? n.author?.did ?? 'unknown';
      return {
        remoteId: String(n.uri),
        inReplyTo: n.record?.reply?.parent?.uri ?? null,
        author: handle,
        authorUrl: `https://bsky.app/profile/${handle}`,
        text: n.record?.text ?? '',
        language: n.record?.langs?.[0] ?? null,
        createdAt: n.record?.createdAt ?? n.indexedAt,
        url: webUrl(n.author?.handle, n.author?.did ?? '', String(n.uri)),
      };
    })
    .reverse();
  const newest = notifications.reduce<number | null>((top, n) => Math.max(top ?? 0, indexedAt(n)), null);
  return {
    replies,
    ...descend(
      descent,
      {
        newest: newest === null ? null : String(newest),
        next: data?.cursor ? String(data.cursor) : null,
        reachedMark: fresh.length < notifications.length || notifications.length === 0,
      },
      (a, b) => Number(a) > Number(b)
    ),
  };
}

/** A post answering the reader's post in its thread (see `reply`). */
async function replyInThread(
  { text, inReplyTo, language }: { text: string; inReplyTo: string; language?: string | null },
  idempotencyKey: string,
  ctx: ProviderContext
) {
  const { headers, did } = session(ctx);
  const { data } = await ctx.http.get('/xrpc/app.bsky.feed.getPosts', {
    headers,
    params: { uris: inReplyTo },
  });
  const parentPost = data?.posts?.[0];
  if (!parentPost?.cid) throw new ProviderError('The post to answer no longer exists on Bluesky.');
  const parent = { uri: String(parentPost.uri), cid: String(parentPost.cid) };
  const root = parentPost.record?.reply?.root?.cid ? parentPost.record.reply.root : parent;
  const facets = facetsOf(text);
  const { data: written } = await ctx.http.post(
    '/xrpc/com.atproto.repo.putRecord',
    {
      repo: did,
      collection: POST,
      rkey: tidFromKey(idempotencyKey),
      validate: true,
      record: {
        $type: POST,
        text,
        createdAt: new Date().toISOString(),
        reply: { root: { uri: root.uri, cid: root.cid }, parent },
        ...(language && { langs: [language] }),
        ...(facets.length > 0 && { facets }),
      },
    },
    { headers }
  );
  return { remoteId: written.uri, url: webUrl(ctx.account.credentials.handle, did, written.uri) };
}

const bluesky: Provider = {
  network: 'bluesky',
  displayName: 'Bluesky',
  defaultBaseUrl: 'https://bsky.social',
  selfHosted: true,
  demo: {
    name: 'Bluesky (demo)',
    language: 'en',
    credentials: { identifier: 'porte-voix.demo', appPassword: 'demo-app-password' },
  },
  credentialFields: [
    { name: 'identifier', secret: false, required: true },
    { name: 'appPassword', secret: true, required: true },
  ],
  limits: { textLength: MAX_GRAPHEMES, images: MAX_IMAGES },
  idempotencyWindowMs: Number.POSITIVE_INFINITY,
  metrics: {
    batchSize: BATCH_SIZE,
    measures: ['reactions', 'comments', 'shares', 'quotes', 'bookmarks'],
    freshness: 'live',
    polled: true,
  },
  // Reads and repo writes are limited separately (per IP, and per DID in points).
  readsSharePublishingLimit: false,
  metricsNote: 'Likes, reposts, replies, quotes and bookmarks. Bluesky does not count views.',

  async validate(post) {
    const validation = lengthValidation(countGraphemes(post.text), MAX_GRAPHEMES, 'Bluesky', 'graphemes');
    if (utf8Length(post.text) > MAX_BYTES) {
      validation.problems.push({
        code: 'too_many_bytes',
        message: `Bluesky allows ${MAX_BYTES} bytes of text.`,
      });
    }
    validation.problems.push(
      ...emptyTextProblem(post, 'Bluesky'),
      ...imageCountProblem(post, MAX_IMAGES, 'Bluesky')
    );
    for (const image of post.images) {
      if (image.size && image.size > MAX_IMAGE_BYTES) {
        validation.problems.push({
          code: 'image_too_large',
          message: `Bluesky takes images up to 2 MB; ${image.filename} is ${(image.size / 1e6).toFixed(1)} MB.`,
        });
      }
    }
    return validation;
  },

  async publish(post, idempotencyKey, ctx) {
    const { headers, did } = session(ctx);
    let embed: any;
    if (post.images.length > 0) {
      const images = [];
      for (const image of post.images) {
        const { data } = await ctx.http.post('/xrpc/com.atproto.repo.uploadBlob', await image.load(), {
          headers: { ...headers, 'Content-Type': image.mimeType },
        });
        images.push({ image: data.blob, alt: image.alt ?? '' });
      }
      embed = { $type: 'app.bsky.embed.images', images };
    } else if (post.link) {
      embed = {
        $type: 'app.bsky.embed.external',
        external: { uri: post.link, title: post.link, description: '' },
      };
    }
    const facets = facetsOf(post.text);
    const rkey = tidFromKey(idempotencyKey);
    const { data, headers: answer } = await ctx.http.post(
      '/xrpc/com.atproto.repo.putRecord',
      {
        repo: did,
        collection: POST,
        rkey,
        validate: true,
        record: {
          $type: POST,
          text: post.text,
          createdAt: post.createdAt.toISOString(),
          ...(post.language && { langs: [post.language] }),
          ...(facets.length > 0 && { facets }),
          ...(embed && { embed }),
        },
      },
      { headers }
    );
    return {
      remoteId: data.uri,
      url: webUrl(ctx.account.credentials.handle, did, data.uri),
      quota: quotaFrom(answer, 'RateLimit-Remaining', (v) => Number(v) * 1000, 'RateLimit-Reset'),
    };
  },

  async lookup(remoteId, ctx) {
    const { headers, did } = session(ctx);
    const { data } = await ctx.http.get('/xrpc/app.bsky.feed.getPosts', {
      headers,
      params: { uris: remoteId },
    });
    const found = data.posts?.[0];
    return found
      ? { remoteId: found.uri, url: webUrl(found.author?.handle, did, found.uri), text: found.record?.text }
      : null;
  },

  async findRecent({ since, text }, ctx) {
    const { headers, did } = session(ctx);
    const { data } = await ctx.http.get('/xrpc/com.atproto.repo.listRecords', {
      headers,
      params: { repo: did, collection: POST, limit: 50 },
    });
    const match = (data.records as any[]).find(
      (r) => Date.parse(r.value?.createdAt) >= since.getTime() - 60_000 && sameText(r.value?.text, text)
    );
    return match
      ? {
          remoteId: match.uri,
          url: webUrl(ctx.account.credentials.handle, did, match.uri),
          text: match.value.text,
        }
      : null;
  },

  async fetchMetrics(remoteIds, ctx) {
    checkBatch(remoteIds, BATCH_SIZE, 'Bluesky');
    const { headers } = session(ctx);
    const query = new URLSearchParams();
    remoteIds.forEach((uri) => query.append('uris', uri));
    const { data } = await ctx.http.get(`/xrpc/app.bsky.feed.getPosts?${query}`, { headers });
    const found = new Map(
      ((data?.posts ?? []) as any[]).map((p) => [
        String(p.uri),
        ok(String(p.uri), {
          reactions: p.likeCount,
          comments: p.replyCount,
          shares: p.repostCount,
          quotes: p.quoteCount,
          bookmarks: p.bookmarkCount,
        }),
      ])
    );
    // getPosts leaves out posts that were deleted.
    return inOrder(remoteIds, found);
  },

  async fetchAccountMetrics(ctx) {
    const { headers, did } = session(ctx);
    const { data } = await ctx.http.get('/xrpc/app.bsky.actor.getProfile', {
      headers,
      params: { actor: did },
    });
    return { followers: count(data?.followersCount) };
  },

  // The AppView allows 3,000 reads per 5 minutes per address: a read a minute, a few pages to catch up.
  inbox: { pollEveryMs: 60_000, pagesPerRound: 5 },
  search: { pollEveryMs: 5 * 60_000, pagesPerRound: 5 },

  /**
   * Listening: `app.bsky.feed.searchPosts`, newest first (`sort=latest`), 100 a page, from the mark
   * (the newest post kept, as a time: `since` is inclusive) down with the search's `cursor`; one
   * language is asked of the network, two are both kept.
   */
  async searchPosts({ terms, exclusions, languages, since, cursor }, ctx) {
    const { headers } = session(ctx);
    const descent = readDescent(cursor, String(since.getTime()));
    const mark = Number(descent.mark);
    const query = new URLSearchParams({
      q: orQuery(terms, exclusions),
      sort: 'latest',
      limit: String(SEARCH_PER_PAGE),
      since: new Date(mark).toISOString(),
    });
    if (languages.length === 1) query.set('lang', languages[0]);
    if (descent.page) query.set('cursor', descent.page);
    const { data } = await ctx.http.get(`/xrpc/app.bsky.feed.searchPosts?${query}`, { headers });
    const posts = (Array.isArray(data?.posts) ? data.posts : []) as any[];
    const indexedAt = (p: any) => Date.parse(p.indexedAt) || 0;
    const fresh = posts.filter((p) => indexedAt(p) > mark);
    const newest = posts.reduce<number | null>((top, p) => Math.max(top ?? 0, indexedAt(p)), null);
    return {
      posts: fresh
        .map((p) => {
          const handle = p.author?.handle ?? p.author?.did ?? 'unknown';
          return {
            remoteId: String(p.uri),
            inReplyTo: p.record?.reply?.parent?.uri ?? null,
            author: handle,
            authorUrl: `https://bsky.app/profile/${handle}`,
            text: p.record?.text ?? '',
            language: p.record?.langs?.[0] ?? null,
            createdAt: p.record?.createdAt ?? p.indexedAt,
            url: webUrl(p.author?.handle, p.author?.did ?? '', String(p.uri)),
          };
        })
        .reverse(),
      ...descend(
        descent,
        {
          newest: newest === null ? null : String(newest),
          next: data?.cursor ? String(data.cursor) : null,
          reachedMark: fresh.length < posts.length || posts.length === 0,
        },
        (a, b) => Number(a) > Number(b)
      ),
    };
  },

  /**
   * Replies and mentions from `listNotifications` (newest first, 100 a page, a `cursor` down), read
   * from the top down to the last one kept (newest-first.ts); nothing older than `since` is read.
   * Then the direct messages that came since the last read of the chat log (bluesky-chat.ts).
   */
  async fetchReplies({ since, cursor }, ctx) {
    const stored = splitCursor(cursor);
    const notifications = await readNotifications(since, stored.notifications, ctx);
    const chat = await readChat(stored.chat, session(ctx), ctx);
    return {
      replies: [...notifications.replies, ...chat.messages],
      cursor: `${notifications.cursor}${CHAT_SEPARATOR}${chat.cursor ?? ''}`,
      more: notifications.more || chat.more,
      notices: chat.notice ? [chat.notice] : [],
    };
  },

  /**
   * A post in the reply thread: its parent is the reader's post, its root the thread's first post (read
   * from the parent), and its record key comes from the idempotency key, so sending it again after an
   * unknown outcome rewrites the same post rather than adding a second one. A direct message is
   * answered in its conversation (which has no idempotency: `replyIdempotencyWindowFor`).
   */
  async reply({ text, inReplyTo, language }, idempotencyKey, ctx) {
    if (isChatMessage(inReplyTo)) return answerInChat(text, inReplyTo, session(ctx), ctx);
    return replyInThread({ text, inReplyTo, language }, idempotencyKey, ctx);
  },

  replyIdempotencyWindowFor: (inReplyTo) => (isChatMessage(inReplyTo) ? 0 : Number.POSITIVE_INFINITY),

  async findAnswer(query, ctx) {
    return isChatMessage(query.inReplyTo) ? findChatAnswer(query, session(ctx), ctx) : null;
  },

  /** A like record in our repository, pointing at the reader's post (its URI and CID). */
  async like(remoteId, ctx) {
    if (isChatMessage(remoteId))
      throw new ProviderError('Liking is for posts: a Bluesky direct message cannot be liked from here.');
    const { headers, did } = session(ctx);
    const { data } = await ctx.http.get('/xrpc/app.bsky.feed.getPosts', {
      headers,
      params: { uris: remoteId },
    });
    const subject = data?.posts?.[0];
    if (!subject?.cid) throw new ProviderError('The post to like no longer exists on Bluesky.');
    await ctx.http.post(
      '/xrpc/com.atproto.repo.createRecord',
      {
        repo: did,
        collection: 'app.bsky.feed.like',
        record: {
          $type: 'app.bsky.feed.like',
          subject: { uri: String(subject.uri), cid: String(subject.cid) },
          createdAt: new Date().toISOString(),
        },
      },
      { headers }
    );
  },

  /**
   * Hides a reply in a thread our post started: the thread's gate (`app.bsky.feed.threadgate`, keyed
   * like the post) lists it in `hiddenReplies`, which Bluesky's apps fold away. Its other rules (who
   * may reply) are kept as they were.
   */
  async hide(remoteId, ctx) {
    if (isChatMessage(remoteId))
      throw new ProviderError(
        'A Bluesky direct message is seen by the account only: there is nothing to hide.'
      );
    const { headers, did } = session(ctx);
    const { data } = await ctx.http.get('/xrpc/app.bsky.feed.getPosts', {
      headers,
      params: { uris: remoteId },
    });
    const rootUri: string | undefined = data?.posts?.[0]?.record?.reply?.root?.uri;
    const [, , rootRepo, rootCollection, rkey] = (rootUri ?? '').split('/');
    if (!rootUri || rootRepo !== did || rootCollection !== POST || !rkey)
      throw new ProviderError('Bluesky lets an account hide replies only in a thread its own post started.');
    const existing = await ctx.http.get('/xrpc/com.atproto.repo.getRecord', {
      headers,
      params: { repo: did, collection: THREADGATE, rkey },
      // No gate yet: the PDS answers 400 RecordNotFound.
      validateStatus: (status) => status < 300 || status === 400,
    });
    const gate =
      existing.status < 300 && existing.data?.value
        ? existing.data.value
        : { $type: THREADGATE, post: rootUri, createdAt: new Date().toISOString() };
    const hiddenReplies = [...new Set([...(gate.hiddenReplies ?? []), remoteId])].slice(-MAX_HIDDEN_REPLIES);
    await ctx.http.post(
      '/xrpc/com.atproto.repo.putRecord',
      { repo: did, collection: THREADGATE, rkey, record: { ...gate, hiddenReplies } },
      { headers }
    );
  },

  /** deleteRecord: only in our own repository, so only our answers. */
  async deleteOwn(remoteId, ctx) {
    if (isChatMessage(remoteId))
      throw new ProviderError(
        'Bluesky deletes a direct message for the sender only: the reader would keep it, so it is not deleted.'
      );
    const { headers, did } = session(ctx);
    const [, , repo, collection, rkey] = remoteId.split('/');
    if (repo !== did || collection !== POST || !rkey)
      throw new ProviderError(`Not one of this account's Bluesky posts: ${remoteId}.`);
    await ctx.http.post('/xrpc/com.atproto.repo.deleteRecord', { repo: did, collection, rkey }, { headers });
  },

  classifyError(error) {
    const transport = transportVerdict(error);
    if (transport) return transport;
    const status = httpStatus(error);
    const body = responseBody(error);
    if (status === 400 && (body.error === 'ExpiredToken' || body.error === 'InvalidToken')) {
      return {
        action: 'refresh',
        reason: `Bluesky session ${body.error === 'ExpiredToken' ? 'expired' : 'invalid'}.`,
      };
    }
    if (status === 401 && body.error === 'AuthMissing')
      return { action: 'refresh', reason: 'No Bluesky session.' };
    if (status === 429) {
      return {
        action: 'retry',
        rateLimited: true,
        waitMs:
          waitSeconds(headerValue(error, 'Retry-After')) ??
          waitUntilEpochSeconds(headerValue(error, 'RateLimit-Reset')),
        reason: 'Bluesky rate limit reached; waiting for its reset time.',
      };
    }
    if (status === undefined)
      return { action: 'unknown', reason: String((error as Error)?.message ?? error) };
    const server = serverErrorVerdict(status, 'Bluesky');
    if (server) return server;
    if (status === 401) {
      return {
        action: 'reject',
        credentials: true,
        reason: `Bluesky refused the login (${body.message ?? body.error}): check the handle and app password.`,
      };
    }
    return {
      action: 'reject',
      reason: `Bluesky rejected the post: ${body.message ?? body.error ?? status}.`,
    };
  },

  async refresh(ctx) {
    const { identifier, appPassword, refreshJwt } = ctx.account.credentials;
    if (refreshJwt) {
      try {
        const { data } = await ctx.http.post('/xrpc/com.atproto.server.refreshSession', undefined, {
          headers: { Authorization: `Bearer ${refreshJwt}` },
        });
        return { ...ctx.account.credentials, ...sessionCredentials(data) };
      } catch (error) {
        // A revoked or expired refresh token: log in again with the app password.
        if (httpStatus(error) !== 400 && httpStatus(error) !== 401) throw error;
      }
    }
    requireCredentials(ctx.account.credentials, ['identifier', 'appPassword']);
    const { data } = await ctx.http.post('/xrpc/com.atproto.server.createSession', {
      identifier,
      password: appPassword,
    });
    return { ...ctx.account.credentials, ...sessionCredentials(data) };
  },
};

function sessionCredentials(data: any) {
  return { accessJwt: data.accessJwt, refreshJwt: data.refreshJwt, did: data.did, handle: data.handle };
}

export default bluesky;
