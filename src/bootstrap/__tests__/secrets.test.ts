import { REQUIRED_SECRETS, secretProblems } from '../secrets';

const strong = (seed: string) =>
  Buffer.from(`${seed}-0123456789abcdefghijklmnopqrstuvwxyz`).toString('base64');
const allStrong = () =>
  Object.fromEntries(
    REQUIRED_SECRETS.map(({ variable }) => [
      variable,
      variable === 'APP_KEYS' ? [strong('a'), strong('b')] : strong(variable),
    ])
  );

describe('the secrets a production start needs', () => {
  it('accepts strong, distinct values', () => {
    expect(secretProblems(allStrong())).toEqual([]);
  });

  it('names every missing secret at once', () => {
    expect(secretProblems({})).toEqual(REQUIRED_SECRETS.map(({ variable }) => `${variable} is missing`));
    expect(secretProblems({ ...allStrong(), APP_KEYS: ['', ' '], JWT_SECRET: '' })).toEqual([
      'APP_KEYS is missing',
      'JWT_SECRET is missing',
    ]);
  });

  it('refuses short, repetitive and development values, without quoting them', () => {
    const development = REQUIRED_SECRETS.find(({ variable }) => variable === 'ADMIN_JWT_SECRET')!.development;
    const problems = secretProblems({
      ...allStrong(),
      APP_KEYS: [strong('a'), 'toBeModified1'],
      ADMIN_JWT_SECRET: development,
      ENCRYPTION_KEY: 'a'.repeat(64),
    });
    expect(problems).toEqual([
      'APP_KEYS is shorter than 32 characters',
      'ADMIN_JWT_SECRET is a published development value',
      'ENCRYPTION_KEY repeats too few characters to be random',
    ]);
    expect(problems.join(' ')).not.toContain(development);
  });
});
