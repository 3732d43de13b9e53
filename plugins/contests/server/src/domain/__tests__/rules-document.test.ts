import { readContestSettings } from '../contest-settings';
import { generateRules } from '../rules-document';

const settings = readContestSettings({
  organizer: 'Roue Libre SAS, 8 rue de la République, 69002 Lyon',
  entryOpensAt: '2026-05-01T08:00:00.000Z',
  entryClosesAt: '2026-05-31T20:00:00.000Z',
  prizes: [
    { name: 'Vélo cargo électrique', quantity: 1, unitValue: 3490, currency: 'EUR' },
    { name: 'Casque', quantity: 5, unitValue: '89', currency: 'EUR' },
  ],
  minimumAge: 18,
  eligibleCountries: ['FR', 'BE'],
  winnersCount: 6,
  substitutesCount: 3,
  claimDays: 14,
  retentionDays: 180,
  beaconSource: 'drand round 5 000 000 (League of Entropy, quicknet)',
  rules: 'Un seul lot par foyer.',
});
const input = {
  eventTitle: 'Un vélo cargo à gagner',
  eventDocumentId: 'doc1',
  settings,
  commitment: 'ab'.repeat(32),
  timeZone: 'Europe/Paris',
};

describe('rules generation', () => {
  it('writes the French règlement from the contest fields', () => {
    const text = generateRules(input, 'fr', new Date('2026-04-20T10:00:00Z'));
    expect(text).toContain('Roue Libre SAS');
    expect(text).toContain('1 mai 2026');
    expect(text).toMatch(/3\s490,00\s€/);
    expect(text).toMatch(/Valeur totale des dotations : 3\s935,00\s€/);
    expect(text).toContain('France, Belgique');
    expect(text).toContain('au moins 18 ans');
    expect(text).toContain(`\`${'ab'.repeat(32)}\``);
    expect(text).toContain('drand round');
    expect(text).toContain('14 jours');
    expect(text).toContain('180 jours');
    expect(text).toContain('Un seul lot par foyer.');
    expect(text).toContain('CNIL');
  });

  it('writes the English rules, and says when the commitment is still to come', () => {
    const text = generateRules({ ...input, commitment: null }, 'en');
    expect(text).toContain('Official rules');
    expect(text).toContain('France, Belgium');
    expect(text).toContain('€3,490.00');
    expect(text).toContain('The commitment will be published before entries open.');
    expect(text).toContain('HMAC-SHA256');
  });
});

describe('double opt-in in the rules', () => {
  it('is stated by default, in French and English, and left out when the contest turns it off', () => {
    expect(generateRules(input, 'fr')).toContain('qu’une fois confirmée par le lien envoyé');
    expect(generateRules(input, 'en')).toContain('only once confirmed through the link');
    const off = { ...input, settings: { ...settings, doubleOptIn: false } };
    expect(generateRules(off, 'fr')).not.toContain('confirmée par le lien');
  });

  it('runs the claim period from the sending of the winner’s e-mail', () => {
    expect(generateRules(input, 'fr')).toContain('14 jours à compter de l’envoi de cet e-mail');
  });
});
