import { shouldSeedDemo } from '../seed-demo';

describe('when the demo content is seeded', () => {
  it('seeds under `npm run develop` by default', () => {
    expect(shouldSeedDemo(true, { NODE_ENV: 'development' })).toBe(true);
  });

  it('seeds in tests only when asked', () => {
    expect(shouldSeedDemo(true, { NODE_ENV: 'test' })).toBe(false);
    expect(shouldSeedDemo(true, { NODE_ENV: 'test', PORTE_VOIX_SEED_DEMO: 'true' })).toBe(true);
  });

  it('can be switched off in development', () => {
    expect(shouldSeedDemo(true, { NODE_ENV: 'development', PORTE_VOIX_SEED_DEMO: 'false' })).toBe(false);
  });

  it('never seeds where development defaults are not allowed, even when asked', () => {
    expect(shouldSeedDemo(false, { NODE_ENV: 'development' })).toBe(false);
    expect(shouldSeedDemo(false, { NODE_ENV: 'production', PORTE_VOIX_SEED_DEMO: 'true' })).toBe(false);
  });
});
