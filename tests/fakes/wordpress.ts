/**
 * WordPress REST API (core, /wp-json/wp/v2): application passwords over HTTP Basic (a wrong one is
 * 401 `incorrect_password`, none at all is the anonymous 401 `rest_cannot_create`), 201 + Location on
 * create, colliding slugs get `-2`, an unknown `featured_media` is ignored (the post is created
 * without it, as core does), raw-bytes media uploads that need a Content-Disposition, tags and
 * categories searched by name (`term_exists` on a second create), comments counted in `X-WP-Total`.
 * Core has no rate limit; its 429 here is a host's (Retry-After in seconds). A post created `future`
 * (or `publish` with a `date_gmt` more than a minute ahead) is held until that date on the fake's
 * clock, then `publish`; DELETE moves a post to the trash (`?force=true` deletes it). Comments:
 * only approved ones are listed; `POST /comments` answers one as the user (approved: the user
 * moderates), `POST /comments/:id` with `status` holds or approves it, `DELETE /comments/:id` trashes
 * it (410 `rest_already_trashed` a second time); `GET /comments` filters by `post`, `parent` and `author`
 * (the user's id, as `/users/me` answers it; a reader's comment has none); a user in `cannotModerate` is refused with 403
 * `rest_cannot_edit` / `rest_cannot_delete`, an unknown id is 404 `rest_comment_invalid_id`.
 */
import { FakeNetwork, type Reply, type RequestContext, type Route } from './base';

type Article = {
  id: number;
  author: string;
  title: string;
  content: string;
  excerpt: string;
  slug: string;
  status: string;
  date_gmt: string;
  createdAt: number;
  categories: number[];
  tags: number[];
  featured_media: number;
};

const error = (status: number, code: string, message: string, data: object = {}): Reply => ({
  status,
  body: { code, message, data: { status, ...data } },
});

export type BlogComment = {
  id: number;
  post: number;
  parent: number;
  author_name: string;
  author?: string;
  content: string;
  at: number;
  status: 'approved' | 'hold' | 'spam' | 'trash';
};

const gmt = (ms: number) => new Date(ms).toISOString().slice(0, 19);

export class WordPressFake extends FakeNetwork {
  readonly network = 'wordpress';
  /** Application passwords that were revoked (answer 401 incorrect_password). */
  readonly revokedPasswords = new Set<string>();
  readonly categories = new Map<number, string>();
  readonly tags = new Map<number, string>();
  readonly media = new Map<number, { filename: string; type: string; size: number; alt: string }>();
  private articles = new Map<number, Article>();
  /** Users (by login) whose role may not moderate comments: Authors, Contributors. */
  readonly cannotModerate = new Set<string>();
  /**
   * Comments by id, readers' and ours (`author`: the user who wrote it): listed by `/comments?post=`
   * with `after`, `page`, `per_page` while approved.
   */
  readonly comments = new Map<number, BlogComment>();
  private nextCommentId = 500;
  private nextId = 100;

  protected resetState(): void {
    this.revokedPasswords.clear();
    this.cannotModerate.clear();
    this.comments.clear();
    this.articles.clear();
    this.media.clear();
    this.tags.clear();
    this.categories.clear();
    this.categories.set(1, 'Non classé');
    this.categories.set(2, 'Actualités');
    this.categories.set(3, 'Événements');
    this.nextId = 100;
  }

  constructor() {
    super();
    this.resetState();
  }

  deletePost(remoteId: string): boolean {
    return this.articles.delete(Number(remoteId));
  }

