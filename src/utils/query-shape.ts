/**
 * Measures of a parsed query string (`qs` objects), so the content-API guard can refuse queries that
 * would make the database work far beyond what a page of content needs.
 */

/** Relation levels a `populate` reaches: `*` or `a` is 1, `a.b` or `{ a: { populate: { b: true } } }` is 2. */
export function populateDepth(populate: unknown): number {
  if (populate === undefined || populate === null || populate === '') return 0;
  if (typeof populate === 'string') {
    return Math.max(...populate.split(',').map((path) => path.split('.').length));
  }
  if (Array.isArray(populate)) return Math.max(0, ...populate.map(populateDepth));
  if (typeof populate === 'object') {
    return 1 + Math.max(0, ...Object.values(populate).map(nestedPopulateDepth));
  }
  return 1;
}

/** What one populated relation populates in turn, through `populate` or a dynamic zone's `on` fragments. */
function nestedPopulateDepth(options: unknown): number {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return 0;
  const { populate, on } = options as { populate?: unknown; on?: unknown };
  const fragments = typeof on === 'object' && on !== null ? Object.values(on) : [];
  return Math.max(populateDepth(populate), ...fragments.map(nestedPopulateDepth));
}

/** Nested keys: `{ title: { $eq: 'x' } }` is 2. Array positions (`$or[0]`) do not count as a level. */
export function nestingDepth(value: unknown): number {
  if (Array.isArray(value)) return Math.max(0, ...value.map(nestingDepth));
  if (typeof value === 'object' && value !== null) {
    return 1 + Math.max(0, ...Object.values(value).map(nestingDepth));
  }
  return 0;
}

/** True when a key or value anywhere holds a NUL character, which PostgreSQL cannot store or compare. */
export function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(([key, entry]) => key.includes('\u0000') || containsNul(entry));
  }
  return false;
}

/**
 * The path of the first logical operator whose value cannot be a list of conditions (`$and`, `$or`
 * take a list, `$not` one condition), e.g. `filters[$and]=0`; null when every one fits. Strapi would
 * fail on these with an internal error instead of refusing them.
 */
export function misusedLogicalOperator(filters: unknown, path = 'filters'): string | null {
  if (typeof filters !== 'object' || filters === null) return null;
  for (const [key, value] of Object.entries(filters)) {
    const here = `${path}[${key}]`;
    if (key === '$and' || key === '$or') {
      // qs gives a list, or an object with numeric keys past its array limit.
      const items = Array.isArray(value)
        ? value
        : typeof value === 'object' && value !== null
          ? Object.values(value)
          : null;
      if (!items || items.some((item) => typeof item !== 'object' || item === null || Array.isArray(item)))
        return here;
      for (const [index, item] of items.entries()) {
        const found = misusedLogicalOperator(item, `${here}[${index}]`);
        if (found) return found;
      }
      continue;
    }
    if (key === '$not' && (typeof value !== 'object' || value === null || Array.isArray(value))) return here;
    const found = misusedLogicalOperator(value, here);
    if (found) return found;
  }
  return null;
}

/**
 * The first `$between` that is not two bounds (`filters[price][$between][0]=1&…[1]=9`), or null:
 * the query builder asserts on anything else and the request would end in a 500.
 */
export function misusedBetween(filters: unknown, path = 'filters'): string | null {
  if (typeof filters !== 'object' || filters === null) return null;
  for (const [key, value] of Object.entries(filters)) {
    const here = `${path}[${key}]`;
    if (key === '$between') {
      const bounds = Array.isArray(value) ? value : null;
      if (!bounds || bounds.length !== 2 || bounds.some((b) => typeof b !== 'string')) return here;
      continue;
    }
    const found = misusedBetween(value, here);
    if (found) return found;
  }
  return null;
}
