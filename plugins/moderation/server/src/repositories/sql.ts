import type { Core } from '@strapi/strapi';

import { COMMENT_UID, REPORT_UID, SANCTION_UID, AUDIT_UID } from '../utils/uids';

/**
 * The plugin's only raw SQL (tested on SQLite and PostgreSQL): indexes the ORM cannot declare,
 * and the one-round-trip look-up that every submission needs.
 */

const table = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid as any).tableName;
const column = (strapi: Core.Strapi, uid: string, attribute: string) =>
  (strapi.db.metadata.get(uid as any).attributes as Record<string, { columnName?: string }>)[attribute]
    ?.columnName ?? attribute;

const INDEXES: [string, string[]][] = [
  [COMMENT_UID, ['targetKey', 'status', 'createdAt']],
  [COMMENT_UID, ['status', 'createdAt']],
  [COMMENT_UID, ['threadId']],
  [COMMENT_UID, ['authorKey', 'createdAt']],
  [COMMENT_UID, ['ipHash', 'createdAt']],
  [COMMENT_UID, ['fingerprint', 'createdAt']],
  [COMMENT_UID, ['reportState']],
  [REPORT_UID, ['commentDocumentId']],
  [SANCTION_UID, ['authorKey']],
  [AUDIT_UID, ['commentDocumentId']],
  [AUDIT_UID, ['authorKey']],
];

