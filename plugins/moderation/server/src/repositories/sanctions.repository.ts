import type { Core } from '@strapi/strapi';
import { modelOf } from '@porte-voix/kit/server';

import type { SanctionKind } from '../rules/types';
import { SANCTION_UID } from '../utils/uids';

export type SanctionRow = {
  id: number;
  authorKey: string;
  kind: SanctionKind;
  until: string | Date | null;
  note: string | null;
  issuedByName: string | null;
  issuedById: number | null;
  createdAt: string | Date;
  revokedAt: string | Date | null;
  revokedByName: string | null;
};

export type NewSanction = Pick<SanctionRow, 'authorKey' | 'kind' | 'note' | 'issuedByName' | 'issuedById'> & {
  until: Date | null;
};

/** Which sanctions are in force for an author, as the rules need them. */
export type SanctionsInForce = {
  ban: boolean;
  suspendedUntil: Date | null;
  premoderation: boolean;
  warning: boolean;
};

const toDate = (value: unknown): Date | null => {
  if (value === null || value === undefined) return null;
  const date =
    value instanceof Date
      ? value
      : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as any));
  return Number.isNaN(date.getTime()) ? null : date;
};

/** The only code that touches the authors' sanctions. */
export const sanctionsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(SANCTION_UID);

  return {
    /** Newest first. */
    listForAuthor: (authorKey: string): Promise<SanctionRow[]> =>
      query().findMany({ where: { authorKey }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),

    /** Not lifted and not over at `now`. */
    inForceFor: (authorKey: string, now: Date): Promise<SanctionRow[]> =>
      query().findMany({
        where: { authorKey, revokedAt: null, $or: [{ until: null }, { until: { $gt: now } }] },
      }),

    findForAuthor: (id: number, authorKey: string): Promise<SanctionRow | null> =>
      query().findOne({ where: { id, authorKey } }),

    create: (sanction: NewSanction): Promise<SanctionRow> => query().create({ data: sanction }),

    lift: (id: number, by: { revokedAt: Date; revokedByName: string | null }): Promise<SanctionRow> =>
      query().update({ where: { id }, data: by }),

    /**
     * The sanctions in force as sub-selects, for another query to read in its own round trip (the
     * submission's look-up: see commentsRepository.submissionStats), and how to read them back.
     */
    inForceColumns(authorKey: string, now: Date) {
      const knex = strapi.db.connection;
      const { table, column: c } = modelOf(strapi, SANCTION_UID);
      const active = (kind: SanctionKind) =>
        knex(table)
          .where(c('authorKey'), authorKey)
          .where(c('kind'), kind)
          .whereNull(c('revokedAt'))
          .where((q: any) => q.whereNull(c('until')).orWhere(c('until'), '>', now));
      const n = (value: unknown) => Number(value ?? 0);
      return {
        select: {
          sanctionBan: active('ban').count('*'),
          sanctionSuspendedUntil: active('suspension').max(c('until')),
          sanctionPremoderation: active('premoderation').count('*'),
          sanctionWarning: active('warning').count('*'),
        },
        read: (row: Record<string, unknown>): SanctionsInForce => ({
          ban: n(row.sanctionBan) > 0,
          suspendedUntil: toDate(row.sanctionSuspendedUntil),
          premoderation: n(row.sanctionPremoderation) > 0,
          warning: n(row.sanctionWarning) > 0,
        }),
      };
    },
  };
};
