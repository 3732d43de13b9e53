/**
 * An amount as a person types it, in French or English: "149,90", "149.90", "1 234,50",
 * "1,234.50". With both separators the last one is the decimal point; a lone comma is one too (the
 * French habit). Null when it is not a non-negative amount.
 */
export function parseAmount(typed: string): number | null {
  let text = typed.replace(/[\s\u00a0\u202f']/g, '');
  if (!text) return null;
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    const decimal = comma > dot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    text = text.split(thousands).join('').replace(decimal, '.');
  } else if (comma >= 0) {
    if (text.indexOf(',') !== comma) return null;
    text = text.replace(',', '.');
  }
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}
