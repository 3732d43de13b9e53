import { shouldSeedDemo } from '../seed-demo';

describe('when the demo content is seeded', () => {
  it('seeds in development by default', () => {
    expect(shouldSeedDemo({ NODE_ENV: 'development' })).toBe(true);
    expect(shouldSeedDemo({})).toBe(true);
  });

  it('never seeds in production or tests unless asked', () => {
    expect(shouldSeedDemo({ NODE_ENV: 'production' })).toBe(false);
    expect(shouldSeedDemo({ NODE_ENV: 'test' })).toBe(false);
    expect(shouldSeedDemo({ NODE_ENV: 'test', PORTE_VOIX_SEED_DEMO: 'true' })).toBe(true);
  });

  it('can be switched off in development', () => {
    expect(shouldSeedDemo({ NODE_ENV: 'development', PORTE_VOIX_SEED_DEMO: 'false' })).toBe(false);
  });
});
