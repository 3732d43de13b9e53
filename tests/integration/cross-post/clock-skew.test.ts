/**
 * Instances' clocks drift; the database's is the one they share. An instance whose clock is an hour
 * ahead must not take a lease another instance still holds, nor publish early; one an hour behind
 * must still publish what is due.
 */
import type { Core } from '@strapi/strapi';

import { restoreClock, skewClock } from '../../harness/clock';
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { startFakes, type Fakes } from '../../fakes';
import { createAccount, createPost } from './helpers';

const HOUR = 3_600_000;
const DELIVERY_UID = 'plugin::cross-post.delivery';

const delivery = (strapi: Core.Strapi, postDocumentId: string) =>
  strapi.db.query(DELIVERY_UID).findOne({ where: { postDocumentId } });

describe('an instance whose clock is wrong by an hour', () => {
  let app: TestApp;
  let fakes: Fakes;
  let accountId: number;

  beforeAll(async () => {
    fakes = await startFakes();
    app = await bootStrapi({ env: { CROSS_POST_DISPATCHER: 'false' } });
    accountId = (await createAccount(app.strapi, fakes, 'mastodon')).id;
  });
  afterEach(() => restoreClock());
  afterAll(async () => {
    await app?.stop();
    await fakes?.stop();
  });

  const schedule = async (text: string, at: Date) => {
    const post = await createPost(app.strapi, { fr: text });
    await app.strapi.plugin('cross-post').service('deliveries').schedule(post, [accountId], at);
    return post;
  };

  it('an hour ahead, leaves a lease held by another instance and a delivery due later alone', async () => {
    const held = await schedule('Publié en ce moment par une autre instance', new Date());
    // Another instance is publishing it, and holds it for ten more minutes.
    await app.strapi.db.query(DELIVERY_UID).update({
      where: { id: (await delivery(app.strapi, held)).id },
      data: {
        status: 'publishing',
        leaseOwner: 'other-host:1:abcdef',
        leaseUntil: new Date(Date.now() + 10 * 60_000),
        firstAttemptAt: new Date(),
        attemptCount: 1,
      },
    });
    const later = await schedule('Prévu dans une demi-heure', new Date(Date.now() + 30 * 60_000));

    skewClock(HOUR);
    const claimed = await app.strapi.plugin('cross-post').service('dispatcher').runOnce();
    restoreClock();

    expect(claimed).toBe(0);
    expect(await delivery(app.strapi, held)).toMatchObject({
      status: 'publishing',
      leaseOwner: 'other-host:1:abcdef',
    });
    expect(await delivery(app.strapi, later)).toMatchObject({ status: 'scheduled', leaseOwner: null });
    expect(fakes.publishedCount()).toBe(0);
  });

  it('an hour behind, still publishes a delivery that is due', async () => {
    const due = await schedule('À publier maintenant', new Date(Date.now() - 1_000));

    skewClock(-HOUR);
    const claimed = await app.strapi.plugin('cross-post').service('dispatcher').runOnce();
    restoreClock();

    expect(claimed).toBe(1);
    expect(await delivery(app.strapi, due)).toMatchObject({ status: 'published', leaseOwner: null });
    expect(fakes.publishedCount()).toBe(1);
  });
});
