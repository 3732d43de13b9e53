/** Shared by the listening tests: an app on the fakes and a feed server, accounts that can search, searches. */
import type { Core } from '@strapi/strapi';

import { fakeApiBaseUrlsEnv, startFakes, type Fakes } from '../../fakes';
import { FeedsFake } from '../../fakes/feeds';
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { createAccount } from '../cross-post/helpers';
import { unique } from '../inbox/helpers';

export { unique };

export type ListeningSession = { app: TestApp; fakes: Fakes; feeds: FeedsFake; token: string };

/** Boots the app on the fakes (dispatcher off, listening run by hand) with a super admin's token. */
export function listeningOnFakes(onBoot: (session: ListeningSession) => void) {
  let session: ListeningSession;
  beforeAll(async () => {
    const fakes = await startFakes();
    const feeds = new FeedsFake();
    await feeds.start();
    const app = await bootStrapi({ env: { CROSS_POST_DISPATCHER: 'false', ...fakeApiBaseUrlsEnv(fakes) } });
    session = { app, fakes, feeds, token: await app.adminToken() };
    onBoot(session);
  });
  afterAll(async () => {
    await session?.app.stop();
    await session?.fakes.stop();
    await session?.feeds.stop();
  });
}

/** One account per network that listening can search with, as cross-post keeps them. */
export async function searchAccounts(strapi: Core.Strapi, fakes: Fakes) {
  const bluesky = await createAccount(strapi, fakes, 'bluesky', {
    name: unique('Bluesky'),
    credentials: { identifier: `${unique('listen')}.bsky.social`, appPassword: 'app-password' },
  });
  const mastodon = await createAccount(strapi, fakes, 'mastodon', {
    name: unique('Mastodon'),
    credentials: { accessToken: unique('listen-token') },
  });
  const x = await createAccount(strapi, fakes, 'x', { name: unique('X') });
  return { bluesky, mastodon, x };
}

export async function createSearch(session: ListeningSession, search: Record<string, unknown>) {
  const response = await session.app
    .http()
    .post('/moderation/listening/searches')
    .set('Authorization', `Bearer ${session.token}`)
    .send({ kind: 'brand', languages: ['fr', 'en'], name: unique('Recherche'), ...search });
  if (response.status !== 201) throw new Error(`search not created: ${JSON.stringify(response.body)}`);
  return response.body.data as { id: number; sources: { key: string; feedUrl: string | null }[] };
}

export const listenOnce = (strapi: Core.Strapi) => strapi.plugin('moderation').service('listening').runOnce();

/** Makes a search's sources due now (a test does not wait for the next poll). */
export async function dueNow(strapi: Core.Strapi, searchId: number): Promise<void> {
  await strapi
    .query('plugin::moderation.listening-source' as any)
    .updateMany({ where: { searchId }, data: { nextRunAt: new Date(0) } });
}

export const mentionsOf = (strapi: Core.Strapi, searchId: number) =>
  strapi
    .query('plugin::moderation.comment' as any)
    .findMany({ where: { savedSearchId: searchId }, orderBy: { publishedOnNetworkAt: 'asc' } });

export const sourcesOf = (strapi: Core.Strapi, searchId: number) =>
  strapi.query('plugin::moderation.listening-source' as any).findMany({ where: { searchId } });
