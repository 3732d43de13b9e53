/**
 * What a raw SQL statement answers, read alike on every dialect: the dialect itself, the rows of a
 * `knex.raw` result, how many rows an UPDATE changed, a datetime as Strapi stored it.
 */
import type { Core } from '@strapi/strapi';

export type DatabaseClient = 'postgres' | 'mysql' | 'sqlite';

export const clientOf = (strapi: Core.Strapi): DatabaseClient => strapi.db.dialect.client as DatabaseClient;

/** The rows of a `knex.raw` result, whatever the dialect. */
export function rowsOf(client: string, result: any): any[] {
  if (client === 'postgres') return result.rows;
  if (client === 'mysql') return result[0];
  return result;
}

/** How many rows a raw UPDATE changed, as each dialect reports it (a conditional update's verdict). */
export function rowsChanged(client: string, result: any): number {
  const changed =
    client === 'postgres'
      ? result?.rowCount
      : client === 'mysql'
        ? result?.[0]?.affectedRows
        : result?.changes;
  return Number(changed ?? 0);
}

/** A datetime read by raw SQL (milliseconds on SQLite, a Date elsewhere). */
export function readDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number' || /^\d+$/.test(String(value))) return new Date(Number(value));
  return new Date(String(value));
}
