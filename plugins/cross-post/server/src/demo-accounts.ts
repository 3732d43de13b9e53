/**
 * Development only: with CROSS_POST_DEMO_ACCOUNTS=true (never in production), one demo account per
 * network pointing at the local fakes of `npm run fakes`, so cross-posting works without real accounts.
 * Each provider declares its demo account (`Provider.demo`); the fakes listen on `demoPort(network)`.
 */
import type { Core } from '@strapi/strapi';

import { NETWORKS, providerFor, providers, type NetworkId } from './providers';
import { accountsRepository } from './repositories/accounts.repository';
import { getService } from './utils/get-service';

/** The port of a network's fake under `npm run fakes`: 4101 for the registry's first network, then on. */
export function demoPort(network: NetworkId): number {
  return 4101 + NETWORKS.indexOf(network);
}

export const DEMO: {
  network: NetworkId;
  port: number;
  name: string;
  language: string;
  credentials: Record<string, string>;
}[] = NETWORKS.map((network) => ({ network, port: demoPort(network), ...providers[network].demo }));

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