export async function ensureIndexes(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  for (const [uid, attributes] of INDEXES) {
    const tableName = table(strapi, uid);
    const columns = attributes.map((attribute) => column(strapi, uid, attribute));
    const name = `${tableName}_${columns.join('_')}_idx`.slice(0, 63);
    const cols = columns.map((c) => knex.raw('??', [c]).toQuery()).join(', ');
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS ${knex.raw('??', [name]).toQuery()} ON ${knex.raw('??', [tableName]).toQuery()} (${cols})`
    );
  }
}

export type SubmissionStats = {
  ipLastMinute: number;
  ipOldest: Date | null;
  authorLastMinute: number;
  authorOldest: Date | null;
  authorApproved: number;
  authorRecent: number;
  authorRecentRejected: number;
  sameTextAnyone: number;
  sameTextAuthor: number;
  sanctions: ActiveSanctions;
};

const toDate = (value: unknown): Date | null => {
  if (value === null || value === undefined) return null;
  const date =
    value instanceof Date
      ? value
      : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as any));
  return Number.isNaN(date.getTime()) ? null : date;
};

/** Rate-limit windows, the author's record and duplicates of this text, in one query. */
export async function submissionStats(
  strapi: Core.Strapi,
  input: {
    ipHash: string | null;
    authorKey: string;
    fingerprint: string;
    now: Date;
    historySince: Date;
    duplicatesSince: Date;
  }
): Promise<SubmissionStats> {
  const knex = strapi.db.connection;
  const t = table(strapi, COMMENT_UID);
  const c = (attribute: string) => column(strapi, COMMENT_UID, attribute);
  const minuteAgo = new Date(input.now.getTime() - 60_000);
  const sub = () => knex(t);

  const row = await knex
    .select({
      ipLastMinute: sub()
        .count('*')
        .where(c('ipHash'), input.ipHash ?? '')
        .where(c('createdAt'), '>', minuteAgo),
      ipOldest: sub()
        .min(c('createdAt'))
        .where(c('ipHash'), input.ipHash ?? '')
        .where(c('createdAt'), '>', minuteAgo),
      authorLastMinute: sub()
        .count('*')
        .where(c('authorKey'), input.authorKey)
        .where(c('createdAt'), '>', minuteAgo),
      authorOldest: sub()
        .min(c('createdAt'))
        .where(c('authorKey'), input.authorKey)
        .where(c('createdAt'), '>', minuteAgo),
      authorApproved: sub().count('*').where(c('authorKey'), input.authorKey).where(c('status'), 'approved'),
      authorRecent: sub()
        .count('*')
        .where(c('authorKey'), input.authorKey)
        .where(c('createdAt'), '>', input.historySince),
      authorRecentRejected: sub()
        .count('*')
        .where(c('authorKey'), input.authorKey)
        .where(c('createdAt'), '>', input.historySince)
        .where(c('status'), 'rejected'),
      sameTextAnyone: sub()
        .count('*')
        .where(c('fingerprint'), input.fingerprint)
        .where(c('createdAt'), '>', input.duplicatesSince),
      sameTextAuthor: sub()
        .count('*')
        .where(c('fingerprint'), input.fingerprint)
        .where(c('authorKey'), input.authorKey)
        .where(c('createdAt'), '>', input.duplicatesSince),
      ...activeSanctionsQuery(strapi, input.authorKey, input.now),
    })
    .first();

  const n = (value: unknown) => Number(value ?? 0);
  return {
    ipLastMinute: input.ipHash ? n(row.ipLastMinute) : 0,
    ipOldest: input.ipHash ? toDate(row.ipOldest) : null,
    authorLastMinute: n(row.authorLastMinute),
    authorOldest: toDate(row.authorOldest),
    authorApproved: n(row.authorApproved),
    authorRecent: n(row.authorRecent),
    authorRecentRejected: n(row.authorRecentRejected),
    sameTextAnyone: n(row.sameTextAnyone),
    sameTextAuthor: n(row.sameTextAuthor),
    sanctions: {
      ban: n(row.sanctionBan) > 0,
      suspendedUntil: toDate(row.sanctionSuspendedUntil),
      premoderation: n(row.sanctionPremoderation) > 0,
      warning: n(row.sanctionWarning) > 0,
    },
  };
}

export type ActiveSanctions = {
  ban: boolean;
  suspendedUntil: Date | null;
  premoderation: boolean;
  warning: boolean;
};

/** Which sanctions are in force for an author, as the rules need them (same round trip style). */
export function activeSanctionsQuery(strapi: Core.Strapi, authorKey: string, now: Date) {
  const knex = strapi.db.connection;
  const t = table(strapi, SANCTION_UID);
  const c = (attribute: string) => column(strapi, SANCTION_UID, attribute);
  const active = (kind: string) =>
    knex(t)
      .where(c('authorKey'), authorKey)
      .where(c('kind'), kind)
      .whereNull(c('revokedAt'))
      .where((q: any) => q.whereNull(c('until')).orWhere(c('until'), '>', now));
  return {
    sanctionBan: active('ban').count('*'),
    sanctionSuspendedUntil: active('suspension').max(c('until')),
    sanctionPremoderation: active('premoderation').count('*'),
    sanctionWarning: active('warning').count('*'),
  };
}

/** Reports on a comment since a moderator last looked at it: how many, their weight, per reason. */
export async function reportTotals(strapi: Core.Strapi, commentDocumentId: string, since: Date | null) {
  const knex = strapi.db.connection;
  const t = table(strapi, REPORT_UID);
  const c = (attribute: string) => column(strapi, REPORT_UID, attribute);
  const query = knex(t)
    .select(c('reason') + ' as reason')
    .count('* as count')
    .sum(`${c('weight')} as weight`)
    .where(c('commentDocumentId'), commentDocumentId)
    .groupBy(c('reason'));
  if (since) query.where(c('createdAt'), '>', since);
  const rows: { reason: string; count: unknown; weight: unknown }[] = await query;
  const reasons: Record<string, number> = {};
  let count = 0;
  let score = 0;
  for (const row of rows) {
    reasons[row.reason] = Number(row.count);
    count += Number(row.count);
    score += Number(row.weight ?? 0);
  }
  return { count, score, reasons };
}

/** Comments per status for each author: the history shown on a moderator's card. */
export async function authorStatusCounts(strapi: Core.Strapi, authorKeys: string[]) {
  const result: Record<string, { approved: number; pending: number; rejected: number; total: number }> = {};
  if (authorKeys.length === 0) return result;
  const knex = strapi.db.connection;
  const c = (attribute: string) => column(strapi, COMMENT_UID, attribute);
  const rows: { authorKey: string; status: string; count: unknown }[] = await knex(table(strapi, COMMENT_UID))
    .select(`${c('authorKey')} as authorKey`, `${c('status')} as status`)
    .count('* as count')
    .whereIn(c('authorKey'), authorKeys)
    .groupBy(c('authorKey'), c('status'));
  for (const key of authorKeys) result[key] = { approved: 0, pending: 0, rejected: 0, total: 0 };
  for (const row of rows) {
    const entry = result[row.authorKey];
    if (!entry) continue;
    entry[row.status as 'approved'] = Number(row.count);
    entry.total += Number(row.count);
  }
  return result;
}
