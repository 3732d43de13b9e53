/**
 * Discourse: `Api-Key` + `Api-Username` (403 `invalid_access` otherwise), `POST /posts.json` for a
 * topic (title 15–255, a category, `external_id` unique) or a reply (`topic_id`), posts of 20 to 32,000
 * characters, "Title has already been used"; `/t/external_id/{id}.json` answers 301 to the topic; the
 * app-level 429 with `extras.wait_seconds` and Retry-After; uploads (`POST /uploads.json`) answer a
 * `short_url`. Reads, likes, replies and quotes grow with a post's age. Topics as the API reads them:
 * `/t/{id}.json` carries the whole `post_stream.stream` (post ids in order) and the first chunk of 20
 * posts, `/t/{id}/posts.json?post_ids[]=…` the posts asked for; a reply names the post it answers with
 * `reply_to_post_number`; `DELETE /posts/{id}.json` deletes a post of the API user's. Those reads answer
 * the scripted read failures (`failNextRead`), the 429 in Discourse's shape among them. Private messages
 * are topics with `archetype: private_message` (opened by `POST /posts.json` with `target_recipients`,
 * titles from 2 characters, posts from 10) that only their participants read (403 otherwise), listed by
 * `/topics/private-messages/{username}.json` 30 a page (`?page=`, `more_topics_url` while more follow),
 * most recently bumped first, those the user archived left out (a new post brings one back to the
 * inbox); a regular post bumps its topic; the latest posts leave them out.
 */
import { FakeNetwork, type Reply, type RequestContext, type Route } from './base';

type ForumPost = {
  id: number;
  topicId: number;
  postNumber: number;
  username: string;
  raw: string;
  createdAt: number;
  replyToPostNumber: number | null;
  /** 1 a regular post; 3 a small action ("closed the topic"), written by the moderator who did it. */
  postType: number;
};

/** Discourse's `chunk_size`: the posts `/t/{id}.json` carries. */
const CHUNK_SIZE = 20;

const notFound: Reply = {
  status: 404,
  body: { errors: ['The requested URL or resource could not be found.'], error_type: 'not_found' },
};
type Topic = {
  id: number;
  title: string;
  slug: string;
  categoryId: number | null;
  externalId?: string;
  /** A private message is a topic only its participants read (`archetype` `private_message`). */
  archetype: 'regular' | 'private_message';
  /** Lowercase usernames of a private message's participants. */
  participants: string[];
  /** When the topic last moved up the lists: its newest regular post. */
  bumpedAt: number;
  /** Lowercase usernames who archived this private message (it leaves their inbox). */
  archivedBy?: Set<string>;
};

/** Topics a page of `/topics/private-messages/{username}.json` (Discourse's `per_page`). */
const TOPICS_PER_PAGE = 30;
/** Discourse's defaults for private messages: `min_personal_message_title_length`, `min_personal_message_post_length`. */
const MIN_MESSAGE_TITLE = 2;
const MIN_MESSAGE_POST = 10;

/** What Discourse answers a user who may not read a topic (a private message of others). */
const notPermitted: Reply = {
  status: 403,
  body: { errors: ['You are not permitted to view the requested resource.'], error_type: 'invalid_access' },
};

const invalidAccess: Reply = {
  status: 403,
  body: {
    errors: ['You are not permitted to view the requested resource. The API username or key is invalid.'],
    error_type: 'invalid_access',
  },
};

const unprocessable = (...errors: string[]): Reply => ({
  status: 422,
  body: { action: 'create_post', errors },
});

export class DiscourseFake extends FakeNetwork {
  readonly network = 'discourse';
  readonly revokedKeys = new Set<string>();
  readonly categories = [
    { id: 1, name: 'Uncategorized', slug: 'uncategorized' },
    { id: 4, name: 'Announcements', slug: 'announcements' },
    { id: 5, name: 'Annonces', slug: 'annonces' },
  ];
  /** `allow_uncategorized_topics`: false by default. */
  allowUncategorized = false;
  /** The next topic goes to the review queue (200 `enqueued`). */
  queueNext = false;
  /** The API key may not list private messages (a granular scope without them): 403. */
  refusePrivateMessages = false;
  readonly uploads: { filename: string; size: number }[] = [];
  /** Ids of the posts deleted through the API. */
  readonly deleted: number[] = [];
  private posts = new Map<number, ForumPost>();
  private topics = new Map<number, Topic>();
  private nextId = 1000;

