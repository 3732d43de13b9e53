/**
 * Rows of localized documents (one row per locale) folded to one per document: the row in the
 * reader's locale where the document has one, else the first met (so the query's order decides).
 */
export function onePerDocument<T extends { documentId: string; locale?: string | null }>(
  rows: T[],
  locale?: string
): T[] {
  const chosen = new Map<string, T>();
  for (const row of rows) {
    const known = chosen.get(row.documentId);
    if (!known || (known.locale !== locale && row.locale === locale)) chosen.set(row.documentId, row);
  }
  return [...chosen.values()];
}
