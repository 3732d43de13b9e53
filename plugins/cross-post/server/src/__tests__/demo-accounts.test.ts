import { seedDemoAccounts } from '../demo-accounts';
import { NETWORKS } from '../providers';

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

  it('cover every network in development when asked, the self-hosted ones on their fake', async () => {
    const dev = strapi();
    await seedDemoAccounts(dev.fake, { NODE_ENV: 'development', CROSS_POST_DEMO_ACCOUNTS: 'true' });
    expect(dev.create.mock.calls.map(([account]) => account.network)).toEqual(NETWORKS);
    const baseUrl = (network: string) =>
      dev.create.mock.calls.find(([a]) => a.network === network)![0].baseUrl;
    expect(baseUrl('wordpress')).toBe('http://127.0.0.1:4108');
    expect(baseUrl('discourse')).toBe('http://127.0.0.1:4109');
    expect(baseUrl('x')).toBeUndefined();
    expect(baseUrl('pinterest')).toBeUndefined();
    expect(baseUrl('instagram')).toBeUndefined();
    expect(baseUrl('threads')).toBeUndefined();
    expect(baseUrl('youtube')).toBeUndefined();
  });
});
