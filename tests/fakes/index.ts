/**
 * Starts every fake network; `npm run fakes` runs this on fixed ports, tests on free ones.
 *
 * `FAKES` is the one list of fakes, one per network of the plugin's registry (the type below fails
 * when a network has no fake); ports follow the demo's rule (`demoPort`), so a new network's fake
 * needs no port of its own.
 */
import { demoPort } from '../../plugins/cross-post/server/src/demo-accounts';
import { NETWORKS, providers, type NetworkId } from '../../plugins/cross-post/server/src/providers';
import { BlueskyFake } from './bluesky';
import { DiscordFake } from './discord';
import { DiscourseFake } from './discourse';
import { FacebookFake } from './facebook';
import { InstagramFake } from './instagram';
import { LinkedInFake } from './linkedin';
import { MastodonFake } from './mastodon';
import { PinterestFake } from './pinterest';
import { TelegramFake } from './telegram';
import { ThreadsFake } from './threads';
import { WordPressFake } from './wordpress';
import { XFake } from './x';
import { YouTubeFake } from './youtube';
import type { FakeNetwork } from './base';

export {
  BlueskyFake,
  DiscordFake,
  DiscourseFake,
  FacebookFake,
  InstagramFake,
  LinkedInFake,
  MastodonFake,
  PinterestFake,
  TelegramFake,
  ThreadsFake,
  WordPressFake,
  XFake,
  YouTubeFake,
};
export type { Failure, FakeNetwork, FakeOptions, PublishedPost } from './base';

const FAKES = {
  mastodon: MastodonFake,
  bluesky: BlueskyFake,
  x: XFake,
  facebook: FacebookFake,
  linkedin: LinkedInFake,
  discord: DiscordFake,
  telegram: TelegramFake,
  wordpress: WordPressFake,
  discourse: DiscourseFake,
  pinterest: PinterestFake,
  instagram: InstagramFake,
  threads: ThreadsFake,
  youtube: YouTubeFake,
} satisfies Record<NetworkId, new () => FakeNetwork>;

type FakeOf = { [N in NetworkId]: InstanceType<(typeof FAKES)[N]> };

/** The ports `npm run fakes` listens on, which the development demo accounts point at. */
export const DEFAULT_FAKE_PORTS = Object.fromEntries(
  NETWORKS.map((network) => [network, demoPort(network)])
) as Record<NetworkId, number>;

export type Fakes = FakeOf & {
  all: FakeNetwork[];
  /** Posts online across every fake. */
  publishedCount(): number;
  reset(): void;
  stop(): Promise<void>;
};

export async function startFakes(options: { ports?: 'default' | 'any' } = {}): Promise<Fakes> {
  const fakes = Object.fromEntries(NETWORKS.map((network) => [network, new FAKES[network]()])) as FakeOf;
  const all = Object.values(fakes) as FakeNetwork[];
  for (const network of NETWORKS) {
    await fakes[network].start(options.ports === 'default' ? DEFAULT_FAKE_PORTS[network] : 0);
  }
  return {
    ...fakes,
    all,
    publishedCount: () => all.reduce((sum, fake) => sum + fake.published.length, 0),
    reset: () => all.forEach((fake) => fake.reset()),
    stop: async () => {
      await Promise.all(all.map((fake) => fake.stop()));
    },
  };
}

/**
 * The server setting that sends the networks with one fixed API host (every network whose provider
 * is not `selfHosted`) to these fakes: only the environment can set it, never the admin API.
 */
export function fakeApiBaseUrlsEnv(fakes: Fakes): { CROSS_POST_API_BASE_URLS: string } {
  const fixed = NETWORKS.filter((network) => !providers[network].selfHosted);
  return {
    CROSS_POST_API_BASE_URLS: JSON.stringify(
      Object.fromEntries(fixed.map((network) => [network, fakes[network].baseUrl]))
    ),
  };
}
