import { Typography } from '@strapi/design-system';
import { FormattedMessage } from 'react-intl';

type Header = { name: string; attribute?: { type?: string }; cellFormatter?: unknown };

/**
 * Strapi 5.54's list view prints an enumeration's raw value (`CellValue` only formats dates, numbers and
 * booleans), while its edit view and filters look the value up as a translation id. Give enumeration
 * columns the same lookup, so `in_review` reads "En relecture" in French.
 */
const enumCell = (row: Record<string, unknown>, header: Header) => {
  const value = row[header.name];
  return (
    <Typography maxWidth="30rem" ellipsis textColor="neutral800">
      {typeof value === 'string' && value ? <FormattedMessage id={value} defaultMessage={value} /> : '-'}
    </Typography>
  );
};

/** `Admin/CM/pages/ListView/inject-column-in-table` waterfall. */
export function translateEnumCells<T extends { displayedHeaders: Header[] }>(value: T): T {
  return {
    ...value,
    displayedHeaders: value.displayedHeaders.map((header) =>
      header.attribute?.type === 'enumeration' && !header.cellFormatter
        ? { ...header, cellFormatter: enumCell }
        : header
    ),
  };
}
