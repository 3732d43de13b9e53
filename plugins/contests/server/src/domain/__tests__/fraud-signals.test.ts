import {
  areNearDuplicateNames,
  detectFraudSignals,
  editDistance,
  isDisposableDomain,
  nameKey,
} from '../fraud-signals';

/** The textbook Levenshtein distance, every cell computed: what the banded one must agree with. */
function fullEditDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
    }
    previous = current;
  }
  return previous[b.length];
}

const thresholds = {
  ipEntryThreshold: 5,
  burstThreshold: 3,
  burstWindowSeconds: 60,
  extraDisposableDomains: ['spam.example'],
};
const clean = {
  emailDomain: 'example.fr',
  nameKey: 'camille durand',
  entriesFromIp: 0,
  recentEntriesFromIp: 0,
  otherNames: [],
};

describe('fraud signals', () => {
  it('fires nothing for an ordinary entry', () => {
    expect(detectFraudSignals(clean, thresholds)).toEqual([]);
  });

  it('flags disposable email domains from the shipped list, their sub-domains and the configured extras', () => {
    expect(isDisposableDomain('yopmail.com')).toBe(true);
    expect(isDisposableDomain('abc.mailinator.com')).toBe(true);
    expect(isDisposableDomain('gmail.com')).toBe(false);
    expect(detectFraudSignals({ ...clean, emailDomain: 'spam.example' }, thresholds)).toEqual([
      { type: 'disposable_email', domain: 'spam.example' },
    ]);
  });

  it('flags the n-th entry from one IP hash, and bursts within the window', () => {
    expect(detectFraudSignals({ ...clean, entriesFromIp: 3 }, thresholds)).toEqual([]);
    expect(detectFraudSignals({ ...clean, entriesFromIp: 4 }, thresholds)).toEqual([
      { type: 'ip_volume', entriesFromIp: 5, threshold: 5 },
    ]);
    expect(detectFraudSignals({ ...clean, entriesFromIp: 2, recentEntriesFromIp: 2 }, thresholds)).toEqual([
      { type: 'burst', entriesFromIp: 3, withinSeconds: 60, threshold: 3 },
    ]);
  });

  it('recognises near-duplicate names across case, accents, digits and word order', () => {
    expect(nameKey('DUPONT  Jéan2')).toBe('dupont jean');
    expect(areNearDuplicateNames(nameKey('Jean Dupont'), nameKey('Jean Dupond'))).toBe(true);
    expect(areNearDuplicateNames(nameKey('Jean Dupont'), nameKey('dupont jean'))).toBe(true);
    expect(areNearDuplicateNames(nameKey('Jean Dupont'), nameKey('Jeanne Martin'))).toBe(false);
    expect(areNearDuplicateNames(nameKey('Léa Roy'), nameKey('Léo Ray'))).toBe(false);
    const signals = detectFraudSignals(
      {
        ...clean,
        nameKey: nameKey('Camille Durant'),
        otherNames: [
          { publicId: 'p1', nameKey: 'camille durand' },
          { publicId: 'p2', nameKey: 'paul martin' },
        ],
      },
      thresholds
    );
    expect(signals).toEqual([{ type: 'near_duplicate_name', similarTo: ['p1'] }]);
  });

  it('measures edit distances as the textbook Levenshtein does, up to the allowed number', () => {
    // A seeded generator over a small alphabet, so that near pairs are common.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const word = () => Array.from({ length: random(14) }, () => 'abcd '[random(5)]).join('');
    const mutate = (value: string) => {
      const chars = [...value];
      for (let k = random(4); k > 0; k -= 1) {
        const at = random(chars.length + 1);
        const edit = random(3);
        if (edit === 0) chars.splice(at, 0, 'abcd'[random(4)]);
        else if (edit === 1) chars.splice(at, 1);
        else chars[at] = 'abcd'[random(4)];
      }
      return chars.join('');
    };
    for (let n = 0; n < 3000; n += 1) {
      const a = word();
      const b = random(3) === 0 ? word() : mutate(a);
      const max = 1 + random(2);
      expect([a, b, max, editDistance(a, b, max)]).toEqual([
        a,
        b,
        max,
        Math.min(fullEditDistance(a, b), max + 1),
      ]);
    }
  });

  it('names at most ten similar entries, the most recent first', () => {
    const otherNames = Array.from({ length: 30 }, (_, i) => ({
      publicId: `p${i}`,
      nameKey: 'camille durand',
    }));
    const signals = detectFraudSignals({ ...clean, nameKey: 'camille durant', otherNames }, thresholds);
    expect(signals).toEqual([
      { type: 'near_duplicate_name', similarTo: otherNames.slice(0, 10).map((other) => other.publicId) },
    ]);
  });
});
