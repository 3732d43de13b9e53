/**
 * The connection engagement's raw SQL runs on. Raw SQL is used only where the ORM cannot do it
 * atomically (claims and leases, from the kit's leases) or in one statement (rollup upserts).
 */
import type { Core } from '@strapi/strapi';

export type Knex = Core.Strapi['db']['connection'];

/**
 * The connection to run raw SQL on: the transaction under way (`strapi.db.transaction` keeps it in
 * an async context, as the ORM does), or the pool.
 */
export async function connectionOf(strapi: Core.Strapi): Promise<Knex> {
  if (!strapi.db.inTransaction()) return strapi.db.connection;
  return (await strapi.db.transaction()).get() as Knex;
}
