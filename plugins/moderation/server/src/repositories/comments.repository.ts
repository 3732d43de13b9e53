import type { Core } from '@strapi/strapi';
import { findPage, modelOf } from '@porte-voix/kit/server';

import type { CommentStatus, Finding } from '../rules/types';
import { COMMENT_UID, type TargetType } from '../utils/uids';

export const QUEUES = ['pending', 'reported', 'approved', 'rejected', 'all'] as const;
export type Queue = (typeof QUEUES)[number];

/** Where comments come from: our frontends, any network, one network, or direct messages on any. */
export type SourceFilter = 'frontend' | 'networks' | string;

/** A comment's language as the queue filters it: French, English, or any other (unknown included). */
export const LANGUAGE_FILTERS = ['fr', 'en', 'other'] as const;
export type LanguageFilter = (typeof LANGUAGE_FILTERS)[number];

export type QueueFilters = {
  status: Queue;
  source?: SourceFilter;
  intent?: string;
  language?: LanguageFilter;
  /** 'priority': questions and complaints first, then newest first (the inbox's order). */
  sort?: 'newest' | 'priority';
  target?: string;
  campaign?: string;
  author?: string;
  q?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};

export type NewComment = {
  documentId: string;
  targetType: TargetType;
  targetDocumentId: string;
  targetKey: string;
  targetTitle: string;
  campaignDocumentId: string | null;
  parentId: string | null;
  threadId: string | null;
  authorName: string;
  authorEmail: string;
  authorKey: string;
  ipHash: string | null;
  content: string;
  locale: string;
  status: CommentStatus;
  reasons: Finding[];
  fingerprint: string;
  intent?: string;
  priority?: number;
};

/** What a comment collected from a network carries besides a comment's fields. */
export type NetworkOrigin = {
  sourceNetwork: string;
  sourceAccountId: number;
  sourceAccountName: string | null;
  remoteId: string;
  remoteParentId: string | null;
  remotePostId: string | null;
  remoteUrl: string | null;
  remotePostUrl: string | null;
  authorHandle: string;
  authorUrl: string | null;
  /** A direct message: only the account saw it, so it is never shown in public and answered privately. */
  privateMessage?: boolean;
};

/** The author's record and the duplicates of a text, as the rules need them. */
export type SubmissionStats = {
  authorApproved: number;
  authorRecent: number;
  authorRecentRejected: number;
  sameTextAnyone: number;
  sameTextAuthor: number;
};

/** The fields a frontend may see of an approved comment: never an e-mail, a key or an IP hash. */
const PUBLIC_FIELDS = ['documentId', 'parentId', 'threadId', 'authorName', 'content', 'locale', 'createdAt'];

const NEWEST_FIRST = [{ createdAt: 'desc' }, { id: 'desc' }];
const PRIORITY_FIRST = [{ priority: 'asc' }, ...NEWEST_FIRST];

const queueWhere = (queue: Queue): Record<string, unknown> => {
  switch (queue) {
    case 'reported':
      return { reportState: 'open' };
    case 'all':
      return {};
    default:
      return { status: queue };
  }
};

/** Filters other than the queue, shared by the list and the counts so that counts match what is shown. */
function filterWhere(
  filters: Omit<QueueFilters, 'status' | 'page' | 'pageSize' | 'sort'>
): Record<string, unknown>[] {
  const where: Record<string, unknown>[] = [];
  if (filters.source === 'frontend') where.push({ sourceNetwork: { $null: true } });
  else if (filters.source === 'networks') where.push({ sourceNetwork: { $notNull: true } });
  else if (filters.source === 'private-messages') where.push({ privateMessage: true });
  else if (filters.source) where.push({ sourceNetwork: filters.source });
  if (filters.intent) where.push({ intent: filters.intent });
  // A comment's locale is two letters (said by the network, the frontend, or guessed) or `und`.
  if (filters.language === 'other')
    where.push({ $or: [{ locale: { $notIn: ['fr', 'en'] } }, { locale: { $null: true } }] });
  else if (filters.language) where.push({ locale: filters.language });
  if (filters.target) where.push({ targetKey: filters.target });
  if (filters.campaign) where.push({ campaignDocumentId: filters.campaign });
  if (filters.author) {
    where.push(
      filters.author.includes('@')
        ? { authorEmail: { $eqi: filters.author.trim() } }
        : { authorKey: filters.author }
    );
  }
  if (filters.q) {
    where.push({ $or: [{ content: { $containsi: filters.q } }, { authorName: { $containsi: filters.q } }] });
  }
  if (filters.from) where.push({ createdAt: { $gte: filters.from } });
  if (filters.to) where.push({ createdAt: { $lte: filters.to } });
  return where;
}

