import type { Core } from '@strapi/strapi';

import { AUDIT_UID } from '../content-types';

export type AuditRecord = {
  eventDocumentId: string;
  action: string;
  actor: string;
  entryPublicId?: string | null;
  details?: Record<string, unknown>;
};

const TABLE = 'contests_audit_log';

/**
 * The audit log is append-only: this repository can only add and read, and database triggers
 * (SQLite, PostgreSQL) refuse any UPDATE or DELETE on the table, whoever sends it.
 */
export const auditRepository = (strapi: Core.Strapi) => ({
  append(record: AuditRecord) {
    return strapi.db.query(AUDIT_UID).create({ data: { ...record, details: record.details ?? {} } });
  },

  list(eventDocumentId: string, limit = 500) {
    return strapi.db
      .query(AUDIT_UID)
      .findMany({ where: { eventDocumentId }, orderBy: { id: 'desc' }, limit });
  },

  async installAppendOnlyGuard(): Promise<void> {
    const knex = strapi.db.connection;
    const client = strapi.db.dialect.client;
    if (client === 'sqlite') {
      for (const operation of ['UPDATE', 'DELETE']) {
        await knex.raw(
          `CREATE TRIGGER IF NOT EXISTS ${TABLE}_no_${operation.toLowerCase()} BEFORE ${operation} ON ${TABLE} ` +
            `BEGIN SELECT RAISE(ABORT, 'the contests audit log is append-only'); END;`
        );
      }
    } else if (client === 'postgres') {
      await knex.raw(
        `CREATE OR REPLACE FUNCTION ${TABLE}_append_only() RETURNS trigger AS $$ ` +
          `BEGIN RAISE EXCEPTION 'the contests audit log is append-only'; END $$ LANGUAGE plpgsql;`
      );
      await knex.raw(
        `CREATE OR REPLACE TRIGGER ${TABLE}_append_only BEFORE UPDATE OR DELETE ON ${TABLE} ` +
          `FOR EACH ROW EXECUTE FUNCTION ${TABLE}_append_only();`
      );
    } else {
      strapi.log.warn(`[contests] The audit log has no database-level append-only guard on ${client}.`);
    }
  },
});

export type AuditRepository = ReturnType<typeof auditRepository>;