  protected resetState(): void {
    this.revokedKeys.clear();
    this.posts.clear();
    this.topics.clear();
    this.uploads.length = 0;
    this.deleted.length = 0;
    this.allowUncategorized = false;
    this.queueNext = false;
    this.refusePrivateMessages = false;
  }

  deletePost(remoteId: string): boolean {
    return this.posts.delete(Number(remoteId));
  }

  /** A post someone writes in the topic of `postId` (a post of that topic), answering post number `replyTo`. */
  addPost(
    postId: string | number,
    post: { username: string; raw: string; replyTo?: number | null; postType?: number }
  ): number {
    const topicId = this.posts.get(Number(postId))!.topicId;
    const created: ForumPost = {
      id: this.nextId++,
      topicId,
      postNumber: Math.max(0, ...this.topicPosts(topicId).map((p) => p.postNumber)) + 1,
      username: post.username,
      raw: post.raw,
      createdAt: this.now(),
      replyToPostNumber: post.replyTo ?? null,
      postType: post.postType ?? 1,
    };
    this.posts.set(created.id, created);
    // Small actions and whispers do not bump a topic.
    if (created.postType === 1) this.bump(this.topics.get(topicId)!, created.createdAt);
    return created.id;
  }

  /**
   * `username` archives a private message, as "Archive" in Discourse does (`PUT /t/{id}/archive-message`):
   * it leaves their list of messages until someone writes in it again.
   */
  archiveMessage(postId: number, username: string) {
    const topic = this.topics.get(this.post(postId)!.topicId)!;
    topic.archivedBy = new Set([...(topic.archivedBy ?? []), username.toLowerCase()]);
  }

  /** A regular post moves its topic up the lists and back into the inbox of those who archived it. */
  private bump(topic: Topic, at: number) {
    topic.bumpedAt = at;
    topic.archivedBy?.clear();
  }

  /** A post as the forum keeps it (its topic, number, author, text), or undefined once deleted. */
  post(id: string | number) {
    return this.posts.get(Number(id));
  }

  /**
   * A private message `from` writes to `to` (the account, usually), as `POST /posts.json` with
   * `archetype: private_message` opens it: its first post's id.
   */
  sendPrivateMessage(message: {
    from: string;
    to: string;
    title: string;
    raw: string;
    ageMs?: number;
  }): number {
    const opened = this.openMessage(message.from, { title: message.title, target_recipients: message.to });
    if ('status' in opened) throw new Error(JSON.stringify(opened.body));
    const post: ForumPost = {
      id: this.nextId++,
      topicId: opened.id,
      postNumber: 1,
      username: message.from,
      raw: message.raw,
      createdAt: this.now() - (message.ageMs ?? 0),
      replyToPostNumber: null,
      postType: 1,
    };
    this.posts.set(post.id, post);
    opened.bumpedAt = post.createdAt;
    return post.id;
  }

  /** Whether `user` may read the topic: anyone a public topic, its participants a private message. */
  private canRead(topic: Topic, user: string): boolean {
    return topic.archetype === 'regular' || topic.participants.includes(user.toLowerCase());
  }

  private slugOf(title: string): string {
    return (
      title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'topic'
    );
  }

