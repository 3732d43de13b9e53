/**
 * X API v2: OAuth2 Bearer tokens that expire (401) and refresh with rotation, 201 on create,
 * epoch-second resets. `GET /2/tweets` takes 1 to 100 ids and answers missing ones as inline errors
 * (HTTP 200); non-public metrics only for the author's own posts of the last 30 days, otherwise a
 * field authorization error that leaves the post out of `data`. Direct messages: `GET /2/dm_events`
 * (newest first, the last 30 days, 1 to 100 a page, `pagination_token`), a conversation's events, and
 * `POST /2/dm_conversations/:id/messages` (a publish endpoint: scripted failures apply); a token
 * without `dm.read` / `dm.write` is answered 403.
 */
import { randomBytes } from 'node:crypto';

import { FakeNetwork, type Reply, type RequestContext, type Route } from './base';
import { matchesQuery, parseQuery } from './search-query';

const TWEETS_PER_LOOKUP = 100;
const NON_PUBLIC_DAYS = 30;

const problem = (status: number, title: string, detail: string, type = 'about:blank'): Reply => ({
  status,
  body: { title, detail, type, status },
});

/** twitter-text v3 weights, counted independently of the plugin. */
function weightedLength(text: string): number {
  const light = (cp: number) =>
    cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247);
  const segmenter = new (Intl as any).Segmenter('und', { granularity: 'grapheme' });
  let weight = 0;
  const normalized = text.normalize('NFC').replace(/https?:\/\/\S+/g, 'u'.repeat(23));
  for (const { segment } of segmenter.segment(normalized) as Iterable<{ segment: string }>) {
    if (/\p{Extended_Pictographic}/u.test(segment)) weight += 2;
    else for (const c of segment) weight += light(c.codePointAt(0)!) ? 1 : 2;
  }
  return weight;
}

export class XFake extends FakeNetwork {
  readonly network = 'x';
  readonly expiredTokens = new Set<string>();
  private refreshTokens = new Map<string, string>();
  private tweets = new Map<
    string,
    {
      id: string;
      text: string;
      author: string;
      created_at: string;
      username?: string;
      lang?: string;
      in_reply_to?: string;
      conversation_id?: string;
    }
  >();
  /** Mentions per user id (the tweet ids, oldest first). */
  private mentions = new Map<string, string[]>();
  /** Replies hidden by the conversation's author, and tweets deleted by their author. */
  readonly hidden = new Set<string>();
  /** Tweets liked through the API. */
  readonly liked = new Set<string>();
  readonly deleted: string[] = [];

  /** Direct message events by id (ids grow with time), and each conversation's participants. */
  private dmEvents = new Map<
    string,
    { id: string; text: string; sender: string; conversation: string; created_at: string }
  >();
  private dmConversations = new Map<string, Set<string>>();
  private dmUsernames = new Map<string, string>();
  /** Tokens granted without `dm.read` and `dm.write` (or an app whose plan has no DMs). */
  readonly withoutDmScope = new Set<string>();

  /**
   * A reader's direct message to the account of `token` (in their one-to-one conversation), or the
   * account's own message in it when `fromAccount`. Answers the event and conversation ids.
   */
  addDirectMessage(
    token: string,
    message: { text: string; username?: string; fromAccount?: boolean; ageMs?: number }
  ): { eventId: string; conversationId: string } {
    const username = message.username ?? 'lectrice';
    const reader = `reader-${username}`;
    const me = this.userId(token);
    this.dmUsernames.set(reader, username);
    const conversationId = [me, reader].sort().join('-');
    this.dmConversations.set(conversationId, new Set([me, reader]));
    const eventId = this.storeDirectMessage(
      conversationId,
      message.fromAccount ? me : reader,
      message.text,
      message.ageMs ?? 0
    );
    return { eventId, conversationId };
  }

  /** The direct messages of a conversation, oldest first, as stored. */
  directMessages(conversationId: string) {
    return [...this.dmEvents.values()].filter((e) => e.conversation === conversationId);
  }

  private storeDirectMessage(conversation: string, sender: string, text: string, ageMs = 0): string {
    const id = String(this.nextId++);
    this.dmEvents.set(id, {
      id,
      text,
      sender,
      conversation,
      created_at: new Date(this.now() - ageMs).toISOString(),
    });
    return id;
  }

