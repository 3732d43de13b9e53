/**
 * A rotating refresh token (X) refreshed by two instances at once logs the account out: the second
 * refresh presents a token the first one used up. The refresh is single-flight across instances:
 * one refreshes, the other waits for the new credentials. (Two processes need a database server.)
 */
import type { ChildProcess } from 'node:child_process';

import { bootStrapi, type TestApp } from '../../harness/strapi';
import { fakeApiBaseUrlsEnv, startFakes, type Fakes } from '../../fakes';
import {
  createAccount,
  createPost,
  deliveryStatuses,
  scheduleMany,
  startInstance,
  stopInstance,
  waitFor,
} from './helpers';

const onServer = ['postgres', 'mysql'].includes(process.env.DATABASE_CLIENT ?? '');

(onServer ? describe : describe.skip)('an expired token seen by two instances at once', () => {
  let app: TestApp;
  let fakes: Fakes;
  const instances: ChildProcess[] = [];
  const INSTANCE_ENV = {
    CROSS_POST_DISPATCHER: 'true',
    CROSS_POST_TICK_SECONDS: '1',
    // Two deliveries per claim: both instances get some of the account's deliveries.
    CROSS_POST_BATCH: '2',
  };

  beforeAll(async () => {
    fakes = await startFakes();
    app = await bootStrapi({ env: { CROSS_POST_DISPATCHER: 'false', ...fakeApiBaseUrlsEnv(fakes) } });
  });
  afterAll(async () => {
    for (const instance of instances) await stopInstance(instance);
    await app?.stop();
    await fakes?.stop();
  });

  it('is refreshed once, and every delivery goes out with the new token', async () => {
    const account = await createAccount(app.strapi, fakes, 'x');
    const posts = [];
    for (let i = 0; i < 8; i++)
      posts.push(await createPost(app.strapi, { fr: `Billet ${i} : les coulisses du festival` }));
    fakes.x.configure({ latencyMs: 300 });
    // The stored access token has expired: the first send of each instance answers 401.
    fakes.x.expiredTokens.add('x-token');

    instances.push(await startInstance(INSTANCE_ENV));
    instances.push(await startInstance(INSTANCE_ENV));
    // Due a moment from now, so both instances wake for them together.
    await scheduleMany(app.strapi, posts, [account.id], new Date(Date.now() + 2_000));

    const statuses = await waitFor(
      () => deliveryStatuses(app.strapi),
      (s) => Object.keys(s).every((k) => k === 'published' || k.startsWith('failed')),
      90_000
    );
    expect(statuses).toEqual({ published: posts.length });
    expect(fakes.x.refreshCount).toBe(1);
    expect(fakes.x.published).toHaveLength(posts.length);
    const attempts = await app.strapi.db
      .query('plugin::cross-post.delivery-attempt')
      .findMany({ select: ['outcome', 'instance'] });
    // Both instances published some of them.
    const publishers = new Set(
      attempts.filter((a: any) => a.outcome === 'published').map((a: any) => a.instance)
    );
    expect(publishers.size).toBe(2);
  });
});
