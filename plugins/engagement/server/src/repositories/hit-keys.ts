/**
 * How the two kinds of traffic name what was reached, in the shared hit tables' code: a tracked link
 * by its id, a page view by the post or event it was for.
 */
export type HitKeyMapping = {
  /** The attributes that hold the key, in the order of the tables' unique indexes. */
  attributes: string[];
  toKey(row: Record<string, unknown>): string;
  fromKey(key: string): Record<string, string | number>;
};

export const linkKey: HitKeyMapping = {
  attributes: ['linkId'],
  toKey: (row) => String(row.linkId),
  fromKey: (key) => ({ linkId: Number(key) }),
};

export type ViewTargetType = 'post' | 'event';

export const viewKey: HitKeyMapping = {
  attributes: ['targetType', 'targetDocumentId'],
  toKey: (row) => `${row.targetType}:${row.targetDocumentId}`,
  fromKey: (key) => {
    const at = key.indexOf(':');
    return { targetType: key.slice(0, at), targetDocumentId: key.slice(at + 1) };
  },
};