  /**
   * `GET /2/dm_events` and `GET /2/dm_conversations/:id/dm_events`: MessageCreate events newest first,
   * `max_results` 1–100 (100 by default), `pagination_token` (the page above's `meta.next_token`),
   * the last 30 days only; `expansions=sender_id` adds the senders' usernames.
   */
  private listDirectMessages(ctx: RequestContext, conversationId?: string): Reply {
    const denied = this.unauthorized(ctx);
    if (denied) return denied;
    if (this.withoutDmScope.has(ctx.token!)) return problem(403, 'Forbidden', 'Forbidden');
    const me = this.userId(ctx.token!);
    if (conversationId && !this.dmConversations.get(conversationId)?.has(me))
      return problem(403, 'Forbidden', 'You are not a participant of this conversation.');
    const params = ctx.url.searchParams;
    const max = Number(params.get('max_results') ?? 100);
    if (!Number.isInteger(max) || max < 1 || max > 100)
      return {
        status: 400,
        body: {
          errors: [
            {
              parameters: { max_results: [String(params.get('max_results'))] },
              message: `The \`max_results\` query parameter value [${params.get('max_results')}] is not between 1 and 100`,
            },
          ],
          title: 'Invalid Request',
          detail: 'One or more parameters to your request was invalid.',
          type: 'https://api.twitter.com/2/problems/invalid-request',
        },
      };
    const types = (params.get('event_types') ?? 'MessageCreate').split(',');
    const below = params.get('pagination_token') ? BigInt(params.get('pagination_token')!) : null;
    const list = [...this.dmEvents.values()]
      .filter(
        (e) =>
          types.includes('MessageCreate') &&
          (conversationId
            ? e.conversation === conversationId
            : this.dmConversations.get(e.conversation)?.has(me)) &&
          Date.parse(e.created_at) >= this.now() - 30 * 86_400_000 &&
          (below === null || BigInt(e.id) < below)
      )
      .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? 1 : -1));
    const page = list.slice(0, max);
    const fields = (params.get('dm_event.fields') ?? '').split(',');
    const withUsers = (params.get('expansions') ?? '').split(',').includes('sender_id');
    return {
      status: 200,
      body: {
        ...(page.length > 0 && {
          data: page.map((e) => ({
            id: e.id,
            event_type: 'MessageCreate',
            text: e.text,
            ...(fields.includes('sender_id') && { sender_id: e.sender }),
            ...(fields.includes('created_at') && { created_at: e.created_at }),
            ...(fields.includes('dm_conversation_id') && { dm_conversation_id: e.conversation }),
          })),
        }),
        ...(withUsers &&
          page.length > 0 && {
            includes: {
              users: [...new Set(page.map((e) => e.sender))].map((id) => ({
                id,
                username: this.dmUsernames.get(id) ?? 'porte_voix',
                name: this.dmUsernames.get(id) ?? 'Porte-voix',
              })),
            },
          }),
        meta: {
          result_count: page.length,
          ...(list.length > max && { next_token: page[page.length - 1].id }),
        },
      },
    };
  }

  /** `POST /2/dm_conversations/:id/messages`: 201 `{data:{dm_conversation_id, dm_event_id}}`. */
  private sendDirectMessage(ctx: RequestContext, conversationId: string): Reply {
    const denied = this.unauthorized(ctx);
    if (denied) return denied;
    if (this.withoutDmScope.has(ctx.token!)) return problem(403, 'Forbidden', 'Forbidden');
    const me = this.userId(ctx.token!);
    if (!this.dmConversations.get(conversationId)?.has(me))
      return problem(403, 'Forbidden', 'You are not permitted to send messages to this conversation.');
    const { text = '' } = ctx.json();
    if (!text || Array.from(String(text)).length > 10_000)
      return {
        status: 400,
        body: {
          errors: [{ parameters: { text: [text] }, message: 'text must be 1 to 10000 characters.' }],
          title: 'Invalid Request',
          detail: 'One or more parameters to your request was invalid.',
          type: 'https://api.twitter.com/2/problems/invalid-request',
        },
      };
    const id = this.storeDirectMessage(conversationId, me, String(text));
    this.record({ id, account: me, text: String(text), inReplyTo: conversationId });
    return { status: 201, body: { data: { dm_conversation_id: conversationId, dm_event_id: id } } };
  }

  /** The user id this fake gives the account of `token`. */
  userIdOf(token: string): string {
    return this.userId(token);
  }

  /**
   * A reader's post mentioning the account of `token`: a reply to `inReplyTo` when given (X shows a
   * reply to our post in our mentions). Answers its id.
   */
  addMention(
    token: string,
    mention: { text: string; inReplyTo?: string; username?: string; lang?: string }
  ): string {
    const username = mention.username ?? 'lectrice';
    const id = String(this.nextId++);
    const parent = mention.inReplyTo ? this.tweets.get(mention.inReplyTo) : undefined;
    this.tweets.set(id, {
      id,
      text: mention.text,
      author: `reader-${username}`,
      username,
      created_at: new Date(this.now()).toISOString(),
      lang: mention.lang ?? 'und',
      ...(mention.inReplyTo && {
        in_reply_to: mention.inReplyTo,
        conversation_id: parent?.conversation_id ?? mention.inReplyTo,
      }),
    });
    const me = this.userId(token);
    this.mentions.set(me, [...(this.mentions.get(me) ?? []), id]);
    return id;
  }

  /** The tweet as stored: its text and what it replies to. */
  tweet(id: string) {
    return this.tweets.get(id);
  }

  /** Whether the app's plan includes the recent search (not on the Free plan). */
  searchPlan: 'free' | 'basic' = 'basic';

  /** A reader's reply in a conversation that does not mention the account (only the search finds it). */
  addConversationReply(reply: { text: string; inReplyTo: string; username?: string; lang?: string }): string {
    const username = reply.username ?? 'lectrice';
    const id = String(this.nextId++);
    const parent = this.tweets.get(reply.inReplyTo);
    this.tweets.set(id, {
      id,
      text: reply.text,
      author: `reader-${username}`,
      username,
      created_at: new Date(this.now()).toISOString(),
      lang: reply.lang ?? 'und',
      in_reply_to: reply.inReplyTo,
      conversation_id: parent?.conversation_id ?? reply.inReplyTo,
    });
    return id;
  }

  /** A reader's post, found by the recent search's free-text queries; answers its id. */
  addPublicTweet(tweet: { text: string; username?: string; lang?: string }): string {
    const username = tweet.username ?? 'lectrice';
    const id = String(this.nextId++);
    this.tweets.set(id, {
      id,
      text: tweet.text,
      author: `reader-${username}`,
      username,
      created_at: new Date(this.now()).toISOString(),
      lang: tweet.lang ?? 'und',
    });
    return id;
  }

  /**
   * `GET /2/users/:id/mentions`: newest first, `max_results` 5–100 (10 by default); `since_id` and
   * `start_time` bound it from below, `pagination_token` (the `meta.next_token` of the page above)
   * goes down a page; `expansions=author_id` adds the authors' usernames in `includes.users`.
   */
  private listMentions(ctx: RequestContext, userId: string): Reply {
    const denied = this.unauthorized(ctx);
    if (denied) return denied;
    if (this.userId(ctx.token!) !== userId)
      return problem(403, 'Forbidden', 'You can only read your own mentions.');
    return this.timeline(ctx, this.mentions.get(userId) ?? [], 'pagination_token', 5);
  }

  /**
   * `GET /2/tweets/search/recent`: the query's `conversation_id:` terms (joined by OR), `is:reply`;
   * `max_results` 10–100, `next_token` down a page, the last 7 days only. Refused on the Free plan.
   */
  private searchRecent(ctx: RequestContext): Reply {
    const denied = this.unauthorized(ctx);
    if (denied) return denied;
    if (this.searchPlan === 'free')
      return {
        status: 403,
        body: {
          client_id: 'fake',
          detail:
            'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.',
          registration_url: 'https://developer.twitter.com/en/docs/projects/overview',
          title: 'Client Forbidden',
          required_enrollment: 'Appropriate Level of API Access',
          reason: 'client-not-enrolled',
          type: 'https://api.twitter.com/2/problems/client-forbidden',
        },
      };
    const query = ctx.url.searchParams.get('query') ?? '';
    if (query.length > 512)
      return problem(400, 'Invalid Request', 'Query is too long (512 characters at most).');
    const conversations = new Set([...query.matchAll(/conversation_id:(\d+)/g)].map((m) => m[1]));
    const repliesOnly = /\bis:reply\b/.test(query);
    const start = ctx.url.searchParams.get('start_time');
    if (start && Date.parse(start) < this.now() - 7 * 86_400_000)
      return problem(400, 'Invalid Request', 'start_time must be within the last 7 days.');
    // Free text (listening): terms, phrases, OR, -exclusions and lang: as X's query language has them.
    const words = conversations.size === 0 ? parseQuery(query) : null;
    const ids = [...this.tweets.values()]
      .filter((t) =>
        words
          ? matchesQuery(words, t.text, t.lang) && (!repliesOnly || t.in_reply_to)
          : t.conversation_id && conversations.has(t.conversation_id) && (!repliesOnly || t.in_reply_to)
      )
      .map((t) => t.id);
    return this.timeline(ctx, ids, 'next_token', 10);
  }

  /** A page of `ids` (oldest first) answered newest first, bounded and paged as X's timelines and search are. */
  private timeline(ctx: RequestContext, ids: string[], pageParam: string, minResults: number): Reply {
    const params = ctx.url.searchParams;
    const max = Number(params.get('max_results') ?? 10);
    if (!Number.isInteger(max) || max < minResults || max > 100) {
      return {
        status: 400,
        body: {
          errors: [
            {
              parameters: { max_results: [String(params.get('max_results'))] },
              message: `The \`max_results\` query parameter value [${params.get('max_results')}] is not between ${minResults} and 100`,
            },
          ],
          title: 'Invalid Request',
          detail: 'One or more parameters to your request was invalid.',
          type: 'https://api.twitter.com/2/problems/invalid-request',
        },
      };
    }
    const sinceId = params.get('since_id') ? BigInt(params.get('since_id')!) : null;
    const startTime = params.get('start_time') ? Date.parse(params.get('start_time')!) : null;
    const below = params.get(pageParam) ? BigInt(params.get(pageParam)!) : null;
    const list = ids
      .map((id) => this.tweets.get(id)!)
      .filter(
        (t) =>
          t &&
          (sinceId === null || BigInt(t.id) > sinceId) &&
          (startTime === null || Date.parse(t.created_at) >= startTime) &&
          (below === null || BigInt(t.id) < below)
      )
      .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? 1 : -1));
    const page = list.slice(0, max);
    if (page.length === 0) return { status: 200, body: { meta: { result_count: 0 } } };
    const withUsers = (params.get('expansions') ?? '').split(',').includes('author_id');
    return {
      status: 200,
      body: {
        data: page.map((t) => ({
          id: t.id,
          text: t.text,
          author_id: t.author,
          created_at: t.created_at,
          lang: t.lang ?? 'und',
          edit_history_tweet_ids: [t.id],
          ...(t.conversation_id && { conversation_id: t.conversation_id }),
          ...(t.in_reply_to && { referenced_tweets: [{ type: 'replied_to', id: t.in_reply_to }] }),
        })),
        ...(withUsers && {
          includes: {
            users: [
              ...new Map(
                page.map((t) => [
                  t.author,
                  { id: t.author, username: t.username ?? 'porte_voix', name: t.username ?? 'Porte-voix' },
                ])
              ).values(),
            ],
          },
        }),
        meta: {
          result_count: page.length,
          newest_id: page[0].id,
          oldest_id: page[page.length - 1].id,
          ...(list.length > max && { next_token: page[page.length - 1].id }),
        },
      },
    };
  }
  private nextId = 1_800_000_000_000_000_000n;
  refreshCount = 0;

  protected resetState(): void {
    this.expiredTokens.clear();
    this.refreshTokens.clear();
    this.tweets.clear();
    this.mentions.clear();
    this.hidden.clear();
    this.liked.clear();
    this.searchPlan = 'basic';
    this.dmEvents.clear();
    this.dmConversations.clear();
    this.dmUsernames.clear();
    this.withoutDmScope.clear();
    this.deleted.length = 0;
    this.seenTokens.clear();
    this.refreshCount = 0;
  }

  deletePost(remoteId: string): boolean {
    return this.tweets.delete(remoteId) || this.deleteDemoPost(remoteId);
  }

  /** A tweet of this fake, or one of the demo's past (its id says when it was posted), the asker's own. */
  private tweetOf(id: string, asker: string) {
    const own = this.tweets.get(id);
    if (own) return { ...own, demo: false };
    const at = this.demoPostAt(id);
    return at === undefined
      ? undefined
      : { id, text: '', author: asker, created_at: new Date(at).toISOString(), demo: true };
  }

  /** Every access token seen so far now answers 401. */
  expireAccessTokens(): void {
    for (const token of this.seenTokens) this.expiredTokens.add(token);
  }

  private seenTokens = new Set<string>();

  protected accountOf(ctx: RequestContext) {
    return ctx.token;
  }

  protected rateLimited(waitMs: number): Reply {
    return {
      status: 429,
      headers: {
        'x-rate-limit-limit': '100',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(Math.ceil((Date.now() + waitMs) / 1000)),
      },
      body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
    };
  }

  protected serverError(): Reply {
    return problem(503, 'Service Unavailable', 'Service Unavailable');
  }

  protected quotaHeaders(remaining: number, resetAt: number) {
    return {
      'x-rate-limit-limit': String(this.options.window?.limit ?? 100),
      'x-rate-limit-remaining': String(remaining),
      'x-rate-limit-reset': String(Math.ceil(resetAt / 1000)),
    };
  }

  private unauthorized(ctx: RequestContext): Reply | undefined {
    if (ctx.token) this.seenTokens.add(ctx.token);
    if (!ctx.token || this.expiredTokens.has(ctx.token)) return problem(401, 'Unauthorized', 'Unauthorized');
    return undefined;
  }

  private userId(token: string) {
    return String([...token].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 11));
  }

  protected routes(): Route[] {
    return [
      {
        method: 'POST',
        path: /^\/2\/tweets$/,
        publish: true,
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const { text = '', media, reply } = ctx.json();
          const inReplyTo: string | undefined = reply?.in_reply_to_tweet_id;
          if (inReplyTo && !this.tweets.get(inReplyTo)) {
            return problem(
              403,
              'Forbidden',
              'You attempted to reply to a Tweet that is deleted or not visible to you.'
            );
          }
          if (weightedLength(text) > 280) {
            return {
              status: 400,
              body: {
                errors: [{ parameters: { text: [text] }, message: 'Your Tweet text is too long.' }],
                title: 'Invalid Request',
                detail: 'One or more parameters to your request was invalid.',
                type: 'https://api.twitter.com/2/problems/invalid-request',
              },
            };
          }
          const author = this.userId(ctx.token!);
          if ([...this.tweets.values()].some((t) => t.author === author && t.text === text)) {
            return problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
          }
          const id = String(this.nextId++);
          const parent = inReplyTo ? this.tweets.get(inReplyTo) : undefined;
          this.tweets.set(id, {
            id,
            text,
            author,
            created_at: new Date().toISOString(),
            ...(inReplyTo && {
              in_reply_to: inReplyTo,
              conversation_id: parent?.conversation_id ?? inReplyTo,
            }),
          });
          this.record({ id, account: author, text, ...(inReplyTo && { inReplyTo }) });
          return {
            status: 201,
            body: { data: { id, text, edit_history_tweet_ids: [id], ...(media && { attachments: media }) } },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/2\/tweets$/,
        metrics: true,
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const ids = (ctx.url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
          if (ids.length < 1 || ids.length > TWEETS_PER_LOOKUP) {
            return {
              status: 400,
              body: {
                errors: [
                  {
                    parameters: { ids: [ctx.url.searchParams.get('ids') ?? ''] },
                    message: `The number of values in the \`ids\` query parameter list [${ids.length}] is not between 1 and ${TWEETS_PER_LOOKUP}`,
                  },
                ],
                title: 'Invalid Request',
                detail: 'One or more parameters to your request was invalid.',
                type: 'https://api.twitter.com/2/problems/invalid-request',
              },
            };
          }
          const fields = (ctx.url.searchParams.get('tweet.fields') ?? '').split(',');
          const wantsNonPublic = fields.includes('non_public_metrics');
          const me = this.userId(ctx.token!);
          const data: any[] = [];
          const errors: any[] = [];
          for (const id of ids) {
            const tweet = this.tweetOf(id, me);
            if (!tweet) {
              errors.push({
                value: id,
                detail: `Could not find tweet with ids: [${id}].`,
                title: 'Not Found Error',
                resource_type: 'tweet',
                parameter: 'ids',
                resource_id: id,
                type: 'https://api.twitter.com/2/problems/resource-not-found',
              });
              continue;
            }
            const created = Date.parse(tweet.created_at);
            const nonPublicReadable =
              tweet.author === me && this.now() - created <= NON_PUBLIC_DAYS * 86_400_000;
            if (wantsNonPublic && !nonPublicReadable) {
              errors.push({
                value: id,
                detail: `Sorry, you are not authorized to access 'non_public_metrics.impression_count' on the Tweet with ids : [${id}].`,
                title: 'Field Authorization Error',
                section: 'data',
                resource_type: 'tweet',
                field: 'non_public_metrics.impression_count',
                parameter: 'ids',
                resource_id: id,
                type: 'https://api.twitter.com/2/problems/not-authorized-for-field',
              });
              continue;
            }
            const demo = tweet.demo ? this.demoCounters(id, created) : undefined;
            const impressions = demo
              ? (demo.impressions ?? 0)
              : this.grown(created, `${id}:impressions`, 120);
            const grownOr = (name: keyof NonNullable<typeof demo>, key: string, perHour: number) =>
              demo ? (demo[name] ?? 0) : this.grown(created, `${id}:${key}`, perHour);
            data.push({
              id,
              text: tweet.text,
              edit_history_tweet_ids: [id],
              ...(fields.includes('created_at') && { created_at: tweet.created_at }),
              ...(fields.includes('public_metrics') && {
                public_metrics: {
                  retweet_count: grownOr('shares', 'retweets', 2),
                  reply_count: grownOr('comments', 'replies', 1),
                  like_count: grownOr('reactions', 'likes', 8),
                  quote_count: grownOr('quotes', 'quotes', 1),
                  bookmark_count: grownOr('bookmarks', 'bookmarks', 1),
                  impression_count: impressions,
                },
              }),
              ...(wantsNonPublic && {
                non_public_metrics: {
                  impression_count: impressions,
                  url_link_clicks: grownOr('linkClicks', 'link_clicks', 3),
                  user_profile_clicks: grownOr('profileClicks', 'profile_clicks', 1),
                },
              }),
            });
          }
          return {
            status: 200,
            body: { ...(data.length > 0 && { data }), ...(errors.length > 0 && { errors }) },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/2\/users\/me$/,
        metrics: true,
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const id = this.userId(ctx.token!);
          const wantsMetrics = (ctx.url.searchParams.get('user.fields') ?? '')
            .split(',')
            .includes('public_metrics');
          return {
            status: 200,
            body: {
              data: {
                id,
                name: 'Fake',
                username: 'fake',
                ...(wantsMetrics && {
                  public_metrics: {
                    followers_count: this.followersFor(id, ctx.token === this.demoCredentials().accessToken),
                    following_count: 120,
                    tweet_count: [...this.tweets.values()].filter((t) => t.author === id).length,
                    listed_count: 3,
                  },
                }),
              },
            },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/2\/users\/([^/]+)\/tweets$/,
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const since = Date.parse(ctx.url.searchParams.get('start_time') ?? '1970-01-01');
          const data = [...this.tweets.values()]
            .filter(
              (t) =>
                t.author === ctx.params[0] &&
                Date.parse(t.created_at) >= since &&
                this.visibleInLookups(Date.parse(t.created_at))
            )
            .reverse()
            .map(({ id, text }) => ({ id, text, edit_history_tweet_ids: [id] }));
          return {
            status: 200,
            body:
              data.length > 0 ? { data, meta: { result_count: data.length } } : { meta: { result_count: 0 } },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/2\/users\/([^/]+)\/mentions$/,
        metrics: true,
        handle: (ctx) => this.listMentions(ctx, ctx.params[0]),
      },
      {
        method: 'GET',
        path: /^\/2\/dm_events$/,
        metrics: true,
        handle: (ctx) => this.listDirectMessages(ctx),
      },
      {
        method: 'GET',
        path: /^\/2\/dm_conversations\/([^/]+)\/dm_events$/,
        handle: (ctx) => this.listDirectMessages(ctx, decodeURIComponent(ctx.params[0])),
      },
      {
        method: 'POST',
        path: /^\/2\/dm_conversations\/([^/]+)\/messages$/,
        publish: true,
        handle: (ctx) => this.sendDirectMessage(ctx, decodeURIComponent(ctx.params[0])),
      },
      {
        method: 'GET',
        path: /^\/2\/tweets\/search\/recent$/,
        metrics: true,
        handle: (ctx) => this.searchRecent(ctx),
      },
      {
        method: 'POST',
        path: /^\/2\/users\/([^/]+)\/likes$/,
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          if (this.userId(ctx.token!) !== ctx.params[0])
            return problem(403, 'Forbidden', 'You are not permitted to like on behalf of this user.');
          const { tweet_id: id } = ctx.json();
          if (!this.tweets.get(id))
            return problem(404, 'Not Found Error', `Could not find tweet with id: [${id}].`);
          this.liked.add(id);
          return { status: 200, body: { data: { liked: true } } };
        },
      },
      {
        method: 'PUT',
        path: /^\/2\/tweets\/([^/]+)\/hidden$/,
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const reply = this.tweets.get(ctx.params[0]);
          const root = reply?.conversation_id ? this.tweets.get(reply.conversation_id) : undefined;
          // Only the author of the conversation's first post may hide a reply in it.
          if (!reply || !root || root.author !== this.userId(ctx.token!))
            return problem(403, 'Forbidden', 'You are not permitted to hide replies to this Tweet.');
          const { hidden } = ctx.json();
          if (hidden) this.hidden.add(reply.id);
          else this.hidden.delete(reply.id);
          return { status: 200, body: { data: { hidden: Boolean(hidden) } } };
        },
      },
      {
        method: 'DELETE',
        path: /^\/2\/tweets\/([^/]+)$/,
        handle: (ctx) => {
          const denied = this.unauthorized(ctx);
          if (denied) return denied;
          const tweet = this.tweets.get(ctx.params[0]);
          if (!tweet || tweet.author !== this.userId(ctx.token!))
            return problem(403, 'Forbidden', 'You are not authorized to delete this Tweet.');
          this.tweets.delete(tweet.id);
          this.deleted.push(tweet.id);
          return { status: 200, body: { data: { deleted: true } } };
        },
      },
      {
        method: 'POST',
        path: /^\/2\/oauth2\/token$/,
        handle: (ctx) => {
          const { grant_type, refresh_token, client_id } = ctx.form();
          if (grant_type !== 'refresh_token' || !client_id) {
            return {
              status: 400,
              body: { error: 'invalid_request', error_description: 'Missing required parameter' },
            };
          }
          // A refresh token works once: the answer carries the next one.
          if (!refresh_token || this.refreshTokens.get(refresh_token) === 'used') {
            return {
              status: 400,
              body: {
                error: 'invalid_request',
                error_description: 'Value passed for the token was invalid.',
              },
            };
          }
          this.refreshTokens.set(refresh_token, 'used');
          this.refreshCount++;
          return {
            status: 200,
            body: {
              token_type: 'bearer',
              expires_in: 7200,
              access_token: `xat-${randomBytes(12).toString('hex')}`,
              refresh_token: `xrt-${randomBytes(12).toString('hex')}`,
              scope: 'tweet.read tweet.write users.read offline.access',
            },
          };
        },
      },
      {
        method: 'POST',
        path: /^\/2\/media\/upload\/initialize$/,
        handle: (ctx) =>
          this.unauthorized(ctx) ?? {
            status: 200,
            body: {
              data: { id: String(this.nextId++), media_key: `3_${this.nextId}`, expires_after_secs: 86400 },
            },
          },
      },
      {
        method: 'POST',
        path: /^\/2\/media\/upload\/([^/]+)\/append$/,
        handle: (ctx) => this.unauthorized(ctx) ?? { status: 204 },
      },
      {
        method: 'POST',
        path: /^\/2\/media\/upload\/([^/]+)\/finalize$/,
        handle: (ctx) =>
          this.unauthorized(ctx) ?? { status: 200, body: { data: { id: ctx.params[0], size: 1 } } },
      },
      {
        method: 'POST',
        path: /^\/2\/media\/metadata$/,
        handle: (ctx) => this.unauthorized(ctx) ?? { status: 200, body: { data: {} } },
      },
    ];
  }
}