  /** A new public topic from `POST /posts.json` (title, category, `external_id`), or the refusal. */
  private openTopic(fields: Record<string, unknown>): Topic | Reply {
    const title = String(fields.title ?? '').trim();
    const titleLength = Array.from(title).length;
    if (titleLength < 15) return unprocessable('Title is too short (minimum is 15 characters)');
    if (titleLength > 255) return unprocessable('Title is too long (maximum is 255 characters)');
    const categoryId = Number(fields.category ?? 1);
    if (!this.categories.some((c) => c.id === categoryId)) return unprocessable('Category can’t be blank');
    if (categoryId === 1 && !this.allowUncategorized) return unprocessable('Category can’t be blank');
    if ([...this.topics.values()].some((t) => t.title.toLowerCase() === title.toLowerCase())) {
      return unprocessable('Title has already been used');
    }
    const externalId = fields.external_id ? String(fields.external_id) : undefined;
    if (
      externalId &&
      [...this.topics.values()].some((t) => t.externalId?.toLowerCase() === externalId.toLowerCase())
    ) {
      return unprocessable('External ID has already been taken');
    }
    if (this.queueNext) {
      this.queueNext = false;
      return {
        status: 200,
        body: { action: 'enqueued', pending_post: { id: this.nextId++, raw: fields.raw } },
      };
    }
    const topic: Topic = {
      id: this.nextId++,
      title,
      slug: this.slugOf(title),
      categoryId,
      externalId,
      archetype: 'regular',
      participants: [],
      bumpedAt: this.now(),
    };
    this.topics.set(topic.id, topic);
    return topic;
  }

  /** A new private message (`target_recipients`, formerly `target_usernames`: comma-separated), or the refusal. */
  private openMessage(user: string, fields: Record<string, unknown>): Topic | Reply {
    const title = String(fields.title ?? '').trim();
    if (Array.from(title).length < MIN_MESSAGE_TITLE)
      return unprocessable(`Title is too short (minimum is ${MIN_MESSAGE_TITLE} characters)`);
    const recipients = String(fields.target_recipients ?? fields.target_usernames ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean);
    if (recipients.length === 0) return unprocessable('You must choose a valid user.');
    const topic: Topic = {
      id: this.nextId++,
      title,
      slug: this.slugOf(title),
      categoryId: null,
      archetype: 'private_message',
      participants: [...new Set([user.toLowerCase(), ...recipients])],
      bumpedAt: this.now(),
    };
    this.topics.set(topic.id, topic);
    return topic;
  }

  /** The private messages `username` takes part in, most recently bumped first, as Discourse lists them. */
  private messagesOf(username: string, page: number) {
    const all = [...this.topics.values()]
      .filter(
        (t) =>
          t.archetype === 'private_message' &&
          t.participants.includes(username.toLowerCase()) &&
          !t.archivedBy?.has(username.toLowerCase())
      )
      .sort((a, b) => b.bumpedAt - a.bumpedAt || b.id - a.id);
    const topics = all.slice(page * TOPICS_PER_PAGE, (page + 1) * TOPICS_PER_PAGE).map((topic) => {
      const posts = this.topicPosts(topic.id);
      const last = posts[posts.length - 1];
      return {
        id: topic.id,
        title: topic.title,
        slug: topic.slug,
        archetype: topic.archetype,
        posts_count: posts.length,
        highest_post_number: last?.postNumber ?? 0,
        bumped_at: new Date(topic.bumpedAt).toISOString(),
        last_posted_at: last ? new Date(last.createdAt).toISOString() : null,
        last_poster_username: last?.username ?? null,
      };
    });
    const more = all.length > (page + 1) * TOPICS_PER_PAGE;
    return {
      users: [],
      topic_list: {
        per_page: TOPICS_PER_PAGE,
        topics,
        ...(more && {
          more_topics_url: `/topics/private-messages/${encodeURIComponent(username)}?page=${page + 1}`,
        }),
      },
    };
  }

  private topicPosts(topicId: number): ForumPost[] {
    return [...this.posts.values()]
      .filter((p) => p.topicId === topicId)
      .sort((a, b) => a.postNumber - b.postNumber);
  }

  private user(ctx: RequestContext): string | undefined {
    const key = ctx.headers['api-key'] as string | undefined;
    const username = ctx.headers['api-username'] as string | undefined;
    if (!key || !username || this.revokedKeys.has(key)) return undefined;
    return username;
  }

  protected accountOf(ctx: RequestContext) {
    return this.user(ctx);
  }

  protected rateLimited(waitMs: number): Reply {
    const seconds = Math.ceil(waitMs / 1000);
    return {
      status: 429,
      headers: { 'Retry-After': String(seconds) },
      body: {
        errors: [
          `You’ve performed this action too many times. Please wait ${seconds} seconds before trying again.`,
        ],
        error_type: 'rate_limit',
        extras: { wait_seconds: seconds, time_left: `${seconds} seconds` },
      },
    };
  }

