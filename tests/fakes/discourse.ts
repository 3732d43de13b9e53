/**
 * Discourse: `Api-Key` + `Api-Username` (403 `invalid_access` otherwise), `POST /posts.json` for a
 * topic (title 15–255, a category, `external_id` unique) or a reply (`topic_id`), posts of 20 to 32,000
 * characters, "Title has already been used"; `/t/external_id/{id}.json` answers 301 to the topic; the
 * app-level 429 with `extras.wait_seconds` and Retry-After; uploads (`POST /uploads.json`) answer a
 * `short_url`. Reads, likes, replies and quotes grow with a post's age. Topics as the API reads them:
 * `/t/{id}.json` carries the whole `post_stream.stream` (post ids in order) and the first chunk of 20
 * posts, `/t/{id}/posts.json?post_ids[]=…` the posts asked for; a reply names the post it answers with
 * `reply_to_post_number`; `DELETE /posts/{id}.json` deletes a post of the API user's. Those reads answer
 * the scripted read failures (`failNextRead`), the 429 in Discourse's shape among them.
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
type Topic = { id: number; title: string; slug: string; categoryId: number; externalId?: string };

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
      createdAt: Date.now(),
      replyToPostNumber: post.replyTo ?? null,
      postType: post.postType ?? 1,
    };
    this.posts.set(created.id, created);
    return created.id;
  }

  /** A post as the forum keeps it (its topic, number, author, text), or undefined once deleted. */
  post(id: string | number) {
    return this.posts.get(Number(id));
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
          const length = Array.from(raw.trim()).length;
          if (length < 20) return unprocessable('Body is too short (minimum is 20 characters)');
          if (length > 32_000)
            return unprocessable('Body is limited to 32000 characters; you entered ' + length + '.');
          let topic: Topic | undefined;
          if (fields.topic_id) {
            topic = this.topics.get(Number(fields.topic_id));
            if (!topic)
              return {
                status: 404,
                body: {
                  errors: ['The requested URL or resource could not be found.'],
                  error_type: 'not_found',
                },
              };
          } else {
            const title = String(fields.title ?? '').trim();
            const titleLength = Array.from(title).length;
            if (titleLength < 15) return unprocessable('Title is too short (minimum is 15 characters)');
            if (titleLength > 255) return unprocessable('Title is too long (maximum is 255 characters)');
            const categoryId = Number(fields.category ?? 1);
            if (!this.categories.some((c) => c.id === categoryId))
              return unprocessable('Category can’t be blank');
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
              return { status: 200, body: { action: 'enqueued', pending_post: { id: this.nextId++, raw } } };
            }
            topic = {
              id: this.nextId++,
              title,
              slug:
                title
                  .toLowerCase()
                  .replace(/[^a-z0-9]+/g, '-')
                  .replace(/^-|-$/g, '') || 'topic',
              categoryId,
              externalId,
            };
            this.topics.set(topic.id, topic);
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
            createdAt: Date.now(),
            replyToPostNumber: answered ? replyTo : null,
            postType: 1,
          };
          this.posts.set(post.id, post);
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
        handle: authed((ctx) => {
          const post = this.posts.get(Number(ctx.params[0]));
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
            latest_posts: [...this.posts.values()]
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
        handle: authed((ctx) => {
          const topic = this.topics.get(Number(ctx.params[0]));
          if (!topic) return notFound;
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
        handle: authed((ctx) => {
          const topic = this.topics.get(Number(ctx.params[0]));
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
