import { seedDemoAccounts } from '../demo-accounts';

describe('demo accounts', () => {
  const strapi = () => {
    const create = jest.fn();
    const fake: any = {
      db: { query: () => ({ count: async () => 0 }) },
      plugin: () => ({ service: () => ({ create }) }),
      log: { info: jest.fn() },
    };
    return { fake, create };
  };

  it('are never created in production, nor without the switch', async () => {
    const production = strapi();
    await seedDemoAccounts(production.fake, { NODE_ENV: 'production', CROSS_POST_DEMO_ACCOUNTS: 'true' });
    expect(production.create).not.toHaveBeenCalled();
    const off = strapi();
    await seedDemoAccounts(off.fake, { NODE_ENV: 'development' });
    expect(off.create).not.toHaveBeenCalled();
  });

  it('cover the seven networks in development when asked', async () => {
    const dev = strapi();
    await seedDemoAccounts(dev.fake, { NODE_ENV: 'development', CROSS_POST_DEMO_ACCOUNTS: 'true' });
    expect(dev.create).toHaveBeenCalledTimes(7);
  });
});
