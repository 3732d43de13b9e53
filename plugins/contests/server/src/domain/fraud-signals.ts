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

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > max) return max + 1;
    previous = current;
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
  const similar = evidence.otherNames
    .filter((other) => areNearDuplicateNames(evidence.nameKey, other.nameKey))
    .map((other) => other.publicId);
  if (similar.length > 0) signals.push({ type: 'near_duplicate_name', similarTo: similar.slice(0, 10) });
  return signals;
}
