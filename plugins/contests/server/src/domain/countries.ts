/**
 * The countries a contest can be open to: ISO 3166-1 alpha-2 codes, stored upper case
 * (`["FR", "BE", "CH"]`). The admin names them in the reader's language (Intl.DisplayNames).
 */
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW ' +
  'BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI ' +
  'FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN ' +
  'IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME ' +
  'MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF ' +
  'PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
  'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE ' +
  'YT ZA ZM ZW'
).split(' ');

const KNOWN = new Set(COUNTRY_CODES);

/** What is wrong with a stored list of countries (read after the field's name), or null. */
export function checkCountries(value: unknown): string | null {
  if (!Array.isArray(value)) return 'must be a list of ISO 3166 country codes such as ["FR", "BE", "CH"]';
  const bad = value.find((code) => typeof code !== 'string' || !KNOWN.has(code));
  if (bad !== undefined)
    return `must hold ISO 3166 country codes in capitals such as "FR" (not ${JSON.stringify(bad)})`;
  if (new Set(value).size !== value.length) return 'must name each country once';
  return null;
}