/**
 * The only code that touches comments: the ORM, and raw SQL for the one-round-trip look-up every
 * submission needs and the authors' totals (tested on SQLite, PostgreSQL and MariaDB).
 */
export const commentsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(COMMENT_UID);

  return {
    /**
     * Listening's leaders over a period: the authors (with their network) or the sources (network and
     * where it was found) with the most mentions of these searches, by the (search, published) index.
     */
    async topOfSearches(
      searchIds: number[],
      from: Date,
      to: Date,
      by: 'author' | 'source',
      limit: number,
      filters: { network?: string; language?: LanguageFilter } = {}
    ): Promise<{ name: string; network: string; count: number }[]> {
      if (searchIds.length === 0) return [];
      const { table, column: c } = modelOf(strapi, COMMENT_UID);
      const name = by === 'author' ? c('authorHandle') : c('sourceAccountName');
      const rows = await strapi.db
        .connection(table)
        .select(`${name} as name`, `${c('sourceNetwork')} as network`)
        .count('* as count')
        .whereIn(c('savedSearchId'), searchIds)
        .where(c('publishedOnNetworkAt'), '>=', from)
        .where(c('publishedOnNetworkAt'), '<', to)
        .modify((q: any) => {
          if (filters.network) q.where(c('sourceNetwork'), filters.network);
          if (filters.language === 'other')
            q.where((w: any) => w.whereNotIn(c('locale'), ['fr', 'en']).orWhereNull(c('locale')));
          else if (filters.language) q.where(c('locale'), filters.language);
        })
        .groupBy(name, c('sourceNetwork'))
        .orderBy([{ column: 'count', order: 'desc' }, { column: 'name' }])
        .limit(limit);
      return rows.map((row: any) => ({
        name: String(row.name ?? ''),
        network: String(row.network),
        count: Number(row.count),
      }));
    },

    /**
     * The mentions one search found on one network published in [from, to), counted by language
     * (the comment's locale) and sentiment: what an hourly rollup counted.
     */
    async mentionCounts(
      searchId: number,
      network: string,
      from: Date,
      to: Date
    ): Promise<{ language: string; sentiment: string; count: number }[]> {
      const { table, column: c } = modelOf(strapi, COMMENT_UID);
      const rows = await strapi.db
        .connection(table)
        .select(`${c('locale')} as language`, `${c('sentiment')} as sentiment`)
        .count('* as count')
        .where(c('savedSearchId'), searchId)
        .where(c('sourceNetwork'), network)
        .where(c('publishedOnNetworkAt'), '>=', from)
        .where(c('publishedOnNetworkAt'), '<', to)
        .groupBy(c('locale'), c('sentiment'));
      return rows.map((row: any) => ({
        language: String(row.language ?? 'und'),
        sentiment: String(row.sentiment ?? 'neutral'),
        count: Number(row.count),
      }));
    },

    findByDocumentId: (documentId: string): Promise<any> => query().findOne({ where: { documentId } }),

    /** What a reply needs to know of the comment it answers. */
    findThreadOf: (documentId: string): Promise<any> =>
      query().findOne({
        where: { documentId },
        select: ['documentId', 'threadId', 'targetKey', 'status'],
      }),

    /** Stores a comment without reading it back (it is on every submission's path). */
    async insert(comment: NewComment & Partial<NetworkOrigin>): Promise<void> {
      await query().createMany({ data: [comment] });
    },

    /**
     * The items collected from the networks between two times, with what response times are made of
     * (the reports' input); at most `limit`, the oldest first.
     */
    networkItemsBetween: (from: Date, to: Date, limit: number): Promise<any[]> =>
      query().findMany({
        where: {
          sourceNetwork: { $notNull: true },
          createdAt: { $gte: from, $lt: to },
          // A listening mention waits for no answer until it is sent to the inbox.
          $or: [{ savedSearchId: { $null: true } }, { sentToInboxAt: { $notNull: true } }],
        },
        select: ['sourceNetwork', 'createdAt', 'firstResponseAt', 'doneAt'],
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        limit,
      }),

    /** The comments already collected from a network among these remote ids. */
    findByRemoteIds: (network: string, remoteIds: string[]): Promise<any[]> =>
      remoteIds.length === 0
        ? Promise.resolve([])
        : query().findMany({
            where: { sourceNetwork: network, remoteId: { $in: remoteIds } },
            select: [
              'documentId',
              'remoteId',
              'threadId',
              'targetType',
              'targetDocumentId',
              'targetKey',
              'targetTitle',
              'campaignDocumentId',
              'remotePostId',
              'remotePostUrl',
            ],
          }),

    update: (id: number, data: Record<string, unknown>): Promise<any> =>
      query().update({ where: { id }, data }),

    /** One page of a queue under the filters, newest first, and how many comments match. */
    async page(filters: QueueFilters): Promise<{ rows: any[]; total: number }> {
      const where = { $and: [queueWhere(filters.status), ...filterWhere(filters)] };
      return findPage(query(), {
        where,
        orderBy: filters.sort === 'priority' ? PRIORITY_FIRST : NEWEST_FIRST,
        page: filters.page,
        pageSize: filters.pageSize,
      });
    },

    /** How many comments each queue holds, under the same filters. */
    async countPerQueue(filters: Omit<QueueFilters, 'status' | 'page' | 'pageSize' | 'sort'>) {
      const others = filterWhere(filters);
      const entries = await Promise.all(
        QUEUES.map(
          async (queue) =>
            [queue, await query().count({ where: { $and: [queueWhere(queue), ...others] } })] as const
        )
      );
      return Object.fromEntries(entries) as Record<Queue, number>;
    },

    latestOfAuthor: (authorKey: string, limit: number): Promise<any[]> =>
      query().findMany({ where: { authorKey }, orderBy: NEWEST_FIRST, limit }),

    /**
     * Approved threads of a target, with only the public fields: one page of first-level comments,
     * newest first, and all their approved replies in reading order.
     */
    async approvedThreads(targetKey: string, page: number, pageSize: number) {
      // Replies collected from networks stay in the admin: their authors wrote on the network, not here
      // (and a direct message, only ever seen by the account, must never reach a page).
      const where = { targetKey, status: 'approved', parentId: null, sourceNetwork: null };
      const { rows: roots, total } = await findPage(query(), {
        where,
        select: PUBLIC_FIELDS,
        orderBy: NEWEST_FIRST,
        page,
        pageSize,
      });
      const rootIds = roots.map((root: any) => root.documentId);
      const replies = rootIds.length
        ? await query().findMany({
            where: { threadId: { $in: rootIds }, status: 'approved', sourceNetwork: null },
            select: PUBLIC_FIELDS,
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          })
        : [];
      return { roots, replies, total };
    },

    /**
     * The author's record and the duplicates of this text in one query, with the columns of
     * `alongside` (sub-selects of another table, e.g. the sanctions in force) read in the same round
     * trip. Counts stop at what the rules need to know: a flood of one text must not make each of
     * its requests count the whole flood.
     */
    async submissionStats<Alongside>(
      input: {
        authorKey: string;
        fingerprint: string;
        historySince: Date;
        duplicatesSince: Date;
        /** How far each count needs to go; 0 skips it. The author's history is judged on their latest `authorHistory` comments. */
        bounds: { sameText: number; authorHistory: number };
      },
      alongside: { select: Record<string, unknown>; read: (row: Record<string, unknown>) => Alongside }
    ): Promise<SubmissionStats & { alongside: Alongside }> {
      const knex = strapi.db.connection;
      const { table, column: c } = modelOf(strapi, COMMENT_UID);
      const sub = () => knex(table);
      const upTo = (bound: number, where: (query: any) => any) =>
        bound > 0
          ? knex.count('*').from(
              where(sub().select(knex.raw('1')))
                .limit(bound)
                .as('bounded')
            )
          : knex.raw('0');
      const recentOfAuthor = (query: any) =>
        query.where(c('authorKey'), input.authorKey).where(c('createdAt'), '>', input.historySince);
      const latestOfAuthor = () =>
        recentOfAuthor(sub().select(`${c('status')} as status`))
          .orderBy(c('createdAt'), 'desc')
          .limit(Math.max(input.bounds.authorHistory, 1));
      const sameText = (query: any) =>
        query.where(c('fingerprint'), input.fingerprint).where(c('createdAt'), '>', input.duplicatesSince);

      const row = await knex
        .select({
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
          ...alongside.select,
        })
        .first();

      const n = (value: unknown) => Number(value ?? 0);
      return {
        authorApproved: n(row.authorApproved),
        authorRecent: n(row.authorRecent),
        authorRecentRejected: n(row.authorRecentRejected),
        sameTextAnyone: n(row.sameTextAnyone),
        sameTextAuthor: n(row.sameTextAuthor),
        alongside: alongside.read(row),
      };
    },

    /** Comments per status for each author: the history shown on a moderator's card. */
    async statusCountsPerAuthor(authorKeys: string[]) {
      const result: Record<string, { approved: number; pending: number; rejected: number; total: number }> =
        {};
      if (authorKeys.length === 0) return result;
      const { table, column: c } = modelOf(strapi, COMMENT_UID);
      const rows: { authorKey: string; status: string; count: unknown }[] = await strapi.db
        .connection(table)
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
    },
  };
};