  protected serverError(): Reply {
    return { status: 502, body: { status: 502, error: 'Bad Gateway' } };
  }

  private postJson(post: ForumPost) {
    const topic = this.topics.get(post.topicId)!;
    const age = post.createdAt;
    return {
      id: post.id,
      topic_id: post.topicId,
      topic_slug: topic.slug,
      post_number: post.postNumber,
      username: post.username,
      raw: post.raw,
      cooked: `<p>${post.raw.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
      created_at: new Date(post.createdAt).toISOString(),
      reply_to_post_number: post.replyToPostNumber,
      post_type: post.postType,
      reads: this.grown(age, `${post.id}:reads`, 12),
      reply_count: this.grown(age, `${post.id}:replies`, 0.5),
      quote_count: this.grown(age, `${post.id}:quotes`, 0.2),
      actions_summary: [{ id: 2, count: this.grown(age, `${post.id}:likes`, 3) }],
    };
  }

  private topicJson(topic: Topic) {
    const posts = this.topicPosts(topic.id);
    return {
      id: topic.id,
      title: topic.title,
      slug: topic.slug,
      archetype: topic.archetype,
      category_id: topic.categoryId,
      posts_count: posts.length,
      chunk_size: CHUNK_SIZE,
      post_stream: {
        posts: posts.slice(0, CHUNK_SIZE).map((p) => this.postJson(p)),
        stream: posts.map((p) => p.id),
      },
    };
  }

  protected routes(): Route[] {
    const authed = (handle: (ctx: RequestContext, user: string) => Reply) => (ctx: RequestContext) => {
      const user = this.user(ctx);
      return user ? handle(ctx, user) : invalidAccess;
    };
    return [
      {
        method: 'POST',
        path: /^\/posts\.json$/,
        publish: true,
        handle: authed((ctx, user) => {
          const fields = ctx.fields();
          const raw = String(fields.raw ?? '');
          let topic: Topic | undefined;
          if (fields.topic_id) {
            topic = this.topics.get(Number(fields.topic_id));
            if (!topic) return notFound;
            if (!this.canRead(topic, user)) return invalidAccess;
          }
          const privateMessage = topic
            ? topic.archetype === 'private_message'
            : String(fields.archetype ?? '') === 'private_message';
          const minimum = privateMessage ? MIN_MESSAGE_POST : 20;
          const length = Array.from(raw.trim()).length;
          if (length < minimum) return unprocessable(`Body is too short (minimum is ${minimum} characters)`);
          if (length > 32_000)
            return unprocessable('Body is limited to 32000 characters; you entered ' + length + '.');
          if (!topic) {
            const opened = privateMessage ? this.openMessage(user, fields) : this.openTopic(fields);
            if ('status' in opened) return opened;
            topic = opened;
          }
          const inTopic = this.topicPosts(topic.id);
          const replyTo = fields.reply_to_post_number ? Number(fields.reply_to_post_number) : null;
          const answered = replyTo ? inTopic.find((p) => p.postNumber === replyTo) : undefined;
          const post: ForumPost = {
            id: this.nextId++,
            topicId: topic.id,
            postNumber: Math.max(0, ...inTopic.map((p) => p.postNumber)) + 1,
            username: user,
            raw,
            createdAt: this.now(),
            replyToPostNumber: answered ? replyTo : null,
            postType: 1,
          };
          this.posts.set(post.id, post);
          this.bump(topic, post.createdAt);
          this.record({
            id: String(post.id),
            account: user,
            text: raw,
            ...(answered && { inReplyTo: String(answered.id) }),
          });
          return { status: 200, body: this.postJson(post) };
        }),
      },
      {
        method: 'GET',
        path: /^\/posts\/(\d+)\.json$/,
        metrics: true,
        handle: authed((ctx, user) => {
          const post = this.posts.get(Number(ctx.params[0]));
          if (post && !this.canRead(this.topics.get(post.topicId)!, user)) return notPermitted;
          return post
            ? { status: 200, body: this.postJson(post) }
            : {
                status: 404,
                body: {
                  errors: ['The requested URL or resource could not be found.'],
                  error_type: 'not_found',
                },
              };
        }),
      },
      {
        method: 'DELETE',
        path: /^\/posts\/(\d+)\.json$/,
        handle: authed((ctx, user) => {
          const post = this.posts.get(Number(ctx.params[0]));
          if (!post) return notFound;
          if (post.username.toLowerCase() !== user.toLowerCase()) return invalidAccess;
          this.posts.delete(post.id);
          this.deleted.push(post.id);
          return { status: 200 };
        }),
      },
      {
        method: 'GET',
        path: /^\/posts\.json$/,
        metrics: true,
        handle: authed(() => ({
          status: 200,
          body: {
            // Public posts only: private messages are not in the latest posts.
            latest_posts: [...this.posts.values()]
              .filter((p) => this.topics.get(p.topicId)?.archetype === 'regular')
              .filter((p) => this.visibleInLookups(p.createdAt))
              .reverse()
              .slice(0, 50)
              .map((p) => this.postJson(p)),
          },
        })),
      },
      {
        method: 'GET',
        path: /^\/t\/external_id\/([^/]+)\.json$/,
        handle: authed((ctx) => {
          const wanted = decodeURIComponent(ctx.params[0]).toLowerCase();
          const topic = [...this.topics.values()].find((t) => t.externalId?.toLowerCase() === wanted);
          return topic
            ? { status: 301, headers: { Location: `${this.baseUrl}/t/${topic.id}.json` } }
            : {
                status: 404,
                body: {
                  errors: ['The requested URL or resource could not be found.'],
                  error_type: 'not_found',
                },
              };
        }),
      },
      {
        method: 'GET',
        path: /^\/t\/(\d+)\/posts\.json$/,
        metrics: true,
        handle: authed((ctx, user) => {
          const topic = this.topics.get(Number(ctx.params[0]));
          if (!topic) return notFound;
          if (!this.canRead(topic, user)) return notPermitted;
          const wanted = new Set(ctx.url.searchParams.getAll('post_ids[]').map(Number));
          const posts = this.topicPosts(topic.id).filter((p) => wanted.has(p.id));
          return {
            status: 200,
            body: { id: topic.id, post_stream: { posts: posts.map((p) => this.postJson(p)) } },
          };
        }),
      },
      {
        method: 'GET',
        path: /^\/t\/(\d+)\.json$/,
        metrics: true,
        handle: authed((ctx, user) => {
          const topic = this.topics.get(Number(ctx.params[0]));
          if (topic && !this.canRead(topic, user)) return notPermitted;
          return topic
            ? { status: 200, body: this.topicJson(topic) }
            : {
                status: 404,
                body: {
                  errors: ['The requested URL or resource could not be found.'],
                  error_type: 'not_found',
                },
              };
        }),
      },
      {
        method: 'GET',
        path: /^\/topics\/private-messages\/([^/]+)\.json$/,
        metrics: true,
        handle: authed((ctx, user) => {
          const username = decodeURIComponent(ctx.params[0]);
          if (username.toLowerCase() !== user.toLowerCase() || this.refusePrivateMessages)
            return notPermitted;
          const page = Math.max(0, Number(ctx.url.searchParams.get('page') ?? 0) || 0);
          return { status: 200, body: this.messagesOf(username, page) };
        }),
      },
      {
        method: 'GET',
        path: /^\/categories\.json$/,
        handle: authed(() => ({ status: 200, body: { category_list: { categories: this.categories } } })),
      },
      {
        method: 'POST',
        path: /^\/uploads\.json$/,
        handle: authed((ctx) => {
          const { files, fields } = ctx.multipart();
          const file = files.find((f) => f.name === 'file');
          if (!file || fields.type !== 'composer') {
            return {
              status: 422,
              body: { errors: ['Sorry, the file you are trying to upload is not authorized.'] },
            };
          }
          this.uploads.push({ filename: file.filename, size: file.data.length });
          const sha = String(this.nextId++).padStart(8, '0');
          return {
            status: 200,
            body: {
              id: this.nextId++,
              url: `${this.baseUrl}/uploads/default/original/1X/${sha}.png`,
              short_url: `upload://${sha}.png`,
              original_filename: file.filename,
              width: 1,
              height: 1,
            },
          };
        }),
      },
    ];
  }
}
