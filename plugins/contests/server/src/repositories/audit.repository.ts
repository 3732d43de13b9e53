import type { Core } from '@strapi/strapi';
import { appendOnlyLog, modelOf, type Actor, type AuditFields } from '@porte-voix/kit/server';

import { AUDIT_UID } from '../content-types';
import { PLUGIN_ID } from '../plugin-id';

/** An entry of the contests log, and what it is about. */
export type AuditEntry = AuditFields & {
  eventDocumentId: string;
  entryPublicId?: string | null;
};

/**
 * The only code that touches the contests audit log, and it can only add and read: the append-only
 * guard refuses any change or deletion, whoever sends it.
 */
export const auditRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(AUDIT_UID);
  const log = appendOnlyLog(strapi, { uid: AUDIT_UID, plugin: PLUGIN_ID });

  return {
    append: (entry: AuditEntry) =>
      log.append(entry, {
        eventDocumentId: entry.eventDocumentId,
        entryPublicId: entry.entryPublicId ?? null,
      }),

    /** Newest first. */
    list: (eventDocumentId: string, limit = 500): Promise<any[]> =>
      query().findMany({ where: { eventDocumentId }, orderBy: [{ id: 'desc' }], limit }),

    installAppendOnlyGuard: log.installAppendOnlyGuard,

    /**
     * Entries written before the actor had its three columns said who in one label ("system",
     * "public" or "admin:3 <camille@example.org>"). Run before the schema sync, which drops that
     * column: the label is split into the new columns first, so no entry forgets who wrote it. The
     * guard's triggers are set aside for it; the bootstrap puts them back.
     */
    async splitLegacyActors(): Promise<number> {
      // A knex schema builder runs what it collected each time: one per statement.
      const schema = () => strapi.db.getSchemaConnection();
      const { table, column } = modelOf(strapi, AUDIT_UID);
      // `actor` is the legacy column: the model no longer declares it.
      if (!(await schema().hasTable(table)) || !(await schema().hasColumn(table, 'actor'))) return 0;
      await log.dropAppendOnlyGuard();
      const columns = { type: column('actorType'), id: column('actorId'), name: column('actorName') };
      for (const name of Object.values(columns)) {
        if (await schema().hasColumn(table, name)) continue;
        await schema().alterTable(table, (t) => {
          if (name === columns.id) t.integer(name);
          else t.string(name);
        });
      }
      const knex = strapi.db.connection;
      const rows: { id: number; actor: string | null }[] = await knex(table)
        .select('id', 'actor')
        .whereNull(columns.type);
      for (const row of rows) {
        const actor = legacyActor(row.actor);
        await knex(table)
          .where({ id: row.id })
          .update({ [columns.type]: actor.type, [columns.id]: actor.id, [columns.name]: actor.name });
      }
      return rows.length;
    },
  };
};

/** "admin:3 <camille@example.org>" → admin 3, camille@example.org; "system" and "public" as they are. */
export function legacyActor(label: string | null): Required<Actor> {
  const admin = /^admin:(\d+)(?: <(.*)>)?$/.exec(label ?? '');
  if (admin) return { type: 'admin', id: Number(admin[1]), name: admin[2] ?? null };
  if (label === 'public') return { type: 'public', id: null, name: null };
  return { type: 'system', id: null, name: label === 'system' ? null : label };
}

export type AuditRepository = ReturnType<typeof auditRepository>;
