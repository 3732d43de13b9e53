import disposableDomains from './disposable-email-domains.json';

/**
 * Fraud signals never refuse an entry: they put it in `review` so an organiser decides. Each
 * signal says what fired and on what evidence (no personal data: counts and public ids only).
 */
export type FraudSignal =
  | { type: 'disposable_email'; domain: string }
  | { type: 'ip_volume'; entriesFromIp: number; threshold: number }
  | { type: 'burst'; entriesFromIp: number; withinSeconds: number; threshold: number }
  | { type: 'near_duplicate_name'; similarTo: string[] };

export type FraudThresholds = {
  /** Entries to this contest from one IP (hashed) before the next ones are flagged. */
  ipEntryThreshold: number;
  /** Entries from one IP within `burstWindowSeconds` that make a burst. */
  burstThreshold: number;
  burstWindowSeconds: number;
  extraDisposableDomains: string[];
};

const DISPOSABLE = new Set<string>(disposableDomains as string[]);

export function isDisposableDomain(domain: string, extra: string[] = []): boolean {
  const lower = domain.toLowerCase();
  // Sub-domains of a throwaway service are throwaway too (e.g. "abc.mailinator.com").
  const candidates = lower.split('.').map((_, i, labels) => labels.slice(i).join('.'));
  return candidates.some((candidate) => DISPOSABLE.has(candidate) || extra.includes(candidate));
}

/** Lower case, no accents, no digits or punctuation, words sorted: "DUPONT jean2" ≈ "Jean Dupont". */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z\s'-]/g, ' ')
    .split(/[\s'-]+/)
    .filter(Boolean)
    .sort()
    .join(' ');
}

/**
 * Levenshtein distance, stopping early once it exceeds `max`. Only the band of cells within `max`
 * of the diagonal can stay within `max`, so only those are computed (Ukkonen): with `max` at one
 * or two, a comparison costs a few cells per character. Every entry compares its name with the
 * latest 200, so this is on the entry path.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const outside = max + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j += 1) previous[j] = j <= max ? j : outside;
  for (let i = 1; i <= a.length; i += 1) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    current[0] = i <= max ? i : outside;
    if (from > 1) current[from - 1] = outside;
    let rowMin = current[0];
    for (let j = from; j <= to; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current[j] = value > outside ? outside : value;
      if (value < rowMin) rowMin = value;
    }
    if (to < b.length) current[to + 1] = outside;
    if (rowMin > max) return outside;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** Two names are near-duplicates when their keys differ by at most one edit (two for long names). */
export function areNearDuplicateNames(a: string, b: string): boolean {
  if (!a || !b) return false;
  const allowed = Math.min(a.length, b.length) >= 12 ? 2 : 1;
  return editDistance(a, b, allowed) <= allowed;
}

export type FraudEvidence = {
  emailDomain: string;
  nameKey: string;
  /** Earlier entries to the same contest from the same IP hash (any person). */
  entriesFromIp: number;
  /** Of those, how many arrived within the burst window. */
  recentEntriesFromIp: number;
  /** Recent entries of other persons: public id and name key. */
  otherNames: { publicId: string; nameKey: string }[];
};

const MAX_SIMILAR_NAMES = 10;

export function detectFraudSignals(evidence: FraudEvidence, thresholds: FraudThresholds): FraudSignal[] {
  const signals: FraudSignal[] = [];
  if (isDisposableDomain(evidence.emailDomain, thresholds.extraDisposableDomains)) {
    signals.push({ type: 'disposable_email', domain: evidence.emailDomain });
  }
  // Counting this entry too: the threshold-th entry from an IP is the first one flagged.
  const fromIp = evidence.entriesFromIp + 1;
  if (fromIp >= thresholds.ipEntryThreshold) {
    signals.push({ type: 'ip_volume', entriesFromIp: fromIp, threshold: thresholds.ipEntryThreshold });
  }
  const burst = evidence.recentEntriesFromIp + 1;
  if (burst >= thresholds.burstThreshold) {
    signals.push({
      type: 'burst',
      entriesFromIp: burst,
      withinSeconds: thresholds.burstWindowSeconds,
      threshold: thresholds.burstThreshold,
    });
  }
  // The signal names ten at most: the comparisons stop there.
  const similar: string[] = [];
  for (const other of evidence.otherNames) {
    if (!areNearDuplicateNames(evidence.nameKey, other.nameKey)) continue;
    if (similar.push(other.publicId) === MAX_SIMILAR_NAMES) break;
  }
  if (similar.length > 0) signals.push({ type: 'near_duplicate_name', similarTo: similar });
  return signals;
}
