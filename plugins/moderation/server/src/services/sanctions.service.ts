import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { SanctionKind } from '../rules/types';
import type { Actor } from './audit.service';
import { getService } from '../utils/get-service';
import { sanctionsRepository, type SanctionRow } from '../repositories/sanctions.repository';

export type Sanction = {
  id: number;
  authorKey: string;
  kind: SanctionKind;
  until: string | null;
  note: string | null;
  issuedByName: string | null;
  createdAt: string;
  revokedAt: string | null;
  revokedByName: string | null;
  active: boolean;
};

/** Which sanction decides when an author has several: a ban beats a suspension, and so on. */
const SEVERITY: Record<SanctionKind, number> = { ban: 4, suspension: 3, premoderation: 2, warning: 1 };

const isActive = (row: SanctionRow, now: Date) => !row.revokedAt && (!row.until || new Date(row.until) > now);

const toSanction = (row: SanctionRow, now: Date): Sanction => ({
  id: row.id,
  authorKey: row.authorKey,
  kind: row.kind,
  until: row.until ? new Date(row.until).toISOString() : null,
  note: row.note ?? null,
  issuedByName: row.issuedByName ?? null,
  createdAt: new Date(row.createdAt).toISOString(),
  revokedAt: row.revokedAt ? new Date(row.revokedAt).toISOString() : null,
  revokedByName: row.revokedByName ?? null,
  active: isActive(row, now),
});

const sanctionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const sanctions = sanctionsRepository(strapi);
  return {
    async list(authorKey: string, now = new Date()): Promise<Sanction[]> {
      const rows = await sanctions.listForAuthor(authorKey);
      return rows.map((row) => toSanction(row, now));
    },

    /** The sanction the rules apply, if any. */
    async active(authorKey: string, now = new Date()): Promise<Sanction | null> {
      const rows = await sanctions.inForceFor(authorKey, now);
      const active = rows.map((row) => toSanction(row, now));
      active.sort((a, b) => SEVERITY[b.kind] - SEVERITY[a.kind]);
      return active[0] ?? null;
    },

    async add(
      authorKey: string,
      input: { kind: SanctionKind; until?: Date | null; note?: string | null },
      actor: Actor
    ) {
      if (input.kind === 'suspension' && !input.until) {
        throw new errors.ValidationError(
          'A suspension needs an end: send "until" (a date) or "durationHours"',
          {
            reason: 'invalid_input',
            field: 'until',
          }
        );
      }
      const row = await sanctions.create({
        authorKey,
        kind: input.kind,
        until: input.until ?? null,
        note: input.note ?? null,
        issuedByName: actor.name ?? null,
        issuedById: actor.id ?? null,
      });
      await getService(strapi, 'audit').record({
        action: 'sanction_added',
        actor,
        authorKey,
        reason: input.note ?? null,
        details: {
          sanctionId: row.id,
          kind: input.kind,
          until: input.until ? input.until.toISOString() : null,
        },
      });
      return toSanction(row, new Date());
    },

    async revoke(authorKey: string, id: number, actor: Actor) {
      const row = await sanctions.findForAuthor(id, authorKey);
      if (!row)
        throw new errors.NotFoundError(`This author has no sanction ${id}`, { reason: 'sanction_not_found' });
      if (row.revokedAt) return toSanction(row, new Date());
      const updated = await sanctions.lift(id, { revokedAt: new Date(), revokedByName: actor.name ?? null });
      await getService(strapi, 'audit').record({
        action: 'sanction_revoked',
        actor,
        authorKey,
        details: { sanctionId: id, kind: row.kind },
      });
      return toSanction(updated, new Date());
    },
  };
};

export default sanctionsService;
