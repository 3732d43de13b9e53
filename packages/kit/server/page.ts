/** The part of Strapi's query API a page needs (`strapi.db.query(uid)`). */
type Queryable = {
  findMany(params: Record<string, unknown>): Promise<any[]>;
  count(params: { where: unknown }): Promise<number>;
};

/**
 * One page of the rows that match `where` (pages count from 1), and how many match in all: the
 * two queries run side by side. `select` and `orderBy` go to the page's query as they are.
 */
export async function findPage<Row = any>(
  query: Queryable,
  {
    where,
    page,
    pageSize,
    ...rest
  }: { where: unknown; page: number; pageSize: number; orderBy?: unknown; select?: unknown }
): Promise<{ rows: Row[]; total: number }> {
  const [rows, total] = await Promise.all([
    query.findMany({ where, ...rest, offset: (page - 1) * pageSize, limit: pageSize }),
    query.count({ where }),
  ]);
  return { rows: rows as Row[], total };
}
