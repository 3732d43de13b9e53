/**
 * Phone numbers as a second identity: written with spaces, dots, a national 0 or an international
 * 00 prefix, they all reduce to E.164 ("+33612345678").
 */

/** Calling codes for the countries a French organiser most often opens a contest to. */
const CALLING_CODES: Record<string, string> = {
  FR: '33',
  BE: '32',
  CH: '41',
  LU: '352',
  MC: '377',
  DE: '49',
  ES: '34',
  IT: '39',
  GB: '44',
  IE: '353',
  NL: '31',
  PT: '351',
  CA: '1',
  US: '1',
};

/** E.164 form, or `null` when the number cannot be a phone number. */
export function normalisePhone(raw: string, country?: string | null): string | null {
  let phone = raw.trim().replace(/[\s.\-()/]/g, '');
  if (phone.startsWith('00')) phone = `+${phone.slice(2)}`;
  if (!phone.startsWith('+')) {
    const code = country ? CALLING_CODES[country.toUpperCase()] : undefined;
    if (!code || !phone.startsWith('0')) return null;
    phone = `+${code}${phone.slice(1)}`;
  }
  // "+33 (0)6 …" is a common way of writing a French number internationally.
  phone = phone.replace(/^\+(\d{1,3})0(\d{8,})$/, (whole, code, rest) =>
    Object.values(CALLING_CODES).includes(code) ? `+${code}${rest}` : whole
  );
  return /^\+[1-9]\d{7,14}$/.test(phone) ? phone : null;
}
