/**
 * Two Strapi processes collecting the inbox on one PostgreSQL or MariaDB database, both ticking every
 * second: every account's notifications are read from each cursor once (never by both instances at
 * the same time), and every reply lands in the queue once. (SQLite is one file for one process.)
 */
import type { ChildProcess } from 'node:child_process';

import { useInboxApp } from '../../harness/inbox';
import { createAccount, startInstance, stopInstance, waitFor } from '../cross-post/helpers';
import { publishedOnMastodon, publishOne, unique } from './helpers';

const onServer = ['postgres', 'mysql'].includes(process.env.DATABASE_CLIENT ?? '');
const ACCOUNTS = 6;
const REPLIES_PER_ACCOUNT = 120;
/** Three pages of 100 each, so that a read goes down with page tokens. */
const BLUESKY_REPLIES = 250;

(onServer ? describe : describe.skip)('inbox: two instances on one database server', () => {
  const inbox = useInboxApp({
    configureFakes: (fakes) => {
      fakes.mastodon.configure({ latencyMs: 20 });
      fakes.bluesky.configure({ latencyMs: 20 });
    },
  });
  let second: ChildProcess | undefined;
  afterAll(async () => {
    await inbox.app?.strapi.plugin('moderation').service('inbox').stop();
    await stopInstance(second);
  });

  it('reads each page once and stores each reply once, with both instances ticking', async () => {
    const accounts = [];
    for (let n = 0; n < ACCOUNTS; n++) {
      const published = await publishedOnMastodon(inbox.app.strapi, inbox.fakes, unique(`multi-${n}`));
      // The inbox starts after the notifications the account had before (the fake numbers them
      // across accounts: a mention elsewhere keeps each account's starting cursor its own).
      const before = inbox.fakes.mastodon.addMention(unique('elsewhere'), { text: 'ailleurs' });
      await inbox.app.strapi
        .plugin('cross-post')
        .service('replies')
        .confirm(published.account.id, before.notificationId);
      for (let i = 0; i < REPLIES_PER_ACCOUNT; i++)
        inbox.fakes.mastodon.addMention(published.token, {
          inReplyTo: published.remoteId,
          text: `Réponse ${n}-${i}`,
          acct: `reader${i}@example.social`,
        });
      accounts.push(published);
    }
    inbox.fakes.mastodon.requests.length = 0;

    const collector = inbox.app.strapi.plugin('moderation').service('inbox');
    second = await startInstance({ CROSS_POST_DISPATCHER: 'false', MODERATION_INBOX_TICK_SECONDS: '1' });
    process.env.MODERATION_INBOX_TICK_SECONDS = '1';
    collector.start();

    const comments = inbox.app.strapi.query('plugin::moderation.comment' as any);
    const ids = accounts.map((a) => a.account.id);
    await waitFor(
      () => comments.count({ where: { sourceAccountId: { $in: ids } } }),
      (n) => n === ACCOUNTS * REPLIES_PER_ACCOUNT,
      90_000
    );
    // Room for a second, mistaken read to happen.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await collector.stop();
    process.env.MODERATION_INBOX_TICK_SECONDS = '0';

    expect(await comments.count({ where: { sourceAccountId: { $in: ids } } })).toBe(
      ACCOUNTS * REPLIES_PER_ACCOUNT
    );
    // Each cursor of each account was read once: the global notification ids make a cursor unique
    // to one account, so a repeated min_id is an account read twice from the same place.
    const firstReads = inbox.fakes.mastodon.requests
      .filter((r) => r.path === '/api/v1/notifications')
      .map((r) => new URLSearchParams(r.query).get('min_id'));
    const repeated = firstReads.filter((cursor, i) => firstReads.indexOf(cursor) !== i);
    // A cursor read again after the account's next poll (nothing new) is fine; a page of replies is not.
    const lastCursors = new Set(
      (
        await inbox.app.strapi.query('plugin::cross-post.social-account' as any).findMany({
          where: { id: { $in: ids } },
          select: ['repliesCursor'],
        })
      ).map((row: any) => row.repliesCursor)
    );
    expect(repeated.filter((cursor) => !lastCursors.has(cursor))).toEqual([]);
    // Each account counted exactly its own replies.
    const sources = await inbox.app.strapi
      .query('plugin::moderation.inbox-source' as any)
      .findMany({ where: { accountId: { $in: ids } } });
    expect(sources.every((s: any) => s.collectedCount === REPLIES_PER_ACCOUNT)).toBe(true);
  });

  it('goes down each Bluesky account once per page, from both instances, and keeps every reply once', async () => {
    const accounts = [];
    for (let n = 0; n < 4; n++) {
      const identifier = `${unique('mb')}-${n}.bsky.social`;
      const account = await createAccount(inbox.app.strapi, inbox.fakes, 'bluesky', {
        name: unique('Bluesky'),
        credentials: { identifier, appPassword: 'app-password' },
      });
      const { remoteId } = await publishOne(inbox.app.strapi, account.id);
      for (let i = 0; i < BLUESKY_REPLIES; i++)
        inbox.fakes.bluesky.addReply(identifier, {
          parentUri: remoteId,
          text: `Réponse ${n}-${i}`,
          handle: `r${i}.bsky.social`,
        });
      accounts.push(account);
    }
    inbox.fakes.bluesky.requests.length = 0;

    const collector = inbox.app.strapi.plugin('moderation').service('inbox');
    second ??= await startInstance({ CROSS_POST_DISPATCHER: 'false', MODERATION_INBOX_TICK_SECONDS: '1' });
    process.env.MODERATION_INBOX_TICK_SECONDS = '1';
    collector.start();

    const comments = inbox.app.strapi.query('plugin::moderation.comment' as any);
    const ids = accounts.map((a) => a.id);
    await waitFor(
      () => comments.count({ where: { sourceAccountId: { $in: ids } } }),
      (n) => n === accounts.length * BLUESKY_REPLIES,
      90_000
    );
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await collector.stop();
    process.env.MODERATION_INBOX_TICK_SECONDS = '0';

    expect(await comments.count({ where: { sourceAccountId: { $in: ids } } })).toBe(
      accounts.length * BLUESKY_REPLIES
    );
    // A page below the top is named by its token: read twice, it would be two instances on one account.
    const pageTokens = inbox.fakes.bluesky.requests
      .filter((r) => r.path === '/xrpc/app.bsky.notification.listNotifications')
      .map((r) => new URLSearchParams(r.query).get('cursor'))
      .filter(Boolean);
    expect(pageTokens.length).toBeGreaterThan(0);
    expect(pageTokens.filter((token, i) => pageTokens.indexOf(token) !== i)).toEqual([]);
    const sources = await inbox.app.strapi
      .query('plugin::moderation.inbox-source' as any)
      .findMany({ where: { accountId: { $in: ids } } });
    expect(sources.every((s: any) => s.collectedCount === BLUESKY_REPLIES)).toBe(true);
  });
});
