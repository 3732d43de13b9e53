/** Starts every fake network; `npm run fakes` runs this on fixed ports, tests on free ones. */
import { BlueskyFake } from './bluesky';
import { DiscordFake } from './discord';
import { FacebookFake } from './facebook';
import { LinkedInFake } from './linkedin';
import { MastodonFake } from './mastodon';
import { TelegramFake } from './telegram';
import { XFake } from './x';
import type { FakeNetwork } from './base';

export { BlueskyFake, DiscordFake, FacebookFake, LinkedInFake, MastodonFake, TelegramFake, XFake };
export type { Failure, FakeNetwork, FakeOptions, PublishedPost } from './base';

/** The ports `npm run fakes` listens on, which the development demo accounts point at. */
export const DEFAULT_FAKE_PORTS = {
  mastodon: 4101,
  bluesky: 4102,
  x: 4103,
  facebook: 4104,
  linkedin: 4105,
  discord: 4106,
  telegram: 4107,
} as const;

export type Fakes = {
  mastodon: MastodonFake;
  bluesky: BlueskyFake;
  x: XFake;
  facebook: FacebookFake;
  linkedin: LinkedInFake;
  discord: DiscordFake;
  telegram: TelegramFake;
  all: FakeNetwork[];
  /** Posts online across every fake. */
  publishedCount(): number;
  reset(): void;
  stop(): Promise<void>;
};

export async function startFakes(options: { ports?: 'default' | 'any' } = {}): Promise<Fakes> {
  const fakes = {
    mastodon: new MastodonFake(),
    bluesky: new BlueskyFake(),
    x: new XFake(),
    facebook: new FacebookFake(),
    linkedin: new LinkedInFake(),
    discord: new DiscordFake(),
    telegram: new TelegramFake(),
  };
  const all = Object.values(fakes) as FakeNetwork[];
  for (const [network, fake] of Object.entries(fakes)) {
    await fake.start(
      options.ports === 'default' ? DEFAULT_FAKE_PORTS[network as keyof typeof DEFAULT_FAKE_PORTS] : 0
    );
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
 * The server setting that sends the networks with one fixed API host (X, Facebook, LinkedIn,
 * Discord, Telegram) to these fakes: only the environment can set it, never the admin API.
 */
export function fakeApiBaseUrlsEnv(fakes: Fakes): { CROSS_POST_API_BASE_URLS: string } {
  const fixed = ['x', 'facebook', 'linkedin', 'discord', 'telegram'] as const;
  return {
    CROSS_POST_API_BASE_URLS: JSON.stringify(
      Object.fromEntries(fixed.map((network) => [network, fakes[network].baseUrl]))
    ),
  };
}
