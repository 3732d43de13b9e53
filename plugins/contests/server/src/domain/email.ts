/**
 * Email addresses as identities: one person must not enter twice by writing their address
 * differently. Case never matters; some providers also ignore dots or "+tags" in the local part.
 */

/** Providers that deliver `j.o.h.n+promo@gmail.com` to `john@gmail.com`: dots and +tags are noise. */
const DOTS_AND_TAGS_IGNORED: Record<string, string> = {
  'gmail.com': 'gmail.com',
  'googlemail.com': 'gmail.com',
};

/** Providers with "+tag" sub-addressing, where dots are significant. */
const PLUS_TAGS_IGNORED = new Set([
  'outlook.com',
  'outlook.fr',
  'hotmail.com',
  'hotmail.fr',
  'live.com',
  'live.fr',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'protonmail.com',
  'protonmail.ch',
  'proton.me',
  'pm.me',
  'fastmail.com',
  'fastmail.fm',
  'hey.com',
  'zoho.com',
  'yandex.com',
  'yandex.ru',
]);

const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export type ParsedEmail = { local: string; domain: string };

/** Splits and checks an address; `null` when it could not receive mail. Lower-cases both parts. */
export function parseEmail(raw: string): ParsedEmail | null {
  const address = raw.trim().toLowerCase();
  if (address.length > 254) return null;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return null;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).replace(/\.$/, '');
  if (local.length > 64 || !LOCAL_PART.test(local)) return null;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return null;
  if (!/^[a-z]{2,}$/.test(labels[labels.length - 1]) && !/^xn--/.test(labels[labels.length - 1])) return null;
  return { local, domain };
}

export function isWellFormedEmail(raw: string): boolean {
  return parseEmail(raw) !== null;
}

/**
 * The canonical form used to recognise a person: lower case, and for providers that ignore them,
 * without dots and/or "+tag". Throws on a malformed address (validate first).
 */
export function normaliseEmail(raw: string): string {
  const parsed = parseEmail(raw);
  if (!parsed) throw new Error(`Malformed email address: ${raw}`);
  let { local, domain } = parsed;
  if (domain in DOTS_AND_TAGS_IGNORED) {
    domain = DOTS_AND_TAGS_IGNORED[domain];
    local = stripTag(local).replace(/\./g, '');
  } else if (PLUS_TAGS_IGNORED.has(domain)) {
    local = stripTag(local);
  }
  return `${local}@${domain}`;
}

function stripTag(local: string): string {
  const plus = local.indexOf('+');
  // "+tag" alone is not an address: keep it rather than produce an empty local part.
  return plus > 0 ? local.slice(0, plus) : local;
}

export function emailDomain(raw: string): string | null {
  return parseEmail(raw)?.domain ?? null;
}
