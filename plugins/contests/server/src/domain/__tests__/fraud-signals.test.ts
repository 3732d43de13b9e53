import { areNearDuplicateNames, detectFraudSignals, isDisposableDomain, nameKey } from '../fraud-signals';

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
});
