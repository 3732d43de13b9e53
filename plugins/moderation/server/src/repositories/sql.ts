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

/**
 * Rate-limit windows, the author's record and duplicates of this text, in one query. Counts stop
 * at what the rules need to know (a rate limit of 10 only needs to see 10 rows): a flood from one
 * address must not make each of its requests count the whole flood.
 */
export async function submissionStats(
  strapi: Core.Strapi,
  input: {
    ipHash: string | null;
    authorKey: string;
    fingerprint: string;
    now: Date;
    historySince: Date;
    duplicatesSince: Date;
    /** How far each count needs to go; 0 skips it. The author's history is judged on their latest `authorHistory` comments. */
    bounds: { ipPerMinute: number; authorPerMinute: number; sameText: number; authorHistory: number };
  }
): Promise<SubmissionStats> {
  const knex = strapi.db.connection;
  const t = table(strapi, COMMENT_UID);
  const c = (attribute: string) => column(strapi, COMMENT_UID, attribute);
  const minuteAgo = new Date(input.now.getTime() - 60_000);
  const sub = () => knex(t);
  const upTo = (bound: number, where: (query: any) => any) =>
    bound > 0
      ? knex.count('*').from(
          where(sub().select(knex.raw('1')))
            .limit(bound)
            .as('bounded')
        )
      : knex.raw('0');
  const fromIp = (query: any) =>
    query.where(c('ipHash'), input.ipHash ?? '').where(c('createdAt'), '>', minuteAgo);
  const fromAuthor = (query: any) =>
    query.where(c('authorKey'), input.authorKey).where(c('createdAt'), '>', minuteAgo);
  const recentOfAuthor = (query: any) =>
    query.where(c('authorKey'), input.authorKey).where(c('createdAt'), '>', input.historySince);
  const latestOfAuthor = () =>
    recentOfAuthor(sub().select(`${c('status')} as status`))
      .orderBy(c('createdAt'), 'desc')
      .limit(Math.max(input.bounds.authorHistory, 1));
  const sameText = (query: any) =>
    query.where(c('fingerprint'), input.fingerprint).where(c('createdAt'), '>', input.duplicatesSince);
  const ipBound = input.ipHash ? input.bounds.ipPerMinute : 0;

  const row = await knex
    .select({
      ipLastMinute: upTo(ipBound, fromIp),
      ipOldest: ipBound > 0 ? fromIp(sub().min(c('createdAt'))) : knex.raw('null'),
      authorLastMinute: upTo(input.bounds.authorPerMinute, fromAuthor),
      authorOldest:
        input.bounds.authorPerMinute > 0 ? fromAuthor(sub().min(c('createdAt'))) : knex.raw('null'),
      authorApproved: upTo(1, (query) =>
        query.where(c('authorKey'), input.authorKey).where(c('status'), 'approved')
      ),
      authorRecent: knex.count('*').from(latestOfAuthor().as('latest')),
      authorRecentRejected: knex
        .count('*')
        .from(latestOfAuthor().as('latest'))
        .where('latest.status', 'rejected'),
      sameTextAnyone: upTo(input.bounds.sameText, sameText),
      sameTextAuthor: upTo(1, (query) => sameText(query).where(c('authorKey'), input.authorKey)),
      ...activeSanctionsQuery(strapi, input.authorKey, input.now),
    })
    .first();

  const n = (value: unknown) => Number(value ?? 0);
  return {
    ipLastMinute: n(row.ipLastMinute),
    ipOldest: toDate(row.ipOldest),
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
