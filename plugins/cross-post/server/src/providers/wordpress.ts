/**
 * WordPress (REST API, self-hosted core 5.6+): an application password (HTTP Basic), a post becomes a
 * blog article. Title (the post's), body (Markdown to HTML), excerpt, featured image (the first image,
 * uploaded to the media library), categories (the account's, by name) and tags (the post's hashtags,
 * by name, created when missing). No idempotency key and no rate limit in core: the slug carries the
 * delivery's key, so a post whose answer was lost is found again by it (`findRecent`). Readers'
 * comments are answered as the account's user, held back (`hold`) and our answers trashed.
 */
import { scheduleOnProblems } from './network-scheduling';
import { CLOCK_MARGIN_MS, currentPost, emptySweep, readSweep, sweepOn } from './per-post';
import { z } from 'zod';

import {
  emptyTextProblem,
  headerValue,
  httpStatus,
  requireCredentials,
  responseBody,
  serverErrorVerdict,
  transportVerdict,
  waitSeconds,
} from './common';
import { escapeHtml, markdownToHtml } from './markdown';
import { ownIdentity } from './own-identity';
import { checkBatch, count, ok } from './metrics';
import { codePointLength, sameText } from './text';
import { ProviderError, type OutgoingPost, type Problem, type Provider, type ProviderContext } from './types';

const API = '/wp-json/wp/v2';
/** WordPress counts no length; the excerpt is the only text a theme cuts, so it is kept short. */
const EXCERPT_LENGTH = 300;
/** Longest title an editor reads whole in a feed and a browser tab (core stores up to 64 KB). */
const TITLE_LENGTH = 200;
/** `per_page` at most 100 on every collection. */
const PER_PAGE = 100;
/** Statuses a lookup with the author's credentials may find (a `future` article is already there). */
const ANY_STATUS = 'publish,future,draft,pending,private';

const postSchema = z
  .object({
    id: z.number(),
    link: z.string().nullish(),
    slug: z.string().nullish(),
    status: z.string().nullish(),
    date_gmt: z.string().nullish(),
    title: z.object({ rendered: z.string().nullish(), raw: z.string().nullish() }).partial().nullish(),
    content: z.object({ rendered: z.string().nullish(), raw: z.string().nullish() }).partial().nullish(),
    featured_media: z.number().nullish(),
  })
  .passthrough();
const termSchema = z.object({ id: z.number(), name: z.string() }).passthrough();
const commentSchema = z
  .object({
    id: z.number(),
    post: z.number(),
    parent: z.number().nullish(),
    author_name: z.string().nullish(),
    author_url: z.string().nullish(),
    date_gmt: z.string().nullish(),
    content: z.object({ rendered: z.string().nullish() }).partial().nullish(),
    link: z.string().nullish(),
  })
  .passthrough();

/** A comment's article and id, read before answering it: the answer goes on the same article. */
const commentTargetSchema = z.object({ id: z.number(), post: z.number() }).passthrough();
const createdCommentSchema = z.object({ id: z.number(), link: z.string().nullish() }).passthrough();
const userSchema = z.object({ id: z.number() }).passthrough();

/** Errors about comments: the user's role, or a comment that is gone (moderation, not publishing). */
const COMMENT_REFUSALS = new Set(['rest_cannot_edit', 'rest_cannot_moderate']);

/** A comment's rendered HTML as the text a moderator reads. */
const htmlToText = (html: string) =>
  html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#8217;/g, '’')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .trim();

function auth(ctx: ProviderContext) {
  requireCredentials(ctx.account.credentials, ['username', 'appPassword']);
  const { username, appPassword } = ctx.account.credentials;
  // Application passwords are shown with spaces; WordPress accepts them with or without.
  const basic = Buffer.from(`${username}:${appPassword}`).toString('base64');
  return { Authorization: `Basic ${basic}` };
}

