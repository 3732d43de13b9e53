/** CROSS_POST_DEMO_ACCOUNTS=true connects one demo account per network to the local fakes of `npm run fakes`. */
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { DEFAULT_FAKE_PORTS } from '../../fakes';

describe('development demo accounts', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootStrapi({ env: { CROSS_POST_DEMO_ACCOUNTS: 'true', CROSS_POST_DISPATCHER: 'false' } });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('creates one account per network on the default fake ports, credentials encrypted', async () => {
    const accounts = await app.strapi.plugin('cross-post').service('accounts').list();
    expect(accounts.map((a: any) => [a.network, a.baseUrl]).sort()).toEqual(
      Object.entries(DEFAULT_FAKE_PORTS)
        .map(([network, port]) => [network, `http://127.0.0.1:${port}`])
        .sort()
    );
    const row = await app.strapi.db
      .query('plugin::cross-post.social-account')
      .findOne({ where: { network: 'mastodon' } });
    expect(row.credentialsEncrypted).not.toContain('demo-mastodon-token');
  });
});
