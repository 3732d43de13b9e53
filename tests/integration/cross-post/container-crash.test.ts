/**
 * kill -9 between a media container's creation and its publication (Threads; Instagram is the same
 * code): the container's id is on the delivery, so the instance that takes the delivery back
 * publishes that container, and the post is online once, from one container.
 */
import type { ChildProcess } from 'node:child_process';

import { bootStrapi, type TestApp } from '../../harness/strapi';
import { fakeApiBaseUrlsEnv, startFakes, type Fakes } from '../../fakes';
import { createAccount, createPost, scheduleMany, startInstance, stopInstance, waitFor } from './helpers';

const INSTANCE_ENV = {
  CROSS_POST_DISPATCHER: 'true',
  CROSS_POST_TICK_SECONDS: '1',
  // A request waits a third of the lease at most: a container is waited for 2 s per attempt.
  CROSS_POST_LEASE_MS: '6000',
  CROSS_POST_RECONCILE_DELAY_MS: '200',
  CROSS_POST_RECONCILE_CHECKS: '1',
};

describe('a process killed between the container and its publication', () => {
  let app: TestApp;
  let fakes: Fakes;
  let instance: ChildProcess | undefined;

  beforeAll(async () => {
    fakes = await startFakes();
    app = await bootStrapi({ env: { CROSS_POST_DISPATCHER: 'false', ...fakeApiBaseUrlsEnv(fakes) } });
  });
  afterAll(async () => {
    await stopInstance(instance);
    await app?.stop();
    await fakes?.stop();
  });

  it('publishes the saved container after the restart: one container, one post', async () => {
    const account = await createAccount(app.strapi, fakes, 'threads' as any, {
      credentials: { userId: '25025320001234567', accessToken: `th-${Date.now().toString(36)}` },
    });
    const text = `Le festival ouvre samedi (${Date.now().toString(36)})`;
    const post = await createPost(app.strapi, { fr: text });
    // Threads keeps processing the container: the instance dies while waiting for it.
    fakes.threads.processingPolls = 10_000;
    instance = await startInstance(INSTANCE_ENV);
    await scheduleMany(app.strapi, [post], [account.id], new Date());

    const delivery = () =>
      app.strapi.db
        .query('plugin::cross-post.delivery')
        .findOne({ where: { postDocumentId: post, accountId: account.id } });
    const saved = await waitFor(delivery, (row: any) => Boolean(row?.providerState?.containerId), 60_000);
    await stopInstance(instance, 'SIGKILL');
    expect(fakes.threads.containers.size).toBe(1);
    expect(fakes.threads.published).toHaveLength(0);
    const [container] = fakes.threads.containers.values();
    expect(saved.providerState.containerId).toBe(container.id);

    fakes.threads.processingPolls = 0;
    instance = await startInstance(INSTANCE_ENV);
    const published = await waitFor(
      delivery,
      (row: any) => row?.status === 'published' || row?.status === 'failed',
      60_000
    );
    expect(published).toMatchObject({ status: 'published', remoteId: fakes.threads.published[0]?.id });
    expect(fakes.threads.containers.size).toBe(1);
    expect(fakes.threads.published.map((p) => p.text)).toEqual([expect.stringContaining(text)]);
  });
});
