/**
 * Our own answers read back: the sweep after an answer reads the thread it went into, where the answer
 * sits among the readers' replies. It never enters the queue as a reader's comment (nor as one waiting
 * for a response), on networks read by notifications, by mentions and search, or post by post.
 */
import type { Core } from '@strapi/strapi';

import type { Fakes } from '../../fakes';
import { useInboxApp } from '../../harness/inbox';
import { createAccount } from '../cross-post/helpers';
import { collected, dueNow, inboxOnce, publishOne, unique } from './helpers';

type Network = 'mastodon' | 'bluesky' | 'x' | 'facebook' | 'wordpress';

/** An account of its own on the network, one published post, and a reader's question under it. */
async function questionOn(strapi: Core.Strapi, fakes: Fakes, network: Network) {
  const credentials: Record<Network, Record<string, string>> = {
    mastodon: { accessToken: unique('own-token') },
    bluesky: { identifier: `${unique('pv')}.bsky.social`, appPassword: 'app-password' },
    x: { accessToken: unique('x-token'), refreshToken: unique('x-refresh'), clientId: 'client' },
    facebook: {
      pageId: String(1_000_000_000 + Math.floor(Math.random() * 1e9)),
      pageAccessToken: unique('page'),
    },
    wordpress: { username: unique('redaction'), appPassword: 'abcd efgh ijkl mnop qrst uvwx' },
  };
  const account = await createAccount(strapi, fakes, network as any, {
    name: unique(network),
    credentials: credentials[network],
  });
  const { remoteId: post } = await publishOne(strapi, account.id);
  const text = 'Il reste des places pour samedi ?';
  const asked: Record<Network, () => string> = {
    mastodon: () =>
      fakes.mastodon.addMention(credentials.mastodon.accessToken, {
        inReplyTo: post,
        text,
        acct: 'lou@example.social',
      }).statusId,
    bluesky: () =>
      fakes.bluesky.addReply(credentials.bluesky.identifier, {
        parentUri: post,
        text,
        handle: 'lou.bsky.social',
      }),
    x: () =>
      fakes.x.addMention(credentials.x.accessToken, {
        inReplyTo: post,
        text: `@porte_voix ${text}`,
        username: 'lou',
      }),
    facebook: () => fakes.facebook.addComment(post, { text, name: 'Lou' }),
    wordpress: () => String(fakes.wordpress.addComment(post, { text, author: 'Lou' })),
  };
  return { account, question: asked[network]() };
}

describe('inbox: our own answers read back by the next sweep', () => {
  const inbox = useInboxApp();

  for (const network of ['mastodon', 'bluesky', 'x', 'facebook', 'wordpress'] as const) {
    it(`keeps our ${network} answer out of the queue`, async () => {
      const strapi = inbox.app.strapi;
      const { account, question } = await questionOn(strapi, inbox.fakes, network);
      await inboxOnce(strapi);
      const [row] = await collected(strapi, { sourceAccountId: account.id });
      expect(row).toMatchObject({ remoteId: question });

      const answer = (
        await inbox.admin('post', `/moderation/comments/${row.documentId}/reply`, {
          text: 'Oui, encore douze places.',
          idempotencyKey: inbox.answerKey(),
        })
      ).body.data;
      expect(answer).toMatchObject({ status: 'sent' });

      await dueNow(strapi, account.id);
      await inboxOnce(strapi);
      const queue = await collected(strapi, { sourceAccountId: account.id });
      expect(queue.map((item: any) => item.remoteId)).toEqual([question]);
      expect(queue.map((item: any) => item.content)).not.toContain('Oui, encore douze places.');
    });
  }
});