  /** The user a request authenticates as, or the 401 WordPress answers. */
  private user(ctx: RequestContext): { user: string } | { denied: Reply } {
    const header = String(ctx.headers.authorization ?? '');
    if (!header.startsWith('Basic ')) {
      return {
        denied: error(401, 'rest_cannot_create', 'Sorry, you are not allowed to create posts as this user.'),
      };
    }
    const [user, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
    const password = rest.join(':').replace(/\s+/g, '');
    if (!user) return { denied: error(401, 'invalid_username', 'Unknown username.') };
    if (password.length !== 24 || this.revokedPasswords.has(password)) {
      return {
        denied: error(401, 'incorrect_password', 'The provided password is an invalid application password.'),
      };
    }
    return { user };
  }

  protected accountOf(ctx: RequestContext) {
    const found = this.user(ctx);
    return 'user' in found ? found.user : undefined;
  }

  protected rateLimited(waitMs: number): Reply {
    return {
      status: 429,
      headers: { 'Retry-After': String(Math.ceil(waitMs / 1000)) },
      body: {
        code: 'too_many_requests',
        message: 'Too many requests. Please slow down.',
        data: { status: 429 },
      },
    };
  }

  protected serverError(): Reply {
    return error(500, 'internal_server_error', 'There has been a critical error on this website.');
  }

  /** WordPress's cron publishes a `future` post at its date (on the fake's clock). */
  private publishDue(article: Article): Article {
    if (article.status === 'future' && Date.parse(`${article.date_gmt}Z`) <= this.now())
      article.status = 'publish';
    return article;
  }

  /**
   * A reader's approved comment on an article (or under another comment): its id. `asUser`: written
   * by that blog user instead (the team commenting on the blog itself).
   */
  addComment(
    postId: string | number,
    comment: { text: string; author?: string; parentId?: number; at?: number; asUser?: string }
  ) {
    const id = this.nextCommentId++;
    this.comments.set(id, {
      id,
      post: Number(postId),
      parent: comment.parentId ?? 0,
      author_name: comment.author ?? comment.asUser ?? 'Lecteur',
      ...(comment.asUser && { author: comment.asUser }),
      content: comment.text,
      at: comment.at ?? this.now(),
      status: 'approved',
    });
    return id;
  }

  private readonly userIds = new Map<string, number>();

  /** A user's id, as `/users/me` and a comment's `author` give it. */
  private userId(user: string): number {
    if (!this.userIds.has(user)) this.userIds.set(user, this.userIds.size + 1);
    return this.userIds.get(user)!;
  }

  private commentJson(c: BlogComment) {
    return {
      id: c.id,
      post: c.post,
      parent: c.parent,
      author_name: c.author_name,
      // A reader's comment has no user (0); the API user's comments carry its id.
      author: c.author ? this.userId(c.author) : 0,
      date_gmt: gmt(c.at),
      status: c.status === 'approved' ? 'approved' : c.status,
      content: { rendered: `<p>${c.content}</p>\n` },
      link: `${this.baseUrl}/?p=${c.post}#comment-${c.id}`,
    };
  }

  /** A comment the request may moderate, or WordPress's refusal. */
  private moderated(id: string, user: string, refusal: 'rest_cannot_edit' | 'rest_cannot_delete') {
    const comment = this.comments.get(Number(id));
    if (!comment) return error(404, 'rest_comment_invalid_id', 'Invalid comment ID.');
    if (this.cannotModerate.has(user) && comment.author !== user)
      return error(
        403,
        refusal,
        refusal === 'rest_cannot_edit'
          ? 'Sorry, you are not allowed to edit this comment.'
          : 'Sorry, you are not allowed to delete this comment.'
      );
    return comment;
  }

  /** What the blog holds for later: the posts still `future`, for tests. */
  scheduledArticles() {
    return [...this.articles.values()]
      .map((a) => this.publishDue(a))
      .filter((a) => a.status === 'future')
      .map((a) => ({ id: a.id, title: a.title, content: a.content, date_gmt: a.date_gmt }));
  }

  statusOf(id: string | number): string | undefined {
    const article = this.articles.get(Number(id));
    return article && this.publishDue(article).status;
  }

  private articleJson(article: Article, edit: boolean) {
    this.publishDue(article);
    const link = `${this.baseUrl}/${article.slug}/`;
    return {
      id: article.id,
      date_gmt: article.date_gmt,
      slug: article.slug,
      status: article.status,
      link,
      title: { rendered: article.title, ...(edit && { raw: article.title }) },
      content: { rendered: article.content, ...(edit && { raw: article.content }) },
      excerpt: { rendered: `<p>${article.excerpt}</p>`, ...(edit && { raw: article.excerpt }) },
      author: 1,
      featured_media: article.featured_media,
      categories: article.categories,
      tags: article.tags,
    };
  }

  /** Comments an article has by now: a few a day on the fake's clock. */
  private commentsOf(article: Article): number {
    return this.grown(article.createdAt, `${article.id}:comments`, 0.5);
  }

  private terms(taxonomy: 'categories' | 'tags') {
    return taxonomy === 'categories' ? this.categories : this.tags;
  }

  protected routes(): Route[] {
    const withUser = (handle: (ctx: RequestContext, user: string) => Reply) => (ctx: RequestContext) => {
      const found = this.user(ctx);
      return 'denied' in found ? found.denied : handle(ctx, found.user);
    };
    return [
      {
        method: 'POST',
        path: /^\/wp-json\/wp\/v2\/posts$/,
        publish: true,
        handle: withUser((ctx, user) => {
          const body = ctx.json();
          const title = String(body.title ?? '');
          const content = String(body.content ?? '');
          const excerpt = String(body.excerpt ?? '');
          if (!title.trim() && !content.trim() && !excerpt.trim()) {
            return error(400, 'empty_content', 'Content, title, and excerpt are empty.');
          }
          const wanted = String(body.slug ?? '') || title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
          let slug = wanted;
          for (let n = 2; [...this.articles.values()].some((a) => a.slug === slug); n++)
            slug = `${wanted}-${n}`;
          const now = Date.now();
          const scheduled = body.date_gmt ? Date.parse(`${body.date_gmt}Z`) : now;
          // wp_insert_post: `publish` over a minute ahead is held as `future`; `future` nearer is published.
          const asked = String(body.status ?? 'draft');
          const status =
            asked === 'publish' && scheduled > now + 60_000
              ? 'future'
              : asked === 'future' && scheduled <= now + 60_000
                ? 'publish'
                : asked;
          const article: Article = {
            id: this.nextId++,
            author: user,
            title,
            content,
            excerpt,
            slug,
            status,
            date_gmt: gmt(scheduled),
            createdAt: now,
            categories: (body.categories ?? []).length > 0 ? body.categories : [1],
            tags: body.tags ?? [],
            // An unknown id is dropped: core creates the post without a thumbnail.
            featured_media: this.media.has(Number(body.featured_media)) ? Number(body.featured_media) : 0,
          };
          this.articles.set(article.id, article);
          this.record({ id: String(article.id), account: user, text: content });
          return {
            status: 201,
            headers: { Location: `${this.baseUrl}/wp-json/wp/v2/posts/${article.id}` },
            body: this.articleJson(article, true),
          };
        }),
      },
      {
        method: 'DELETE',
        path: /^\/wp-json\/wp\/v2\/posts\/(\d+)$/,
        handle: withUser((ctx) => {
          const article = this.articles.get(Number(ctx.params[0]));
          if (!article || article.status === 'trash')
            return error(404, 'rest_post_invalid_id', 'Invalid post ID.');
          if (ctx.url.searchParams.get('force') === 'true') {
            this.articles.delete(article.id);
            return { status: 200, body: { deleted: true, previous: this.articleJson(article, true) } };
          }
          article.status = 'trash';
          return { status: 200, body: this.articleJson(article, true) };
        }),
      },
      {
        method: 'GET',
        path: /^\/wp-json\/wp\/v2\/posts\/(\d+)$/,
        metrics: true,
        handle: withUser((ctx) => {
          const article = this.articles.get(Number(ctx.params[0]));
          if (!article) return error(404, 'rest_post_invalid_id', 'Invalid post ID.');
          return {
            status: 200,
            body: this.articleJson(article, ctx.url.searchParams.get('context') === 'edit'),
          };
        }),
      },
      {
        method: 'GET',
        path: /^\/wp-json\/wp\/v2\/posts$/,
        handle: withUser((ctx) => {
          const params = ctx.url.searchParams;
          const after = params.get('after') ? Date.parse(params.get('after')!) : 0;
          const statuses = (params.get('status') ?? 'publish').split(',');
          const slug = params.get('slug');
          const found = [...this.articles.values()]
            .filter(
              (a) =>
                statuses.includes(this.publishDue(a).status) &&
                a.createdAt >= after &&
                (!slug || a.slug === slug) &&
                this.visibleInLookups(a.createdAt)
            )
            .reverse()
            .slice(0, Math.min(100, Number(params.get('per_page') ?? 10)));
          return {
            status: 200,
            headers: { 'X-WP-Total': String(found.length), 'X-WP-TotalPages': '1' },
            body: found.map((a) => this.articleJson(a, params.get('context') === 'edit')),
          };
        }),
      },
      {
        method: 'GET',
        path: /^\/wp-json\/wp\/v2\/(categories|tags)$/,
        handle: withUser((ctx) => {
          const search = (ctx.url.searchParams.get('search') ?? '').toLowerCase();
          const terms = [...this.terms(ctx.params[0] as 'categories' | 'tags')]
            .filter(([, name]) => name.toLowerCase().includes(search))
            .map(([id, name]) => ({ id, name: name.replace(/&/g, '&amp;'), slug: name.toLowerCase() }));
          return { status: 200, body: terms };
        }),
      },
      {
        method: 'POST',
        path: /^\/wp-json\/wp\/v2\/tags$/,
        handle: withUser((ctx) => {
          const name = String(ctx.json().name ?? '').trim();
          if (!name) return error(400, 'rest_missing_callback_param', 'Missing parameter(s): name');
          const existing = [...this.tags].find(([, n]) => n.toLowerCase() === name.toLowerCase());
          if (existing) {
            return error(
              400,
              'term_exists',
              'A term with the name provided already exists in this taxonomy.',
              {
                term_id: existing[0],
              }
            );
          }
          const id = this.nextId++;
          this.tags.set(id, name);
          return { status: 201, body: { id, name, slug: name.toLowerCase(), taxonomy: 'post_tag' } };
        }),
      },
      {
        method: 'POST',
        path: /^\/wp-json\/wp\/v2\/media$/,
        handle: withUser((ctx) => {
          if (ctx.body.length === 0) return error(400, 'rest_upload_no_data', 'No data supplied.');
          const type = String(ctx.headers['content-type'] ?? '');
          if (!type) return error(400, 'rest_upload_no_content_type', 'No Content-Type supplied.');
          const disposition = String(ctx.headers['content-disposition'] ?? '');
          if (!disposition) {
            return error(400, 'rest_upload_no_content_disposition', 'No Content-Disposition supplied.');
          }
          const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1];
          if (!filename) {
            return error(400, 'rest_upload_invalid_disposition', 'Invalid Content-Disposition supplied.');
          }
          const id = this.nextId++;
          this.media.set(id, { filename, type, size: ctx.body.length, alt: '' });
          return {
            status: 201,
            body: {
              id,
              source_url: `${this.baseUrl}/wp-content/uploads/${filename}`,
              media_type: 'image',
              mime_type: type,
            },
          };
        }),
      },
      {
        method: 'POST',
        path: /^\/wp-json\/wp\/v2\/media\/(\d+)$/,
        handle: withUser((ctx) => {
          const media = this.media.get(Number(ctx.params[0]));
          if (!media) return error(404, 'rest_post_invalid_id', 'Invalid post ID.');
          media.alt = String(ctx.json().alt_text ?? media.alt);
          return { status: 200, body: { id: Number(ctx.params[0]), alt_text: media.alt } };
        }),
      },
      {
        method: 'GET',
        path: /^\/wp-json\/wp\/v2\/comments$/,
        metrics: true,
        handle: (ctx) => {
          const params = ctx.url.searchParams;
          const list = (name: string) => (params.get(name) ?? '').split(',').filter(Boolean).map(Number);
          const [ids, parents, authors, excluded] = [
            list('post'),
            list('parent'),
            list('author'),
            list('author_exclude'),
          ];
          const perPage = Number(params.get('per_page') ?? 10);
          if (!(perPage >= 1 && perPage <= 100))
            return error(400, 'rest_invalid_param', 'Invalid parameter(s): per_page', {
              params: { per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive)' },
            });
          const page = Number(params.get('page') ?? 1);
          const after = params.get('after') ? Date.parse(`${params.get('after')!.replace(/Z$/, '')}Z`) : 0;
          const written = [...this.comments.values()]
            .filter((c) => ids.length === 0 || ids.includes(c.post))
            .filter((c) => parents.length === 0 || parents.includes(c.parent))
            .filter((c) => authors.length === 0 || (!!c.author && authors.includes(this.userId(c.author))))
            .filter((c) => !c.author || !excluded.includes(this.userId(c.author)))
            .filter((c) => c.at > after && c.status === 'approved')
            .sort((a, b) =>
              params.get('order') === 'asc' ? a.at - b.at || a.id - b.id : b.at - a.at || b.id - a.id
            );
          // The count also holds the comments the fake's clock grows (engagement), which are not listed.
          const grown = ids.reduce((sum, id) => {
            const article = this.articles.get(id);
            return sum + (article ? this.commentsOf(article) : 0);
          }, 0);
          const total = grown + written.length;
          const pages = Math.max(1, Math.ceil(written.length / perPage));
          if (page > pages && written.length > 0)
            return error(
              400,
              'rest_comment_invalid_page_number',
              'The page number requested is larger than the number of pages available.'
            );
          return {
            status: 200,
            headers: { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(pages) },
            body: written.slice((page - 1) * perPage, page * perPage).map((c) => this.commentJson(c)),
          };
        },
      },
      {
        method: 'GET',
        path: /^\/wp-json\/wp\/v2\/comments\/(\d+)$/,
        handle: withUser((ctx) => {
          const comment = this.comments.get(Number(ctx.params[0]));
          if (!comment) return error(404, 'rest_comment_invalid_id', 'Invalid comment ID.');
          return { status: 200, body: this.commentJson(comment) };
        }),
      },
      {
        method: 'POST',
        path: /^\/wp-json\/wp\/v2\/comments$/,
        publish: true,
        handle: withUser((ctx, user) => {
          const body = ctx.json();
          const article = this.articles.get(Number(body.post));
          if (!article || article.status === 'trash')
            return error(
              403,
              'rest_comment_invalid_post_id',
              'Sorry, you are not allowed to create this comment without a post.'
            );
          const parent = Number(body.parent ?? 0);
          if (parent && this.comments.get(parent)?.post !== article.id)
            return error(400, 'rest_comment_invalid_parent', 'Invalid comment parent.');
          const content = String(body.content ?? '');
          if (!content.trim()) return error(400, 'rest_comment_content_invalid', 'Invalid comment content.');
          const id = this.nextCommentId++;
          const comment: BlogComment = {
            id,
            post: article.id,
            parent,
            author_name: user,
            author: user,
            content,
            at: this.now(),
            // A user who moderates comments is approved at once; others wait in the queue.
            status: this.cannotModerate.has(user) ? 'hold' : 'approved',
          };
          this.comments.set(id, comment);
          this.record({ id: String(id), account: user, text: content, inReplyTo: String(parent) });
          return { status: 201, body: this.commentJson(comment) };
        }),
      },
      {
        method: 'POST',
        path: /^\/wp-json\/wp\/v2\/comments\/(\d+)$/,
        handle: withUser((ctx, user) => {
          const comment = this.moderated(ctx.params[0], user, 'rest_cannot_edit');
          if (!('id' in comment)) return comment;
          const status = String(ctx.json().status ?? '');
          const statuses: Record<string, BlogComment['status']> = {
            hold: 'hold',
            approve: 'approved',
            approved: 'approved',
            spam: 'spam',
            trash: 'trash',
          };
          if (status && !statuses[status])
            return error(400, 'rest_invalid_param', 'Invalid parameter(s): status');
          if (status) comment.status = statuses[status];
          return { status: 200, body: this.commentJson(comment) };
        }),
      },
      {
        method: 'DELETE',
        path: /^\/wp-json\/wp\/v2\/comments\/(\d+)$/,
        handle: withUser((ctx, user) => {
          const comment = this.moderated(ctx.params[0], user, 'rest_cannot_delete');
          if (!('id' in comment)) return comment;
          if (ctx.url.searchParams.get('force') === 'true') {
            this.comments.delete(comment.id);
            return { status: 200, body: { deleted: true, previous: this.commentJson(comment) } };
          }
          if (comment.status === 'trash')
            return error(410, 'rest_already_trashed', 'The comment has already been trashed.');
          comment.status = 'trash';
          return { status: 200, body: this.commentJson(comment) };
        }),
      },
      {
        method: 'GET',
        path: /^\/wp-json\/wp\/v2\/users\/me$/,
        handle: withUser((_ctx, user) => ({
          status: 200,
          body: { id: this.userId(user), name: user, slug: user },
        })),
      },
    ];
  }
}
