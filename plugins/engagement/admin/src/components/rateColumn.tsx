import type { Rate } from '../api/engagement';
import { RateValue } from './RateValue';
import type { Column } from './SortableTable';

/** A table column of one rate per row, sorted by its value and named by what it divides. */
export function rateColumn<Row>(
  key: string,
  label: string,
  rateOf: (row: Row) => Rate | null | undefined,
  numerator: Rate['numerator'],
  denominator: Rate['denominator']
): Column<Row> {
  return {
    key,
    label,
    sort: (row) => rateOf(row)?.value,
    render: (row) => <RateValue rate={rateOf(row) ?? null} numerator={numerator} denominator={denominator} />,
  };
}
