/**
 * The registry: every network cross-post publishes to, each one provider file. This list is the one
 * place a network is named: its id (`NetworkId`, `NETWORKS`), the account schema's enum, the admin's
 * network list (`catalog.ts`), the demo accounts and the fakes' ports all derive from it. The order is
 * the order editors see them in, and the demo's port rule (`demoPort`): append new networks.
 */
import bluesky from './bluesky';
import discord from './discord';
import discourse from './discourse';
import facebook from './facebook';
import instagram from './instagram';
import linkedin from './linkedin';
import mastodon from './mastodon';
import pinterest from './pinterest';
import telegram from './telegram';
import threads from './threads';
import wordpress from './wordpress';
import x from './x';
import youtube from './youtube';
import type { Provider } from './types';

export const providers = {
  mastodon,
  bluesky,
  x,
  facebook,
  linkedin,
  discord,
  telegram,
  wordpress,
  discourse,
  pinterest,
  instagram,
  threads,
  youtube,
} satisfies Record<string, Provider>;

export type NetworkId = keyof typeof providers;

/** Every network id, in the registry's order (a non-empty tuple, as `z.enum` wants it). */
export const NETWORKS = Object.keys(providers) as [NetworkId, ...NetworkId[]];

export function isNetworkId(value: string): value is NetworkId {
  return Object.prototype.hasOwnProperty.call(providers, value);
}

export function providerFor(network: string): Provider {
  if (!isNetworkId(network)) throw new Error(`No cross-post provider for network "${network}"`);
  return providers[network];
}

export * from './types';
