/**
 * Every provider's metrics against its fake: counters that grow (null where the network does not
 * measure), batches split exactly at the network's limit, deleted posts gone, the network's 429 and
 * wait, followers; then what is particular to each network.
 */
import axios from 'axios';

import { providerContext } from '../../../plugins/cross-post/server/src/providers/http';
import {
  METRIC_COUNTERS,
  ProviderError,
  providers,
  type DeliveryMetrics,
  type NetworkId,
  type ProviderAccount,
} from '../../../plugins/cross-post/server/src/providers';
import { forgetInstanceLimits } from '../../../plugins/cross-post/server/src/providers/mastodon';
import { createTid } from '../../../plugins/cross-post/server/src/utils/tid';
import { startFakes, type Fakes } from '../../fakes';

let fakes: Fakes;
beforeAll(async () => {
  fakes = await startFakes();
});
afterAll(() => fakes?.stop());
beforeEach(() => {
  fakes.reset();
  forgetInstanceLimits();
});

const HOUR = 3_600_000;

const credentials: Record<NetworkId, Record<string, string>> = {
  mastodon: { accessToken: 'mastodon-token' },
  bluesky: { identifier: 'porte-voix.test', appPassword: 'app-pass' },
  x: { accessToken: 'x-token', refreshToken: 'x-refresh', clientId: 'client' },
  facebook: { pageId: '1647395831', pageAccessToken: 'page-token' },
  linkedin: { accessToken: 'li-token', author: 'urn:li:organization:42' },
  discord: { webhookId: '1100', webhookToken: 'hook-token' },
  telegram: { botToken: '123:ABC', chatId: '@porte_voix' },
  discourse: { apiKey: 'discourse-key', username: 'porte-voix', category: 'Annonces' },
  pinterest: { accessToken: 'pin-token', boardId: '549755885175' },
  wordpress: { username: 'redaction', appPassword: 'abcd efgh ijkl mnop qrst uvwx' },
  instagram: { userId: '17841400008460056', accessToken: 'ig-token' },
  threads: { userId: '25025320001234567', accessToken: 'th-token' },
  youtube: { accessToken: 'yt-token' },
};

/** A remote id of the network's shape that was never published. */
const unknownId: Record<NetworkId, (i: number) => string> = {
  mastodon: (i) => String(900_000_000_000 + i),
  bluesky: (i) => `at://did:plc:nobody/app.bsky.feed.post/3zz${i}`,
  x: (i) => String(1_900_000_000_000_000_000n + BigInt(i)),
  facebook: (i) => `1647395831_${900_000 + i}`,
  linkedin: (i) => `urn:li:share:${900_000 + i}`,
  discord: (i) => String(1_300_000_000_000_000_000n + BigInt(i)),
  telegram: (i) => `-100:${i}`,
  wordpress: (i) => String(900_000 + i),
  discourse: (i) => String(900_000 + i),
  pinterest: (i) => String(9_000_000_000 + i),
  instagram: (i) => String(18_000_000_000_000_000n + BigInt(i)),
  threads: (i) => String(18_000_000_000_000_000n + BigInt(i)),
  youtube: (i) => `u${String(i).padStart(10, '0')}`,
};

/** The metrics requests each fake answers (paths), to count requests per call. */
const metricsPath: Record<NetworkId, RegExp> = {
  mastodon: /^\/api\/v1\/statuses/,
  bluesky: /getPosts$/,
  x: /^\/2\/tweets$/,
  facebook: /^\/v\d+\.\d+\/$|^\/$/,
  linkedin: /organizationalEntityShareStatistics$/,
  discord: /\/messages\//,
  telegram: /getUpdates$/,
  wordpress: /\/comments$/,
  discourse: /^\/posts\/\d+\.json$/,
  pinterest: /\/analytics$/,
  instagram: /\/insights$/,
  threads: /\/\d+\/insights$/,
  youtube: /^\/youtube\/v3\/videos$/,
};

