import type { Core } from '@strapi/strapi';

/**
 * The one way a plugin keeps an append-only audit log: the same columns (who, why as a code and
 * its parameters, what a person typed, details), the same view for the admin, and the same guard.
 * A plugin's `audit.repository.ts` instantiates `appendOnlyLog` with its content-type uid and adds
 * what its entries are about.
 */

/** Who did it: the plugin itself (system), an admin user, or someone on the public API. */
export type Actor = { type: 'system' | 'admin' | 'public'; id?: number | null; name?: string | null };

/**
 * Why is a stable code and its parameters, which the admin translates into the reader's language;
 * `reason` is only ever text a person typed, kept as typed.
 */
export type AuditFields = {
  action: string;
  actor: Actor;
  reasonCode?: string | null;
  reasonParams?: Record<string, unknown> | null;
  reason?: string | null;
  details?: Record<string, unknown> | null;
};

/** An admin user as an actor: their id and the name the other admins know them by. */
export const adminActor = (
  user: { id?: number; firstname?: string | null; lastname?: string | null; email?: string } | undefined
): Actor => ({
  type: 'admin',
  id: user?.id ?? null,
  name: [user?.firstname, user?.lastname].filter(Boolean).join(' ') || user?.email || 'admin',
});

/** The common columns of a new entry. */
export const auditColumns = (entry: AuditFields) => ({
  action: entry.action,
  actorType: entry.actor.type,
  actorId: entry.actor.id ?? null,
  actorName: entry.actor.name ?? null,
  reasonCode: entry.reasonCode ?? null,
  reasonParams: entry.reasonParams ?? null,
  reason: entry.reason ?? null,
  details: entry.details ?? null,
});

/** The common fields of a stored entry, as the admin reads them. */
export const auditView = (row: any) => ({
  id: row.id as number,
  action: row.action as string,
  actorType: row.actorType as Actor['type'],
  actorId: (row.actorId ?? null) as number | null,
  actorName: (row.actorName ?? null) as string | null,
  reasonCode: (row.reasonCode ?? null) as string | null,
  reasonParams: (row.reasonParams ?? null) as Record<string, unknown> | null,
  reason: (row.reason ?? null) as string | null,
  details: (row.details ?? null) as Record<string, unknown> | null,
  createdAt: row.createdAt as string,
});

/**
 * Makes the audit table append-only for everyone, at every boot (each step is idempotent):
 * database triggers (SQLite, PostgreSQL, MySQL/MariaDB) refuse any UPDATE or DELETE whoever sends
 * it, and the ORM refuses them first with the same message.
 */
export async function installAppendOnlyGuard(
  strapi: Core.Strapi,
  { uid, plugin }: { uid: string; plugin: string }
): Promise<void> {
  const message = `the ${plugin} audit log is append-only`;
  const refuse = () => {
    throw new Error(`${message}: its entries cannot be changed or deleted`);
  };
  strapi.db.lifecycles.subscribe({
    models: [uid],
    beforeUpdate: refuse,
    beforeUpdateMany: refuse,
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  });

  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  const table = strapi.db.metadata.get(uid as any).tableName;
  if (client === 'sqlite') {
    for (const operation of ['UPDATE', 'DELETE']) {
      await knex.raw(
        `CREATE TRIGGER IF NOT EXISTS ${table}_no_${operation.toLowerCase()} BEFORE ${operation} ON ${table} ` +
          `BEGIN SELECT RAISE(ABORT, '${message}'); END;`
      );
    }
  } else if (client === 'postgres') {
    await knex.raw(
      `CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger AS $$ ` +
        `BEGIN RAISE EXCEPTION '${message}'; END $$ LANGUAGE plpgsql;`
    );
    await knex.raw(
      `CREATE OR REPLACE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} ` +
        `FOR EACH ROW EXECUTE FUNCTION ${table}_append_only();`
    );
  } else if (client === 'mysql') {
    await installMysqlTriggers(strapi, table, message, plugin);
  } else {
    strapi.log.warn(`[${plugin}] The audit log has no database-level append-only guard on ${client}.`);
  }
}

/**
 * Sets the database triggers aside (a migration that must rewrite old entries); the next
 * `installAppendOnlyGuard` puts them back.
 */
export async function dropAppendOnlyGuard(strapi: Core.Strapi, uid: string): Promise<void> {
  const knex = strapi.db.connection;
  const table = strapi.db.metadata.get(uid as any).tableName;
  if (strapi.db.dialect.client === 'postgres') {
    await knex.raw(`DROP TRIGGER IF EXISTS ${table}_append_only ON ${table}`);
    return;
  }
  for (const operation of ['update', 'delete']) {
    await knex.raw(`DROP TRIGGER IF EXISTS ${table}_no_${operation}`);
  }
}

/**
 * The audit log of one plugin, in the content type `uid`: it can only add entries (the common
 * columns and the plugin's own `about` columns) and guard the table; the plugin's repository reads.
 */
export const appendOnlyLog = (strapi: Core.Strapi, { uid, plugin }: { uid: string; plugin: string }) => ({
  async append(entry: AuditFields, about: Record<string, unknown>): Promise<void> {
    await strapi.db.query(uid as any).createMany({ data: [{ ...auditColumns(entry), ...about }] });
  },
  /** Several entries in one insert (a sender writing what it sent in batches). */
  async appendMany(entries: { entry: AuditFields; about: Record<string, unknown> }[]): Promise<void> {
    if (entries.length === 0) return;
    await strapi.db
      .query(uid as any)
      .createMany({ data: entries.map(({ entry, about }) => ({ ...auditColumns(entry), ...about })) });
  },
  installAppendOnlyGuard: () => installAppendOnlyGuard(strapi, { uid, plugin }),
  dropAppendOnlyGuard: () => dropAppendOnlyGuard(strapi, uid),
});

/**
 * MySQL has no CREATE TRIGGER IF NOT EXISTS (MariaDB has): create each missing trigger, and let a
 * simultaneous boot that created it first win. Without the privilege (binary logging on and no
 * SUPER), the log stays append-only through the ORM only, and the operator is told.
 */
async function installMysqlTriggers(strapi: Core.Strapi, table: string, message: string, plugin: string) {
  const knex = strapi.db.connection;
  for (const operation of ['UPDATE', 'DELETE']) {
    const name = `${table}_no_${operation.toLowerCase()}`;
    const [existing] = await knex.raw(
      'SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = ?',
      [name]
    );
    if (existing.length > 0) continue;
    try {
      await knex.raw(
        `CREATE TRIGGER ${name} BEFORE ${operation} ON ${table} FOR EACH ROW ` +
          `SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${message}'`
      );
    } catch (error) {
      if ((error as { code?: string }).code === 'ER_TRG_ALREADY_EXISTS') continue;
      strapi.log.warn(
        `[${plugin}] The audit log has no database-level append-only guard: ${(error as Error).message}`
      );
      return;
    }
  }
}
