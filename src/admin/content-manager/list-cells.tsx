import { Typography } from '@strapi/design-system';
import { FormattedDate, FormattedMessage } from 'react-intl';

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

/**
 * Strapi prints a date and time in full ("dimanche 10 janvier 2027 à 09:00"), which pushes the list's
 * last columns off a 1280 px screen: the short form says the same ("10 janv. 2027, 09:00").
 */
const dateTimeCell = (row: Record<string, unknown>, header: Header) => {
  const value = row[header.name];
  return (
    <Typography textColor="neutral800">
      {typeof value === 'string' && value ? (
        <FormattedDate value={value} dateStyle="medium" timeStyle="short" />
      ) : (
        '-'
      )}
    </Typography>
  );
};

const FORMATTERS: Partial<Record<string, (row: Record<string, unknown>, header: Header) => JSX.Element>> = {
  enumeration: enumCell,
  datetime: dateTimeCell,
};

/** `Admin/CM/pages/ListView/inject-column-in-table` waterfall: enumerations and dates, as people read them. */
export function formatListCells<T extends { displayedHeaders: Header[] }>(value: T): T {
  return {
    ...value,
    displayedHeaders: value.displayedHeaders.map((header) => {
      const formatter = FORMATTERS[header.attribute?.type ?? ''];
      return formatter && !header.cellFormatter ? { ...header, cellFormatter: formatter } : header;
    }),
  };
}
