import type { Core } from '@strapi/strapi';

/**
 * The table of a model and its columns by attribute name, as its schema.json declares them, for the
 * queries the ORM cannot write. An attribute the model does not have is a mistake: it throws.
 */
export function modelOf(strapi: Core.Strapi, uid: string) {
  const meta = strapi.db.metadata.get(uid as any);
  return {
    table: meta.tableName as string,
    column(attribute: string): string {
      const found = meta.attributes[attribute] as { columnName?: string } | undefined;
      if (!found) throw new Error(`${uid} has no attribute ${attribute}`);
      return found.columnName ?? attribute;
    },
  };
}
