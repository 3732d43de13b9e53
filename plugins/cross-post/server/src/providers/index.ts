import bluesky from './bluesky';
import discord from './discord';
import facebook from './facebook';
import linkedin from './linkedin';
import mastodon from './mastodon';
import telegram from './telegram';
import x from './x';
import type { NetworkId, Provider } from './types';

export const providers: Record<NetworkId, Provider> = {
  mastodon,
  bluesky,
  x,
  facebook,
  linkedin,
  discord,
  telegram,
};

export function providerFor(network: string): Provider {
  const provider = providers[network as NetworkId];
  if (!provider) throw new Error(`No cross-post provider for network "${network}"`);
  return provider;
}

export * from './types';
