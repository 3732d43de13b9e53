import type { Core } from '@strapi/strapi';
import type request from 'supertest';

import type { TestApp } from '../../harness/strapi';

/** Content and calls shared by the first-party traffic tests (tracked links, page views). */

let counter = 0;
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
export const MASTODON = (server: string) => `http.rb/5.1.1 (Mastodon/4.2.8; +https://${server}/)`;

/** Boot variables: addresses from X-Forwarded-For (as behind the production proxy), no timers in the way. */
export const TRAFFIC_ENV = {
  TRUST_PROXY: 'true',
  ENGAGEMENT_TRAFFIC_MAINTENANCE_MINUTES: '0',
  ENGAGEMENT_TIME_ZONE: 'Europe/Paris',
};

const documents = (strapi: Core.Strapi, uid: string) => strapi.documents(uid as any);

async function publish(strapi: Core.Strapi, uid: string, documentId: string) {
  await documents(strapi, uid).publish({ documentId, locale: 'fr' });
}

export async function createCampaign(
  strapi: Core.Strapi,
  utm: Record<string, string> | null = { source: 'porte-voix', medium: 'social', campaign: 'printemps' }
) {
  const name = unique('campagne');
  const campaign = await documents(strapi, 'api::campaign.campaign').create({
    data: {
      name,
      slug: name,
      objective: 'traffic',
      state: 'active',
      startsOn: '2026-01-01',
      ...(utm && { utm }),
    } as any,
    locale: 'fr',
  });
  await publish(strapi, 'api::campaign.campaign', campaign.documentId);
  return campaign;
}

export async function createPost(
  strapi: Core.Strapi,
  {
    campaign,
    link = 'https://blog.example.org/article?ref=feed',
    published = true,
  }: { campaign?: string; link?: string; published?: boolean } = {}
) {
  const post = await documents(strapi, 'api::post.post').create({
    data: {
      title: unique('Article'),
      body: 'Un article pour les tests de liens.',
      link,
      ...(campaign && { campaign }),
    } as any,
    locale: 'fr',
  });
  if (published) await publish(strapi, 'api::post.post', post.documentId);
  return post;
}

export async function createEvent(
  strapi: Core.Strapi,
  {
    campaign,
    published = true,
    timeZone = 'America/Montreal',
  }: { campaign?: string; published?: boolean; timeZone?: string } = {}
) {
  const slug = unique('evenement');
  const event = await documents(strapi, 'api::event.event').create({
    data: {
      title: slug,
      slug,
      kind: 'meetup',
      state: 'scheduled',
      startsAt: '2026-06-01T18:00:00.000Z',
      timeZone,
      registrationUrl: 'https://tickets.example.org/inscription',
      ...(campaign && { campaign }),
    } as any,
    locale: 'fr',
  });
  if (published) await publish(strapi, 'api::event.event', event.documentId);
  return event;
}

export async function createPartnership(strapi: Core.Strapi, { campaigns = [] as string[] } = {}) {
  const partnerName = unique('Partenaire');
  const partnership = await documents(strapi, 'api::partnership.partnership').create({
    data: {
      partnerName,
      slug: partnerName.toLowerCase(),
      type: 'association',
      website: 'https://partenaire.example.org/',
      deliverables: [
        { what: 'Article sur leur blog', done: false },
        { what: 'Newsletter de juin', done: false },
      ],
      campaigns,
    } as any,
    locale: 'fr',
  });
  await publish(strapi, 'api::partnership.partnership', partnership.documentId);
  return partnership;
}

/** An admin client with a bearer token. */
export const asAdmin = (app: TestApp, token: string) => ({
  get: (path: string) => app.http().get(path).set('Authorization', `Bearer ${token}`),
  post: (path: string, body: unknown = {}) =>
    app
      .http()
      .post(path)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object),
});

/** A visitor: an address (through the trusted proxy) and a browser. */
export const visit = (
  app: TestApp,
  path: string,
  {
    ip = '198.51.100.23',
    userAgent = BROWSER,
    referer,
  }: { ip?: string; userAgent?: string | null; referer?: string } = {}
): request.Test => {
  let call = app.http().get(path).set('X-Forwarded-For', ip).redirects(0);
  call = userAgent === null ? call.set('User-Agent', '') : call.set('User-Agent', userAgent);
  if (referer) call = call.set('Referer', referer);
  return call;
};

/** Waits until every click and view answered so far is written. */
export const flushTraffic = (app: TestApp) => app.strapi.plugin('engagement').service('recorder').flush();

export const clickEvents = (app: TestApp, linkId: number) =>
  app.strapi.db
    .query('plugin::engagement.click-event' as any)
    .findMany({ where: { linkId }, orderBy: { id: 'asc' } });

export const linkDaily = (app: TestApp, linkId: number) =>
  app.strapi.db
    .query('plugin::engagement.link-daily' as any)
    .findMany({ where: { linkId }, orderBy: { day: 'asc' } });