/** What each network's 429 says to wait, in its own unit, converted to ms (the fake is asked for 3 s). */
const expectedWaitMs: Record<NetworkId, [number, number]> = {
  mastodon: [2_000, 3_100],
  bluesky: [3_000, 3_000],
  x: [2_000, 4_000],
  facebook: [60_000, 60_000],
  linkedin: [1, 24 * HOUR],
  discord: [3_000, 3_000],
  telegram: [3_000, 3_000],
  wordpress: [3_000, 3_000],
  discourse: [3_000, 3_000],
  pinterest: [3_000, 3_000],
  instagram: [60_000, 60_000],
  threads: [60_000, 60_000],
  youtube: [1, 24 * HOUR],
};

async function accountFor(
  network: NetworkId,
  overrides: Record<string, string> = {}
): Promise<ProviderAccount> {
  const account: ProviderAccount = {
    id: 1,
    network,
    baseUrl: fakes[network].baseUrl,
    credentials: { ...credentials[network], ...overrides },
  };
  if (network === 'bluesky') account.credentials = await providers.bluesky.refresh!(providerContext(account));
  return account;
}

async function publishSome(network: NetworkId, account: ProviderAccount, n: number): Promise<string[]> {
  const ids = [];
  for (let i = 0; i < n; i++) {
    const result = await providers[network].publish(
      {
        text: `Mesure ${network} n°${i} ${createTid()}`,
        // A pin needs an image; Instagram a JPEG it downloads from a public URL.
        images:
          network === 'pinterest'
            ? [
                {
                  filename: 'p.png',
                  mimeType: 'image/png',
                  alt: '',
                  load: async () => Buffer.from('89504e47', 'hex'),
                },
              ]
            : network === 'instagram'
              ? [
                  {
                    filename: 'p.jpg',
                    mimeType: 'image/jpeg',
                    alt: '',
                    publicUrl: 'https://porte-voix.example/uploads/p.jpg',
                    load: async () => Buffer.from('ffd8ffe0', 'hex'),
                  },
                ]
              : network === 'youtube'
                ? [
                    {
                      filename: 'v.mp4',
                      mimeType: 'video/mp4',
                      alt: '',
                      load: async () => Buffer.alloc(1_000, 1),
                    },
                  ]
                : [],
        createdAt: new Date(),
      },
      createTid(),
      providerContext(account)
    );
    ids.push(result.remoteId);
  }
  return ids;
}

const metrics = (network: NetworkId, account: ProviderAccount, ids: string[]) =>
  providers[network].fetchMetrics(ids, providerContext(account));

/** As the collector calls it: in batches of the network's size (Discord reads one message per call). */
async function metricsInBatches(network: NetworkId, account: ProviderAccount, ids: string[]) {
  const size = providers[network].metrics.batchSize;
  const results: DeliveryMetrics[] = [];
  for (let i = 0; i < ids.length; i += size)
    results.push(...(await metrics(network, account, ids.slice(i, i + size))));
  return results;
}

const requestsTo = (network: NetworkId) =>
  fakes[network].requests.filter((r) => metricsPath[network].test(r.path)).length;

