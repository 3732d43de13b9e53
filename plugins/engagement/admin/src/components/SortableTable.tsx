import { useState, type ReactNode } from 'react';
import {
  Table,
  Tbody,
  Td,
  TextButton,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { CaretDown, CaretUp } from '@strapi/icons';

import { useT } from '../hooks/useT';
import { sortRows, type SortDirection, type SortValue } from '../utils/sort';

export type Column<Row> = {
  key: string;
  label: string;
  /** What the column sorts by; a column without it does not sort. */
  sort?: (row: Row) => SortValue;
  render: (row: Row) => ReactNode;
  align?: 'left' | 'right';
};

type Props<Row> = {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row, index: number) => string;
  initialSort?: { key: string; direction: SortDirection };
  caption: string;
  testId?: string;
};

/** A report table sortable by any column with figures; unknown figures stay last either way. */
export function SortableTable<Row>({ columns, rows, rowKey, initialSort, caption, testId }: Props<Row>) {
  const t = useT();
  const [sort, setSort] = useState(initialSort ?? null);
  const column = sort ? columns.find((candidate) => candidate.key === sort.key) : undefined;
  const shown = column?.sort ? sortRows(rows, column.sort, sort!.direction) : rows;

  const toggle = (key: string) =>
    setSort((current) =>
      current?.key === key
        ? { key, direction: current.direction === 'desc' ? 'asc' : 'desc' }
        : { key, direction: 'desc' }
    );

  return (
    <Table colCount={columns.length} rowCount={rows.length + 1} aria-label={caption} data-testid={testId}>
      <Thead>
        <Tr>
          {columns.map((candidate) => {
            const sorted = sort?.key === candidate.key ? sort.direction : null;
            return (
              <Th
                key={candidate.key}
                aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {candidate.sort ? (
                  <TextButton
                    onClick={() => toggle(candidate.key)}
                    endIcon={sorted === 'asc' ? <CaretUp /> : sorted === 'desc' ? <CaretDown /> : undefined}
                    data-testid={testId ? `${testId}-sort-${candidate.key}` : undefined}
                  >
                    <Typography variant="sigma">{candidate.label}</Typography>
                    <VisuallyHidden>{t('table.sortBy')}</VisuallyHidden>
                  </TextButton>
                ) : (
                  <Typography variant="sigma">{candidate.label}</Typography>
                )}
              </Th>
            );
          })}
        </Tr>
      </Thead>
      <Tbody>
        {shown.map((row, index) => (
          <Tr key={rowKey(row, index)}>
            {columns.map((candidate) => (
              <Td
                key={candidate.key}
                style={candidate.align === 'right' ? { textAlign: 'right' } : undefined}
              >
                {candidate.render(row)}
              </Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
