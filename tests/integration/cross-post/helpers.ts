/** Shared by the cross-post integration tests: posts, accounts on the fakes, waiting for outcomes. */
import type { Core } from '@strapi/strapi';

import type { Fakes } from '../../fakes';

export const CREDENTIALS: Record<string, Record<string, string>> = {
  mastodon: { accessToken: 'mastodon-token-123456' },
  bluesky: { identifier: 'porte-voix.test', appPassword: 'app-password' },
  x: { accessToken: 'x-token', refreshToken: 'x-refresh', clientId: 'client' },
  facebook: { pageId: '1647395831', pageAccessToken: 'page-token' },
  linkedin: { accessToken: 'li-token', author: 'urn:li:organization:42' },
  discord: { webhookId: '1100', webhookToken: 'hook-token' },
  telegram: { botToken: '123:ABC', chatId: '@porte_voix' },
};

export async function createPost(
  strapi: Core.Strapi,
  { fr, en, link, campaign }: { fr: string; en?: string; link?: string; campaign?: string }
): Promise<string> {
  const posts = strapi.documents('api::post.post' as any);
  const created = await posts.create({
    locale: 'fr',
    data: {
      title: fr.slice(0, 60),
      body: fr,
      link,
      editorialStatus: 'approved',
      ...(campaign && { campaign }),
    } as any,
  });
  if (en) {
    await posts.update({
      documentId: created.documentId,
      locale: 'en',
      data: { title: en.slice(0, 60), body: en, link } as any,
    });
  }
  return created.documentId;
}

export async function createAccount(
  strapi: Core.Strapi,
  fakes: Fakes,
  network: keyof typeof CREDENTIALS,
  overrides: { name?: string; language?: string; credentials?: Record<string, string> } = {}
) {
  return strapi
    .plugin('cross-post')
    .service('accounts')
    .create({
      network,
      name: overrides.name ?? `${network} account`,
      baseUrl: (fakes as any)[network].baseUrl,
      language: overrides.language ?? 'fr',
      credentials: overrides.credentials ?? CREDENTIALS[network],
    });
}

export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs)
      throw new Error(`Timed out; last value: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
