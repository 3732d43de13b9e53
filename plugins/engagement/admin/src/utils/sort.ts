/**
 * Sorting report tables: by any column, either way, with unknown figures (null: not measured)
 * always last, since "n/a" is neither big nor small.
 */
export type SortDirection = 'asc' | 'desc';
export type SortValue = number | string | null | undefined;

export function sortRows<Row>(rows: Row[], value: (row: Row) => SortValue, direction: SortDirection): Row[] {
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      const aMissing = a.key === null || a.key === undefined;
      const bMissing = b.key === null || b.key === undefined;
      if (aMissing || bMissing) return aMissing === bMissing ? a.index - b.index : aMissing ? 1 : -1;
      const order =
        typeof a.key === 'number' && typeof b.key === 'number'
          ? a.key - b.key
          : String(a.key).localeCompare(String(b.key));
      return order === 0 ? a.index - b.index : order * sign;
    })
    .map(({ row }) => row);
}