function countersOf(result: DeliveryMetrics) {
  if (result.state !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.counters;
}

/** Networks that cannot count an account's followers (a webhook, a blog). */
const WITHOUT_FOLLOWERS: NetworkId[] = ['discord', 'wordpress', 'discourse'];

const POLLED = (Object.keys(providers) as NetworkId[]).filter((n) => providers[n].metrics.polled);

describe.each(POLLED)('%s metrics against its fake', (network) => {
  const provider = providers[network];
  const profile = provider.metrics;

  it('reads counters that grow with time, null for what the network does not measure, in the order asked', async () => {
    const account = await accountFor(network);
    const ids = await publishSome(network, account, 2);
    fakes[network].advanceTime(2 * HOUR);
    const first = await metricsInBatches(network, account, [...ids].reverse());
    expect(first.map((r) => r.remoteId)).toEqual([...ids].reverse());
    for (const result of first) {
      const counters = countersOf(result);
      for (const name of METRIC_COUNTERS) {
        if (profile.measures.includes(name)) expect(typeof counters[name]).toBe('number');
        else expect(counters[name]).toBeNull();
      }
    }
    fakes[network].advanceTime(5 * HOUR);
    const later = await metricsInBatches(network, account, [...ids].reverse());
    const before = countersOf(first[0]);
    const after = countersOf(later[0]);
    for (const name of profile.measures) expect(after[name]!).toBeGreaterThanOrEqual(before[name]!);
    expect(profile.measures.some((name) => after[name]! > before[name]!)).toBe(true);
  });

  it('answers a full batch in one request and refuses one id more before sending anything', async () => {
    const account = await accountFor(network);
    const [published] = await publishSome(network, account, 1);
    const full = [
      published,
      ...Array.from({ length: profile.batchSize - 1 }, (_, i) => unknownId[network](i)),
    ];
    const before = requestsTo(network);
    const results = await metrics(network, account, full);
    expect(requestsTo(network) - before).toBe(1);
    expect(results).toHaveLength(profile.batchSize);
    expect(results[0].state).toBe('ok');
    expect(results.slice(1).every((r) => r.state === 'gone')).toBe(true);

    const tooMany = [...full, unknownId[network](profile.batchSize)];
    const sent = fakes[network].requests.length;
    const error = await metrics(network, account, tooMany).catch((e) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(provider.classifyError(error).action).toBe('reject');
    expect(fakes[network].requests.length).toBe(sent);
  });

  it('says a deleted post is gone and still measures the others', async () => {
    const account = await accountFor(network);
    const ids = await publishSome(network, account, 2);
    expect(fakes[network].deletePost(ids[0])).toBe(true);
    const results = await metricsInBatches(network, account, ids);
    expect(results.map((r) => [r.remoteId, r.state])).toEqual([
      [ids[0], 'gone'],
      [ids[1], 'ok'],
    ]);
  });

  it("turns the network's 429 into a rate-limited verdict with the network's own wait", async () => {
    const account = await accountFor(network);
    const ids = await publishSome(network, account, 1);
    fakes[network].configure({ rateLimitWaitMs: 3_000 }).failNextRead('rate-limit');
    const error = await metrics(network, account, ids).catch((e) => e);
    const verdict = provider.classifyError(error);
    expect(verdict).toMatchObject({ action: 'retry', rateLimited: true });
    const [min, max] = expectedWaitMs[network];
    expect((verdict as { waitMs?: number }).waitMs).toBeGreaterThanOrEqual(min);
    expect((verdict as { waitMs?: number }).waitMs).toBeLessThanOrEqual(max);
  });

  it('reads the followers (Discord, WordPress and Discourse cannot: null)', async () => {
    const account = await accountFor(network);
    const { followers } = await provider.fetchAccountMetrics(providerContext(account));
    if (WITHOUT_FOLLOWERS.includes(network)) expect(followers).toBeNull();
    else expect(followers).toBeGreaterThan(0);
  });
});

describe('the fakes refuse a batch over the limit as the networks do', () => {
  const over = (network: NetworkId, n: number) => Array.from({ length: n }, (_, i) => unknownId[network](i));

  it('Mastodon: 422 Mastodon::ValidationError past 20 ids', async () => {
    const query = over('mastodon', 21)
      .map((id) => `id[]=${id}`)
      .join('&');
    const response = await axios.get(`${fakes.mastodon.baseUrl}/api/v1/statuses?${query}`, {
      headers: { Authorization: 'Bearer t' },
      validateStatus: () => true,
    });
    expect(response.status).toBe(422);
    expect(response.data).toEqual({ error: 'Mastodon::ValidationError' });
  });

  it('Bluesky: 400 InvalidRequest past 25 URIs', async () => {
    const account = await accountFor('bluesky');
    const query = over('bluesky', 26)
      .map((uri) => `uris=${encodeURIComponent(uri)}`)
      .join('&');
    const response = await axios.get(`${fakes.bluesky.baseUrl}/xrpc/app.bsky.feed.getPosts?${query}`, {
      headers: { Authorization: `Bearer ${account.credentials.accessJwt}` },
      validateStatus: () => true,
    });
    expect(response.status).toBe(400);
    expect(response.data).toEqual({
      error: 'InvalidRequest',
      message: 'uris must not have more than 25 elements',
    });
  });

  it('X: 400 Invalid Request past 100 ids', async () => {
    const response = await axios.get(`${fakes.x.baseUrl}/2/tweets`, {
      params: { ids: over('x', 101).join(',') },
      headers: { Authorization: 'Bearer t' },
      validateStatus: () => true,
    });
    expect(response.status).toBe(400);
    expect(response.data.title).toBe('Invalid Request');
    expect(response.data.errors[0].message).toMatch(/not between 1 and 100/);
  });

  it('Facebook: a batch of more than 50 requests is refused whole', async () => {
    const batch = over('facebook', 51).map((id) => ({ method: 'GET', relative_url: id }));
    const response = await axios.post(
      `${fakes.facebook.baseUrl}/v23.0/`,
      new URLSearchParams({ batch: JSON.stringify(batch) }).toString(),
      { headers: { Authorization: 'Bearer t' }, validateStatus: () => true }
    );
    expect(response.status).toBe(400);
    expect(response.data.error.message).toMatch(/Maximum batch size is 50/);
  });
});

describe('Mastodon', () => {
  it('reads one status at a time on a server older than 4.3, and counts no quotes before 4.5', async () => {
    fakes.mastodon.version = '4.2.10';
    const account = await accountFor('mastodon');
    const ids = await publishSome('mastodon', account, 3);
    fakes.mastodon.deletePost(ids[1]);
    fakes.mastodon.advanceTime(HOUR);
    const results = await metrics('mastodon', account, ids);
    expect(results.map((r) => r.state)).toEqual(['ok', 'gone', 'ok']);
    expect(countersOf(results[0]).quotes).toBeNull();
    expect(countersOf(results[0]).reactions).toBeGreaterThan(0);
    const reads = fakes.mastodon.requests.filter((r) => /^\/api\/v1\/statuses\/\d+$/.test(r.path));
    expect(reads).toHaveLength(3);
  });

  it('batches on 4.3 and 4.4, still without quotes', async () => {
    fakes.mastodon.version = '4.4.3';
    const account = await accountFor('mastodon');
    const ids = await publishSome('mastodon', account, 2);
    const results = await metrics('mastodon', account, ids);
    expect(results.every((r) => r.state === 'ok' && r.counters.quotes === null)).toBe(true);
    expect(
      fakes.mastodon.requests.filter((r) => r.path === '/api/v1/statuses' && r.method === 'GET')
    ).toHaveLength(1);
  });
});

describe('X', () => {
  it('keeps link and profile clicks for 30 days, then reads the public counters alone', async () => {
    const account = await accountFor('x');
    const ids = await publishSome('x', account, 2);
    fakes.x.advanceTime(2 * HOUR);
    const fresh = countersOf((await metrics('x', account, ids))[0]);
    expect(fresh.linkClicks).toEqual(expect.any(Number));
    expect(fresh.profileClicks).toEqual(expect.any(Number));
    fakes.x.advanceTime(31 * 24 * HOUR);
    const old = await metrics('x', account, ids);
    expect(old.map((r) => r.state)).toEqual(['ok', 'ok']);
    const counters = countersOf(old[0]);
    expect(counters).toMatchObject({ linkClicks: null, profileClicks: null });
    expect(counters.impressions!).toBeGreaterThan(fresh.impressions!);
  });

  it('reads the followers of the token owner', async () => {
    const account = await accountFor('x');
    const { followers } = await providers.x.fetchAccountMetrics(providerContext(account));
    expect(followers).toBeGreaterThan(0);
    expect(fakes.x.requests.some((r) => r.path === '/2/users/me')).toBe(true);
  });
});

describe('Facebook', () => {
  it('reads views, reach and link clicks from insights in the same batch request', async () => {
    const account = await accountFor('facebook');
    const ids = await publishSome('facebook', account, 2);
    fakes.facebook.advanceTime(3 * HOUR);
    const results = await metrics('facebook', account, ids);
    const counters = countersOf(results[0]);
    expect(counters.views!).toBeGreaterThan(counters.reach!);
    expect(counters.linkClicks).toEqual(expect.any(Number));
    expect(counters.impressions).toBeNull();
  });

  it('is unavailable, with what it could read, when insights are refused', async () => {
    fakes.facebook.insightsRefused = true;
    const account = await accountFor('facebook');
    const ids = await publishSome('facebook', account, 1);
    fakes.facebook.advanceTime(3 * HOUR);
    const [result] = await metrics('facebook', account, ids);
    expect(result).toMatchObject({ state: 'unavailable', reason: expect.stringMatching(/read_insights/) });
    const partial = (result as { counters?: Record<string, number | null> }).counters!;
    expect(partial.reactions).toBeGreaterThan(0);
    expect(partial.views).toBeNull();
  });

  it('says a shares count Facebook leaves out is 0, not unknown', async () => {
    const account = await accountFor('facebook');
    const ids = await publishSome('facebook', account, 1);
    const [result] = await metrics('facebook', account, ids);
    expect(countersOf(result).shares).toBe(0);
  });
});

describe('LinkedIn', () => {
  it("reads an organization's impressions, reach and clicks from share statistics", async () => {
    const account = await accountFor('linkedin');
    const ids = await publishSome('linkedin', account, 1);
    fakes.linkedin.advanceTime(3 * HOUR);
    const counters = countersOf((await metrics('linkedin', account, ids))[0]);
    expect(counters.impressions!).toBeGreaterThan(counters.reach!);
    expect(counters.linkClicks).toEqual(expect.any(Number));
  });

  it('is unavailable when the account may not read statistics', async () => {
    fakes.linkedin.statisticsRefused = true;
    const account = await accountFor('linkedin');
    const ids = await publishSome('linkedin', account, 1);
    const [result] = await metrics('linkedin', account, ids);
    expect(result).toMatchObject({ state: 'unavailable', reason: expect.stringMatching(/ADMINISTRATOR/) });
  });

  it("reads a member's reactions and comments only, gone when deleted", async () => {
    const account = await accountFor('linkedin', { author: 'urn:li:person:abc' });
    const ids = await publishSome('linkedin', account, 2);
    fakes.linkedin.deletePost(ids[1]);
    fakes.linkedin.advanceTime(3 * HOUR);
    const results = await metrics('linkedin', account, ids);
    expect(results[1].state).toBe('gone');
    expect(countersOf(results[0])).toMatchObject({
      reactions: expect.any(Number),
      comments: expect.any(Number),
      impressions: null,
      linkClicks: null,
    });
    expect(
      (await providers.linkedin.fetchAccountMetrics(providerContext(account))).followers
    ).toBeGreaterThan(0);
  });
});

describe('Discord', () => {
  it('a deleted webhook fails the whole call as refused credentials', async () => {
    const account = await accountFor('discord');
    const ids = await publishSome('discord', account, 1);
    fakes.discord.deletedWebhooks.add('1100');
    const error = await metrics('discord', account, ids).catch((e) => e);
    expect(providers.discord.classifyError(error)).toMatchObject({ action: 'reject', credentials: true });
  });
});

describe('Telegram', () => {
  it('is not polled: every post is unavailable, and the chat members are the followers', async () => {
    const account = await accountFor('telegram');
    expect(providers.telegram.metrics.polled).toBe(false);
    const results = await metrics('telegram', account, ['-100:1', '-100:2']);
    expect(results.map((r) => r.state)).toEqual(['unavailable', 'unavailable']);
    expect(
      (await providers.telegram.fetchAccountMetrics(providerContext(account))).followers
    ).toBeGreaterThan(0);
  });

  it('reads replies past the oldest 100 updates with a confirmed offset', async () => {
    const account = await accountFor('telegram');
    for (let i = 0; i < 150; i++)
      fakes.telegram.addReply('123:ABC', { toMessageId: 7, text: `réponse ${i}` });
    const since = new Date(Date.now() - HOUR);
    const ctx = providerContext(account);
    const first = await providers.telegram.fetchReplies({ since, remoteIds: [] }, ctx);
    expect(first.replies).toHaveLength(100);
    expect(first.more).toBe(true);
    // Without the offset Telegram serves the same oldest 100 again.
    const again = await providers.telegram.fetchReplies({ since, remoteIds: [] }, ctx);
    expect(again.replies[0].text).toBe('réponse 0');
    const second = await providers.telegram.fetchReplies({ since, remoteIds: [], cursor: first.cursor }, ctx);
    expect(second.replies.map((r) => r.text)).toEqual(
      Array.from({ length: 50 }, (_, i) => `réponse ${100 + i}`)
    );
    expect(second.more).toBe(false);
    const third = await providers.telegram.fetchReplies({ since, remoteIds: [], cursor: second.cursor }, ctx);
    expect(third.replies).toEqual([]);
    expect(third.cursor).toBe(second.cursor);
  });
});
