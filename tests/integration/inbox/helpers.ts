/** Shared by the inbox tests: an account that published on a fake, and the inbox's rows. */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

import type { Fakes } from '../../fakes';
import { createAccount, createPost } from '../cross-post/helpers';

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/** A Mastodon account of its own (a token nobody else uses) with one published post: its remote id. */
export async function publishedOnMastodon(strapi: Core.Strapi, fakes: Fakes, token = unique('inbox-token')) {
  const account = await createAccount(strapi, fakes, 'mastodon', {
    name: unique('Mastodon'),
    credentials: { accessToken: token },
  });
  return { ...(await publishOne(strapi, account.id)), account, token };
}

/** A Discourse account of its own (a username nobody else uses) with one topic published: its remote id. */
export async function publishedOnDiscourse(strapi: Core.Strapi, fakes: Fakes) {
  const username = unique('porte-voix');
  const account = await createAccount(strapi, fakes, 'discourse' as any, {
    name: unique('Forum'),
    credentials: { apiKey: 'discourse-key', username, category: 'Annonces' },
  });
  return { account, username, topic: await publishOne(strapi, account.id) };
}

export async function publishOne(strapi: Core.Strapi, accountId: number) {
  const postDocumentId = await createPost(strapi, { fr: `${unique('Annonce')} : les inscriptions ouvrent` });
  await strapi.plugin('cross-post').service('deliveries').schedule(postDocumentId, [accountId], new Date());
  while ((await strapi.plugin('cross-post').service('dispatcher').runOnce()) > 0);
  const delivery = await strapi
    .query('plugin::cross-post.delivery' as any)
    .findOne({ where: { postDocumentId, accountId } });
  if (delivery?.status !== 'published') throw new Error(`not published: ${JSON.stringify(delivery)}`);
  return { postDocumentId, remoteId: String(delivery.remoteId), url: delivery.url as string };
}

/** Makes the account's inbox source due now (a test does not wait for the next poll). */
export async function dueNow(strapi: Core.Strapi, accountId: number): Promise<void> {
  await strapi
    .query('plugin::moderation.inbox-source' as any)
    .updateMany({ where: { accountId }, data: { nextRunAt: new Date(0) } });
}

export const inboxOnce = (strapi: Core.Strapi) => strapi.plugin('moderation').service('inbox').runOnce();

export const collected = (strapi: Core.Strapi, where: Record<string, unknown>) =>
  strapi.query('plugin::moderation.comment' as any).findMany({ where, orderBy: { id: 'asc' } });

export const sourceOf = (strapi: Core.Strapi, accountId: number) =>
  strapi.query('plugin::moderation.inbox-source' as any).findOne({ where: { accountId } });
