/**
 * Reading a network whose replies hang under each post (Facebook and LinkedIn comments): one sweep goes
 * over our recent posts in order, each read page by page from a time on, and the cursor carries where
 * the sweep stands (the post, the network's page token) so a sweep cut short carries on. The time a
 * sweep reads from is when the sweep before it started (less a minute for clocks that disagree): a
 * comment written on a post already swept is read by the next sweep, never lost; the minute read again
 * only finds comments already kept.
 */

/** Where a sweep stands: reading from `since` (epoch ms), at `post` with the page token `page`. */
export type Sweep = { since: number; post: string | null; page: string | null; startedAt: number | null };

const SEPARATOR = ' ';
/** How far two clocks may disagree: the sweep reads that much before the last sweep's start. */
export const CLOCK_MARGIN_MS = 60_000;

export function readSweep(cursor: string | null | undefined, firstSince: Date): Sweep {
  if (!cursor) return { since: firstSince.getTime(), post: null, page: null, startedAt: null };
  const [since, post = '', page = '', startedAt = ''] = cursor.split(SEPARATOR);
  return {
    since: Number(since) || firstSince.getTime(),
    post: post || null,
    page: page || null,
    startedAt: Number(startedAt) || null,
  };
}

export function writeSweep(sweep: Sweep): string {
  return sweep.post
    ? [sweep.since, sweep.post, sweep.page ?? '', sweep.startedAt ?? ''].join(SEPARATOR)
    : String(sweep.since);
}

/** The post to read now: where the sweep stands, or the first of the list when it starts (Discourse's topic sweep too). */
export function currentPost<S extends Pick<Sweep, 'post'>>(sweep: S, posts: string[]): string | null {
  if (posts.length === 0) return null;
  if (!sweep.post) return posts[0];
  // The post may have left the list (older than the window): carry on with the next one.
  const index = posts.indexOf(sweep.post);
  return index >= 0 ? sweep.post : (posts.find((id) => id > sweep.post!) ?? null);
}

/**
 * The cursor after reading one page of `post`: the same post's next page, or the next post, or the
 * end of the sweep (the next one reads from this sweep's start).
 */
export function sweepOn(
  sweep: Sweep,
  posts: string[],
  post: string,
  next: string | null,
  now = Date.now()
): { cursor: string; more: boolean } {
  const startedAt = sweep.startedAt ?? now;
  if (next) return { cursor: writeSweep({ ...sweep, post, page: next, startedAt }), more: true };
  const following = posts[posts.indexOf(post) + 1];
  if (following)
    return { cursor: writeSweep({ ...sweep, post: following, page: null, startedAt }), more: true };
  return {
    cursor: writeSweep({
      since: Math.max(sweep.since, startedAt - CLOCK_MARGIN_MS),
      post: null,
      page: null,
      startedAt: null,
    }),
    more: false,
  };
}

/** The sweep ends at once (no post to read): the next reads from now on. */
export function emptySweep(sweep: Sweep, now = Date.now()): { cursor: string; more: boolean } {
  return {
    cursor: writeSweep({
      since: Math.max(sweep.since, (sweep.startedAt ?? now) - CLOCK_MARGIN_MS),
      post: null,
      page: null,
      startedAt: null,
    }),
    more: false,
  };
}