/** The article's title: the post's, or its text's first line when it has none. */
export function articleTitle(post: OutgoingPost): string {
  const title = post.title?.trim();
  if (title) return title;
  const firstLine = post.text.split('\n').find((line) => line.trim() !== '') ?? '';
  const plain = firstLine.replace(/^#+\s*/, '').trim();
  return codePointLength(plain) > 80 ? `${Array.from(plain).slice(0, 79).join('')}…` : plain;
}

/** The post's hashtags, which become the article's tags (without `#`, in order, once each). */
export function hashtagNames(text: string): string[] {
  const names = Array.from(text.matchAll(/(?:^|\s)#([\p{L}\p{N}_]+)/gu), (m) => m[1]);
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The account's user id (`/users/me`), asked once a few hours (own-identity.ts). */
const ownUserId = async (ctx: ProviderContext) =>
  ownIdentity(ctx, 'user', async () => {
    const { data } = await ctx.http.get(`${API}/users/me`, { headers: auth(ctx), params: { _fields: 'id' } });
    return String(userSchema.parse(data).id);
  });

/** The excerpt: the text without Markdown marks, hashtags or links, cut at a word, HTML escaped (themes print it as is). */
export function excerptOf(text: string): string {
  return escapeHtml(plainExcerpt(text));
}

function plainExcerpt(text: string): string {
  const plain = text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/(^|\s)#[\p{L}\p{N}_]+/gu, '$1')
    .replace(/^\s*>+/gm, '')
    .replace(/[*_`#~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(plain);
  if (chars.length <= EXCERPT_LENGTH) return plain;
  const cut = chars.slice(0, EXCERPT_LENGTH).join('');
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_LENGTH / 2)).trim()}…`;
}

/** A slug from a title (ASCII, lower case, dashes), as WordPress's `sanitize_title` would make it. */
export function slugOf(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** The slug this delivery's article gets: its title, then the delivery's key (the reconciliation marker). */
export function articleSlug(title: string, idempotencyKey: string): string {
  const base = slugOf(title);
  return `${base ? `${base}-` : ''}${idempotencyKey.toLowerCase()}`;
}

/** Term ids for names, from `categories` or `tags`; tags that do not exist are created. */
async function termIds(
  ctx: ProviderContext,
  taxonomy: 'categories' | 'tags',
  names: string[]
): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const { data } = await ctx.http.get(`${API}/${taxonomy}`, {
      headers: auth(ctx),
      params: { search: name, per_page: PER_PAGE },
    });
    const terms = z.array(termSchema).parse(data);
    const found = terms.find((term) => decodeEntities(term.name).toLowerCase() === name.toLowerCase());
    if (found) {
      ids.push(found.id);
      continue;
    }
    if (taxonomy === 'categories') {
      throw new ProviderError(
        `The WordPress site has no category "${name}": create it in WordPress, or change the account's categories.`
      );
    }
    const created = await ctx.http.post(
      `${API}/tags`,
      { name },
      { headers: auth(ctx), validateStatus: (s) => s < 300 || s === 400 }
    );
    // Created meanwhile (or named differently in case): WordPress gives the existing term's id.
    if (created.status === 400 && created.data?.code === 'term_exists')
      ids.push(Number(created.data.data.term_id));
    else if (created.status === 400)
      throw Object.assign(new Error('tag refused'), { response: created, isAxiosError: true });
    else ids.push(termSchema.parse(created.data).id);
  }
  return ids;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&#0?39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** Uploads one image to the media library (raw bytes, as the REST API takes them); its id and URL. */
async function uploadImage(ctx: ProviderContext, image: OutgoingPost['images'][number]) {
  const bytes = await image.load();
  const filename = image.filename.replace(/["\\\r\n]/g, '_');
  const { data } = await ctx.http.post(`${API}/media`, bytes, {
    headers: {
      ...auth(ctx),
      'Content-Type': image.mimeType,
      'Content-Disposition': `attachment; filename="${filename}"`,
    },
  });
  const media = z.object({ id: z.number(), source_url: z.string().nullish() }).passthrough().parse(data);
  if (image.alt) {
    await ctx.http.post(`${API}/media/${media.id}`, { alt_text: image.alt }, { headers: auth(ctx) });
  }
  return { id: media.id, url: media.source_url ?? null, alt: image.alt };
}

function categoryNames(ctx: ProviderContext): string[] {
  return (ctx.account.credentials.categories ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

function remotePost(data: unknown) {
  const post = postSchema.parse(data);
  const date = post.date_gmt ? `${post.date_gmt}Z` : undefined;
  return {
    remoteId: String(post.id),
    url: post.link ?? null,
    text: post.content?.raw ?? post.content?.rendered ?? undefined,
    createdAt: date,
    // `future`: WordPress holds it until its date (its cron publishes it then).
    ...(post.status === 'future' && date && { scheduledFor: new Date(date).toISOString() }),
  };
}

/** `date_gmt` as WordPress reads it: UTC, no zone, to the second. */
const wordpressGmt = (at: Date) => at.toISOString().slice(0, 19);

const wordpress: Provider = {
  network: 'wordpress',
  displayName: 'WordPress',
  defaultBaseUrl: '',
  selfHosted: true,
  demo: {
    name: 'Blog WordPress (démo)',
    language: 'fr',
    credentials: {
      username: 'porte-voix',
      appPassword: 'abcd efgh ijkl mnop qrst uvwx',
      categories: 'Actualités',
    },
  },
  credentialFields: [
    { name: 'username', secret: false, required: true },
    { name: 'appPassword', secret: true, required: true },
    { name: 'categories', secret: false, required: false },
    { name: 'scheduleOn', secret: false, required: false },
  ],
  // WordPress holds a post as `future` only when its date is over a minute ahead; a margin for clocks.
  schedulesOnNetwork: { minLeadMs: 5 * 60_000 },
  limits: { textLength: Number.MAX_SAFE_INTEGER, images: 10 },
  idempotencyWindowMs: 0,
  metrics: { batchSize: 1, measures: ['comments'], freshness: 'live', polled: true },
  readsSharePublishingLimit: false,
  metricsNote:
    'Approved comments only (X-WP-Total of the comments of the article). WordPress core counts no views, likes or shares; followers are not counted.',

  async validate(post, ctx) {
    const problems: Problem[] = [
      ...emptyTextProblem(post, 'WordPress'),
      ...scheduleOnProblems(ctx.account.credentials),
    ];
    const title = articleTitle(post);
    if (!title) {
      problems.push({ code: 'no_title', message: 'A WordPress article needs a title: give the post one.' });
    } else if (codePointLength(title) > TITLE_LENGTH) {
      problems.push({
        code: 'title_too_long',
        message: `Keep a WordPress title under ${TITLE_LENGTH} characters; this one has ${codePointLength(title)}.`,
      });
    }
    // Articles have no length limit: the counter shows the length, never a problem.
    return { length: codePointLength(post.text), limit: Number.MAX_SAFE_INTEGER, problems };
  },

  async publish(post, idempotencyKey, ctx) {
    const title = articleTitle(post);
    const categories = await termIds(ctx, 'categories', categoryNames(ctx));
    const tags = await termIds(ctx, 'tags', hashtagNames(post.text));
    const images = [];
    for (const image of post.images) images.push(await uploadImage(ctx, image));
    const [featured, ...inline] = images;
    const figures = inline
      .filter((image) => image.url)
      .map(
        (image) =>
          `<figure class="wp-block-image"><img src="${escapeHtml(image.url!)}" alt="${escapeHtml(image.alt)}" /></figure>`
      );
    const content = [markdownToHtml(post.text), ...figures].join('\n');
    const response = await ctx.http.post(
      `${API}/posts`,
      {
        title,
        content,
        excerpt: excerptOf(post.text),
        // Held by the blog until its time (`future`), or published at once.
        ...(post.publishAt
          ? { status: 'future', date_gmt: wordpressGmt(post.publishAt) }
          : { status: 'publish' }),
        slug: articleSlug(title, idempotencyKey),
        ...(categories.length > 0 && { categories }),
        ...(tags.length > 0 && { tags }),
        ...(featured && { featured_media: featured.id }),
      },
      { headers: auth(ctx) }
    );
    const created = remotePost(response.data);
    if (post.publishAt && !created.scheduledFor) {
      // WordPress published it at once (its clock is ahead, or the time too near): it is public.
      return { remoteId: created.remoteId, url: created.url };
    }
    return {
      remoteId: created.remoteId,
      url: created.url,
      ...(created.scheduledFor && { scheduledFor: new Date(created.scheduledFor) }),
    };
  },

  async withdraw(remoteId, ctx) {
    // To the trash, as an editor in wp-admin would: it is never published, and can be restored there.
    // Already in the trash or deleted on the blog (404): it is not held any more, which is what was asked.
    await ctx.http.delete(`${API}/posts/${encodeURIComponent(remoteId)}`, {
      headers: auth(ctx),
      validateStatus: (status) => status < 300 || status === 404,
    });
  },

  async lookup(remoteId, ctx) {
    const response = await ctx.http.get(`${API}/posts/${encodeURIComponent(remoteId)}`, {
      headers: auth(ctx),
      params: { context: 'edit' },
      validateStatus: (s) => s < 300 || s === 404,
    });
    // A post in the trash is no longer on the blog.
    return response.status === 404 || response.data?.status === 'trash' ? null : remotePost(response.data);
  },

  async findRecent({ since, text, idempotencyKey }, ctx) {
    const { data } = await ctx.http.get(`${API}/posts`, {
      headers: auth(ctx),
      params: {
        context: 'edit',
        status: ANY_STATUS,
        after: new Date(since.getTime() - 60_000).toISOString(),
        per_page: PER_PAGE,
        orderby: 'date',
        order: 'desc',
      },
    });
    const posts = z.array(postSchema).parse(data);
    const marker = idempotencyKey ? `-${idempotencyKey.toLowerCase()}` : null;
    const match = posts.find((p) =>
      marker
        ? p.slug === marker.slice(1) || Boolean(p.slug?.endsWith(marker))
        : sameText(p.content?.raw ?? p.content?.rendered, text)
    );
    return match ? remotePost(match) : null;
  },

  async fetchMetrics(remoteIds, ctx) {
    checkBatch(remoteIds, 1, 'WordPress');
    const [id] = remoteIds;
    const post = await ctx.http.get(`${API}/posts/${encodeURIComponent(id)}`, {
      headers: auth(ctx),
      params: { _fields: 'id' },
      validateStatus: (s) => s < 300 || s === 404,
    });
    if (post.status === 404) return [{ remoteId: id, state: 'gone' }];
    const comments = await ctx.http.get(`${API}/comments`, {
      headers: auth(ctx),
      params: { post: id, per_page: 1, _fields: 'id' },
    });
    return [ok(id, { comments: count(headerValue({ response: comments }, 'X-WP-Total')) })];
  },

  async fetchAccountMetrics() {
    // A blog has readers, not followers WordPress core could count.
    return { followers: null };
  },

  inbox: { pollEveryMs: 10 * 60_000, pagesPerRound: 10, perPost: { days: 30, limit: 50 } },

  /**
   * Approved comments under each of our recent articles (per-post.ts), oldest first from `since`,
   * 100 a page; the page number is the sweep's page token (`X-WP-TotalPages` says whether one follows).
   */
  async fetchReplies({ since, remoteIds, cursor }, ctx) {
    const sweep = readSweep(cursor, since);
    const post = currentPost(sweep, remoteIds);
    if (!post) return { replies: [], ...emptySweep(sweep) };
    const page = sweep.post === post && sweep.page ? Number(sweep.page) : 1;
    const me = await ownUserId(ctx);
    const response = await ctx.http.get(`${API}/comments`, {
      headers: auth(ctx),
      params: {
        post,
        // The account's own comments (our answers, found or not, and the team's) are not readers'.
        author_exclude: me,
        after: new Date(sweep.since).toISOString(),
        per_page: PER_PAGE,
        page,
        orderby: 'date_gmt',
        order: 'asc',
      },
    });
    const replies = z
      .array(commentSchema)
      .parse(response.data)
      .map((c) => ({
        remoteId: String(c.id),
        inReplyTo: c.parent ? String(c.parent) : String(c.post),
        author: c.author_name || 'WordPress reader',
        authorUrl: c.author_url || null,
        text: htmlToText(c.content?.rendered ?? ''),
        language: null,
        createdAt: c.date_gmt ? `${c.date_gmt}Z` : new Date().toISOString(),
        url: c.link ?? null,
      }));
    const pages = Number(headerValue({ response }, 'X-WP-TotalPages')) || 1;
    return { replies, ...sweepOn(sweep, remoteIds, post, page < pages ? String(page + 1) : null) };
  },

  /**
   * A comment under the reader's, on the same article, as the account's user. No idempotency key,
   * and core lets no meta go on a comment without a plugin: an unknown outcome is looked for
   * (`findAnswer`), never re-sent.
   */
  async reply({ text, inReplyTo }, _idempotencyKey, ctx) {
    const headers = auth(ctx);
    const { data: target } = await ctx.http.get(`${API}/comments/${encodeURIComponent(inReplyTo)}`, {
      headers,
      params: { _fields: 'id,post' },
    });
    const reader = commentTargetSchema.parse(target);
    const { data } = await ctx.http.post(
      `${API}/comments`,
      { post: reader.post, parent: reader.id, content: escapeHtml(text) },
      { headers }
    );
    const answer = createdCommentSchema.parse(data);
    return { remoteId: String(answer.id), url: answer.link ?? null };
  },

  /**
   * Our comment with this text under the reader's since a time (`parent`, `author`: the account's
   * user from `/users/me`): an answer whose outcome was unknown is looked for, never sent again blindly.
   */
  async findAnswer({ inReplyTo, since, text }, ctx) {
    const headers = auth(ctx);
    const { data } = await ctx.http.get(`${API}/comments`, {
      headers,
      params: {
        parent: inReplyTo,
        author: await ownUserId(ctx),
        after: new Date(since.getTime() - CLOCK_MARGIN_MS).toISOString(),
        per_page: PER_PAGE,
        orderby: 'date_gmt',
        order: 'asc',
      },
    });
    const ours = z
      .array(commentSchema)
      .parse(data)
      .find((c) => sameText(htmlToText(c.content?.rendered ?? ''), text));
    return ours ? { remoteId: String(ours.id), url: ours.link ?? null, text } : null;
  },

  /** Unapproved (`hold`): off the blog, back with one click in wp-admin's comments. */
  async hide(remoteId, ctx) {
    await ctx.http.post(
      `${API}/comments/${encodeURIComponent(remoteId)}`,
      { status: 'hold' },
      { headers: auth(ctx) }
    );
  },

  async deleteOwn(remoteId, ctx) {
    // To the trash, restorable there; already trashed (410) or deleted (404) is what was asked.
    await ctx.http.delete(`${API}/comments/${encodeURIComponent(remoteId)}`, {
      headers: auth(ctx),
      validateStatus: (status) => status < 300 || status === 404 || status === 410,
    });
  },

  classifyError(error) {
    const transport = transportVerdict(error);
    if (transport) return transport;
    const status = httpStatus(error);
    const body = responseBody(error);
    const code = String(body?.code ?? '');
    const message = body?.message ?? 'no message';
    if (status === 429) {
      // Core has no rate limit; hosts and security plugins that add one answer 429 with Retry-After.
      return {
        action: 'retry',
        rateLimited: true,
        waitMs: waitSeconds(headerValue(error, 'Retry-After')),
        reason: 'The WordPress site (or its host) is limiting requests; waiting as it asked.',
      };
    }
    if (status === undefined)
      return { action: 'unknown', reason: String((error as Error)?.message ?? error) };
    const server = serverErrorVerdict(status, 'WordPress');
    if (server) return server;
    if (
      status === 401 &&
      ['incorrect_password', 'invalid_username', 'invalid_email', 'application_passwords_disabled'].includes(
        code
      )
    ) {
      return {
        action: 'reject',
        credentials: true,
        reason: `WordPress refused the application password (${message}): create a new one in the user's profile and reconnect the account.`,
      };
    }
    if (status === 401) {
      // Anonymous: the site ignored the Basic header (plain HTTP outside a local site, or a server that strips Authorization).
      return {
        action: 'reject',
        credentials: true,
        reason: `WordPress treated the request as anonymous (${code || message}): application passwords need HTTPS, and the server must pass the Authorization header on.`,
      };
    }
    if (COMMENT_REFUSALS.has(code)) {
      return {
        action: 'reject',
        reason: `WordPress refused this on the comment (${message}): moderating comments needs a user with the Editor role or above.`,
      };
    }
    if (code === 'rest_comment_closed') {
      return {
        action: 'reject',
        reason: `WordPress: comments are closed on this article (${message}); open them in its discussion settings to answer.`,
      };
    }
    if (code === 'rest_comment_invalid_id') {
      return {
        action: 'reject',
        reason: `WordPress no longer has this comment (${message}): it was deleted or trashed on the blog.`,
      };
    }
    if (status === 403) {
      return {
        action: 'reject',
        reason: `WordPress: this user may not publish posts (${message}). Give the user the Author role or above.`,
      };
    }
    return { action: 'reject', reason: `WordPress refused the article: ${message} (${code || status}).` };
  },
};

export default wordpress;
