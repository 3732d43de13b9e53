import type { Core } from '@strapi/strapi';

import { SANCTION_UID } from '../utils/uids';
import type { SanctionKind } from '../rules/types';
import { ModerationError } from '../utils/errors';
import type { Actor } from './audit.service';
import { getService } from '../utils/get-service';

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

const isActive = (row: any, now: Date) => !row.revokedAt && (!row.until || new Date(row.until) > now);

const toSanction = (row: any, now: Date): Sanction => ({
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

const sanctionsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(authorKey: string, now = new Date()): Promise<Sanction[]> {
    const rows = await strapi.db
      .query(SANCTION_UID)
      .findMany({ where: { authorKey }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    return rows.map((row: any) => toSanction(row, now));
  },

  /** The sanction the rules apply, if any. */
  async active(authorKey: string, now = new Date()): Promise<Sanction | null> {
    const rows = await strapi.db.query(SANCTION_UID).findMany({
      where: { authorKey, revokedAt: null, $or: [{ until: null }, { until: { $gt: now } }] },
    });
    const active = rows.map((row: any) => toSanction(row, now));
    active.sort((a, b) => SEVERITY[b.kind] - SEVERITY[a.kind]);
    return active[0] ?? null;
  },

  async add(
    authorKey: string,
    input: { kind: SanctionKind; until?: Date | null; note?: string | null },
    actor: Actor
  ) {
    if (input.kind === 'suspension' && !input.until) {
      throw new ModerationError(400, 'A suspension needs an end: send "until" (a date) or "durationHours"');
    }
    const row = await strapi.db.query(SANCTION_UID).create({
      data: {
        authorKey,
        kind: input.kind,
        until: input.until ?? null,
        note: input.note ?? null,
        issuedByName: actor.name ?? null,
        issuedById: actor.id ?? null,
      },
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
    const row = await strapi.db.query(SANCTION_UID).findOne({ where: { id, authorKey } });
    if (!row) throw new ModerationError(404, `This author has no sanction ${id}`);
    if (row.revokedAt) return toSanction(row, new Date());
    const updated = await strapi.db.query(SANCTION_UID).update({
      where: { id },
      data: { revokedAt: new Date(), revokedByName: actor.name ?? null },
    });
    await getService(strapi, 'audit').record({
      action: 'sanction_revoked',
      actor,
      authorKey,
      details: { sanctionId: id, kind: row.kind },
    });
    return toSanction(updated, new Date());
  },
});

export default sanctionsService;
