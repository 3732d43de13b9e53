import { isWellFormedEmail, normaliseEmail } from '../email';
import { normalisePhone } from '../phone';
import { personKeys } from '../person-key';

describe('email normalisation', () => {
  it.each([
    ['Camille.Durand@Example.FR', 'camille.durand@example.fr'],
    ['  camille@example.fr ', 'camille@example.fr'],
    ['C.A.Mille+concours@gmail.com', 'camille@gmail.com'],
    ['camille+velo@GoogleMail.com', 'camille@gmail.com'],
    ['camille.durand+promo@outlook.com', 'camille.durand@outlook.com'],
    ['camille+promo@icloud.com', 'camille@icloud.com'],
    ['camille+promo@proton.me', 'camille@proton.me'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
  });

  it('keeps dots and +tags where the provider may treat them as a different mailbox', () => {
    expect(normaliseEmail('camille.durand+promo@example.fr')).toBe('camille.durand+promo@example.fr');
    expect(normaliseEmail('c.durand@outlook.com')).not.toBe(normaliseEmail('cdurand@outlook.com'));
  });

  it('never produces an empty mailbox from a bare +tag', () => {
    expect(normaliseEmail('+tag@gmail.com')).toBe('+tag@gmail.com');
  });

  it.each([
    '',
    'camille',
    'camille@',
    '@example.fr',
    'camille@example',
    'cam ille@example.fr',
    'a@b@example.fr',
    'camille@-example.fr',
    'camille..d@example.fr',
    `${'a'.repeat(65)}@example.fr`,
  ])('refuses the malformed address %p', (raw) => {
    expect(isWellFormedEmail(raw)).toBe(false);
    expect(() => normaliseEmail(raw)).toThrow(/Malformed/);
  });
});

describe('phone normalisation', () => {
  it.each([
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['+33 6 12 34 56 78', null, '+33612345678'],
    ['0033612345678', null, '+33612345678'],
    ['+33 (0)6 12 34 56 78', null, '+33612345678'],
    ['0470 12 34 56', 'BE', '+32470123456'],
  ])('%s (%s) → %s', (raw, country, expected) => {
    expect(normalisePhone(raw, country)).toBe(expected);
  });

  it('gives up on numbers it cannot place', () => {
    expect(normalisePhone('06 12 34 56 78', null)).toBeNull();
    expect(normalisePhone('12', 'FR')).toBeNull();
  });
});

describe('person key', () => {
  it('is the same for every way of writing one gmail address', () => {
    const a = personKeys({ email: 'Jean.Dupont+jeu@gmail.com' });
    const b = personKeys({ email: 'jeandupont@googlemail.com' });
    expect(a.personKey).toBe(b.personKey);
    expect(a.phoneKey).toBeNull();
  });

  it('adds a phone key when a phone is given', () => {
    expect(personKeys({ email: 'a@example.fr', phone: '06 12 34 56 78', country: 'FR' })).toEqual({
      personKey: 'email:a@example.fr',
      phoneKey: 'phone:+33612345678',
    });
  });
});
