/**
 * Reading a network that answers newest first (Bluesky notifications, X mentions) without reading its
 * history again: each read goes down from the top to the mark (the newest item kept last time), page
 * after page with the network's own page token; only when the mark is reached does it move up to the
 * newest item of that descent. A descent cut short (the round's pages used up, a 429, a crash) carries
 * on from its page token, so nothing between the top and the mark is skipped, and what arrives
 * meanwhile above the top is read by the next descent.
 */

/** Where a descent stands: the mark, the network's token for the next page down, the newest item seen. */
export type Descent = { mark: string; page: string | null; top: string | null };

/** Tokens from these networks never hold a space: it separates the three parts in the stored cursor. */
const SEPARATOR = ' ';

export function readDescent(cursor: string | null | undefined, firstMark: string): Descent {
  if (!cursor) return { mark: firstMark, page: null, top: null };
  const [mark = firstMark, page = '', top = ''] = cursor.split(SEPARATOR);
  return { mark, page: page || null, top: top || null };
}

export function writeDescent(descent: Descent): string {
  return descent.page || descent.top
    ? [descent.mark, descent.page ?? '', descent.top ?? ''].join(SEPARATOR)
    : descent.mark;
}

/**
 * The cursor after one page: `newest` is the newest item of this page (null when it was empty),
 * `next` the network's token for the page below, `reachedMark` whether this page met the mark (or the
 * bottom). `newer(a, b)` says whether item key a is newer than b.
 */
export function descend(
  descent: Descent,
  page: { newest: string | null; next: string | null; reachedMark: boolean },
  newer: (a: string, b: string) => boolean
): { cursor: string; more: boolean } {
  const top = descent.top ?? page.newest;
  if (page.reachedMark || !page.next) {
    const mark = top && (!descent.mark || newer(top, descent.mark)) ? top : descent.mark;
    return { cursor: writeDescent({ mark, page: null, top: null }), more: false };
  }
  return { cursor: writeDescent({ mark: descent.mark, page: page.next, top }), more: true };
}
