import type { Core } from '@strapi/strapi';

import { bootStrapi, type TestApp } from '../../harness/strapi';

/** Content for the moderation tests: published and draft posts and events, and a campaign. */

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export async function createCampaign(strapi: Core.Strapi, name = unique('campaign')) {
  const campaign = await strapi.documents('api::campaign.campaign' as any).create({
    data: { name, slug: name, objective: 'engagement', state: 'active', startsOn: '2026-01-01' } as any,
    locale: 'fr',
  });
  await strapi
    .documents('api::campaign.campaign' as any)
    .publish({ documentId: campaign.documentId, locale: 'fr' });
  return campaign;
}

export async function createPost(
  strapi: Core.Strapi,
  {
    published = true,
    title = unique('Article'),
    campaign,
  }: { published?: boolean; title?: string; campaign?: string } = {}
) {
  const post = await strapi.documents('api::post.post' as any).create({
    data: {
      title,
      body: 'Un article pour les tests de modération.',
      ...(campaign ? { campaign } : {}),
    } as any,
    locale: 'fr',
  });
  if (published)
    await strapi.documents('api::post.post' as any).publish({ documentId: post.documentId, locale: 'fr' });
  return post;
}

export async function createEvent(strapi: Core.Strapi, { published = true }: { published?: boolean } = {}) {
  const slug = unique('event');
  const event = await strapi.documents('api::event.event' as any).create({
    data: {
      title: slug,
      slug,
      kind: 'meetup',
      state: 'scheduled',
      startsAt: '2026-06-01T18:00:00.000Z',
      timeZone: 'Europe/Paris',
    } as any,
    locale: 'fr',
  });
  if (published)
    await strapi.documents('api::event.event' as any).publish({ documentId: event.documentId, locale: 'fr' });
  return event;
}

/** Settings for a test: no rate limits and no first-comment hold unless a test asks for them. */
export async function setSettings(strapi: Core.Strapi, patch: Record<string, unknown>) {
  return strapi.plugin('moderation').service('settings').update(patch);
}

export const relaxed = {
  newAuthorPremoderation: false,
  rateLimits: { perIpPerMinute: 0, perAuthorPerMinute: 0 },
};

/** A word no other comment of the run has, so that the duplicates rule stays out of the way. */
const uniqueWord = (n: number) =>
  n.toString(26).replace(/./g, (digit) => String.fromCharCode(97 + parseInt(digit, 26)));

export const comment = (documentId: string, overrides: Record<string, unknown> = {}) => ({
  data: {
    target: { type: 'post', documentId },
    authorName: 'Camille',
    authorEmail: `camille.${++counter}@example.org`,
    content: `Merci pour cet article, très utile (${uniqueWord(counter + 1000)}) !`,
    locale: 'fr',
    ...overrides,
  },
});

/**
 * The moderation tests' setup: an app with one published post and the relaxed settings, again
 * before each test (a test that needs a limit sets it). Registers the hooks; `onBoot` gets the app
 * and the post once they are up.
 */
export function moderationApp(onBoot: (session: { app: TestApp; postId: string }) => unknown) {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootStrapi();
    await setSettings(app.strapi, relaxed);
    await onBoot({ app, postId: (await createPost(app.strapi)).documentId });
  });
  afterAll(async () => {
    await app?.stop();
  });
  beforeEach(async () => {
    await setSettings(app.strapi, relaxed);
  });
  return {
    /** Sends a body, as it is, to the public comments route. */
    submit: (body: unknown) =>
      app
        .http()
        .post('/api/moderation/comments')
        .send(body as object),
  };
}
