/**
 * Development only: with CROSS_POST_DEMO_ACCOUNTS=true (never in production), one demo account per
 * network pointing at the local fakes of `npm run fakes`, so cross-posting works without real accounts.
 */
import type { Core } from '@strapi/strapi';

import { providerFor, type NetworkId } from './providers';
import { accountsRepository } from './repositories/accounts.repository';
import { getService } from './utils/get-service';

export const DEMO: {
  network: NetworkId;
  port: number;
  name: string;
  language: string;
  credentials: Record<string, string>;
}[] = [
  {
    network: 'mastodon',
    port: 4101,
    name: 'Mastodon (démo)',
    language: 'fr',
    credentials: { accessToken: 'demo-mastodon-token' },
  },
  {
    network: 'bluesky',
    port: 4102,
    name: 'Bluesky (demo)',
    language: 'en',
    credentials: { identifier: 'porte-voix.demo', appPassword: 'demo-app-password' },
  },
  {
    network: 'x',
    port: 4103,
    name: 'X (demo)',
    language: 'en',
    credentials: { accessToken: 'demo-x-token', refreshToken: 'demo-x-refresh', clientId: 'demo-client' },
  },
  {
    network: 'facebook',
    port: 4104,
    name: 'Page Facebook (démo)',
    language: 'fr',
    credentials: { pageId: '1647395831', pageAccessToken: 'demo-page-token' },
  },
  {
    network: 'linkedin',
    port: 4105,
    name: 'LinkedIn (démo)',
    language: 'fr',
    credentials: { accessToken: 'demo-linkedin-token', author: 'urn:li:organization:4242' },
  },
  {
    network: 'discord',
    port: 4106,
    name: 'Discord (demo)',
    language: 'en',
    credentials: { webhookId: '1100', webhookToken: 'demo-webhook-token' },
  },
  {
    network: 'telegram',
    port: 4107,
    name: 'Telegram (démo)',
    language: 'fr',
    credentials: { botToken: '123456:DEMO', chatId: '@porte_voix_demo' },
  },
];

export const demoEnabled = (env: NodeJS.ProcessEnv) =>
  env.NODE_ENV !== 'production' && env.CROSS_POST_DEMO_ACCOUNTS === 'true';

/** Where each demo account's network lives: the plugin config makes these the API hosts of the demo. */
export function demoApiBaseUrls(env: NodeJS.ProcessEnv): Partial<Record<NetworkId, string>> {
  if (!demoEnabled(env)) return {};
  const host = env.CROSS_POST_DEMO_HOST || '127.0.0.1';
  return Object.fromEntries(DEMO.map((demo) => [demo.network, `http://${host}:${demo.port}`]));
}

export async function seedDemoAccounts(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env) {
  if (!demoEnabled(env)) return;
  if ((await accountsRepository(strapi).count()) > 0) return;
  const baseUrls = demoApiBaseUrls(env);
  for (const demo of DEMO) {
    await getService(strapi, 'accounts').create({
      network: demo.network,
      name: demo.name,
      // Networks with one API host take it from the config, which CROSS_POST_API_BASE_URLS may move.
      baseUrl: providerFor(demo.network).selfHosted ? baseUrls[demo.network] : undefined,
      language: demo.language,
      credentials: demo.credentials,
    });
  }
  strapi.log.info(
    '[cross-post] Demo accounts point at the local fakes: run `npm run fakes` to see them publish.'
  );
}
