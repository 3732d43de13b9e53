/**
 * CSV that a spreadsheet opens as it is. French Excel expects `;` between cells and a decimal comma;
 * English uses `,` and a point. Always UTF-8 with a byte-order mark (without it Excel reads accents as
 * Latin-1), CRLF line ends, RFC 4180 quoting, and a leading quote on text a spreadsheet would run as
 * a formula. Numbers are written without thousands separators so that they stay numbers.
 */
export type CsvLocale = 'en' | 'fr';
export type CsvCell = string | number | boolean | Date | null | undefined;
export type CsvColumn<Row> = { header: string; value: (row: Row) => CsvCell };

export function csvDialect(locale: string): CsvLocale {
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function formatCell(cell: CsvCell, locale: CsvLocale, separator: string): string {
  let text: string;
  if (cell === null || cell === undefined) text = '';
  else if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) text = '';
    else {
      // At most 6 decimals, no exponent, no trailing zeros.
      const fixed = Number.isInteger(cell) ? String(cell) : cell.toFixed(6).replace(/\.?0+$/, '');
      text = locale === 'fr' ? fixed.replace('.', ',') : fixed;
    }
    return text;
  } else if (typeof cell === 'boolean') text = cell ? 'true' : 'false';
  else if (cell instanceof Date) text = cell.toISOString();
  else text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<Row>(columns: CsvColumn<Row>[], rows: Iterable<Row>, locale: CsvLocale): string {
  const separator = locale === 'fr' ? ';' : ',';
  const line = (cells: CsvCell[]) => cells.map((cell) => formatCell(cell, locale, separator)).join(separator);
  const lines = [line(columns.map((column) => column.header))];
  for (const row of rows) lines.push(line(columns.map((column) => column.value(row))));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
