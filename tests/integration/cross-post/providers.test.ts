/**
 * Every provider against its fake: success, length rejection, the network's 429 and wait unit,
 * 5xx retry, token refresh, and a connection dropped after the post was accepted.
 */
import { providerContext } from '../../../plugins/cross-post/server/src/providers/http';
import {
  providers,
  type NetworkId,
  type OutgoingPost,
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
beforeEach(() => fakes.reset());

const credentials: Record<NetworkId, Record<string, string>> = {
  mastodon: { accessToken: 'mastodon-token' },
  bluesky: { identifier: 'porte-voix.test', appPassword: 'app-pass' },
  x: { accessToken: 'x-token', refreshToken: 'x-refresh', clientId: 'client' },
  facebook: { pageId: '1647395831', pageAccessToken: 'page-token' },
  linkedin: { accessToken: 'li-token', author: 'urn:li:organization:42' },
  discord: { webhookId: '1100', webhookToken: 'hook-token' },
  telegram: { botToken: '123:ABC', chatId: '@porte_voix' },
};

/** What each network's 429 says to wait, in its own unit, converted to ms (the fake is asked for 3 s). */
const expectedWaitMs: Record<NetworkId, [number, number]> = {
  mastodon: [2_000, 3_100], // ISO-8601 moment
  bluesky: [3_000, 3_000], // Retry-After seconds
  x: [2_000, 4_000], // epoch seconds, rounded up
  facebook: [60_000, 60_000], // minutes in X-Business-Use-Case-Usage
  linkedin: [1, 24 * 3_600_000], // no header: next midnight UTC
  discord: [3_000, 3_000], // float seconds in the body
  telegram: [3_000, 3_000], // parameters.retry_after
};

const tooLong: Record<NetworkId, string> = {
  mastodon: 'é'.repeat(501),
  bluesky: '👍🏽'.repeat(301),
  x: '日本'.repeat(71),
  facebook: 'a'.repeat(63_207),
  linkedin: 'a'.repeat(3_001),
  discord: 'a'.repeat(2_001),
  telegram: 'a'.repeat(4_097),
};

function accountFor(network: NetworkId): ProviderAccount {
  return { id: 1, network, baseUrl: fakes[network].baseUrl, credentials: { ...credentials[network] } };
}

function post(text: string): OutgoingPost {
  return { text, link: 'https://porte-voix.example/a', images: [], language: 'fr', createdAt: new Date() };
}

/** Publishes like the dispatcher does: refresh once when asked to. */
async function publish(network: NetworkId, text: string, account = accountFor(network), key = createTid()) {
  const provider = providers[network];
  try {
    return await provider.publish(post(text), key, providerContext(account, 2_000));
  } catch (error) {
    if (provider.classifyError(error).action !== 'refresh' || !provider.refresh) throw error;
    account.credentials = await provider.refresh(providerContext(account));
    return provider.publish(post(text), key, providerContext(account, 2_000));
  }
}

async function failure(network: NetworkId, text: string, account = accountFor(network)) {
  try {
    await publish(network, text, account);
  } catch (error) {
    return providers[network].classifyError(error);
  }
  throw new Error('expected the publication to fail');
}

const NETWORKS = Object.keys(providers) as NetworkId[];

describe.each(NETWORKS)('%s provider against its fake', (network) => {
  const provider = providers[network];

  it('publishes and finds the post again by id', async () => {
    const account = accountFor(network);
    const result = await publish(
      network,
      `Bonjour de Porte-voix #${network} https://porte-voix.example/a`,
      account
    );
    expect(result.remoteId).toBeTruthy();
    expect(fakes[network].published).toHaveLength(1);
    const found = await provider.lookup(result.remoteId, providerContext(account));
    expect(found?.remoteId).toBe(result.remoteId);
  });

  it('flags a text that is too long before sending, and classifies the network refusal as reject', async () => {
    const validation = await provider.validate(post(tooLong[network]), providerContext(accountFor(network)));
    expect(validation.length).toBeGreaterThan(validation.limit);
    expect(validation.problems.map((p) => p.code)).toContain('too_long');
    const verdict = await failure(network, tooLong[network]);
    expect(verdict.action).toBe('reject');
    expect(fakes[network].published).toHaveLength(0);
  });

  it("reads the 429 wait in the network's own unit", async () => {
    fakes[network].configure({ rateLimitWaitMs: 3_000 }).failNext('rate-limit');
    const verdict = await failure(network, 'rate limited');
    expect(verdict).toMatchObject({ action: 'retry', rateLimited: true });
    const [min, max] = expectedWaitMs[network];
    const waitMs = (verdict as { waitMs?: number }).waitMs!;
    expect(waitMs).toBeGreaterThanOrEqual(min);
    expect(waitMs).toBeLessThanOrEqual(max);
  });

  it('retries after a 5xx and then succeeds', async () => {
    fakes[network].failNext('server-error');
    expect((await failure(network, 'server error')).action).toBe('retry');
    await publish(network, 'server error');
    expect(fakes[network].published).toHaveLength(1);
  });

  it('classifies a connection dropped after the post was accepted as unknown', async () => {
    fakes[network].failNext('drop-after-accept');
    const verdict = await failure(network, 'dropped after accept');
    expect(verdict.action).toBe('unknown');
    expect(fakes[network].published).toHaveLength(1);
    if (provider.idempotencyWindowMs > 0) return;
    // Without idempotency the post must be found, not sent again.
    if (provider.findRecent) {
      const found = await provider.findRecent(
        { since: new Date(Date.now() - 5_000), text: 'dropped after accept' },
        providerContext(accountFor(network))
      );
      expect(found?.remoteId).toBe(String(fakes[network].published[0].id));
    }
  });
});

describe('images', () => {
  // A 1×1 PNG.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64'
  );
  const withImage = (): OutgoingPost => ({
    ...post('Avec une image'),
    images: [
      {
        filename: 'velo.png',
        mimeType: 'image/png',
        alt: 'Un vélo',
        size: png.length,
        publicUrl: 'https://porte-voix.example/velo.png',
        load: async () => png,
      },
    ],
  });

  it.each(NETWORKS)('%s uploads the image and publishes the post with it', async (network) => {
    const account = accountFor(network);
    const provider = providers[network];
    if (network === 'bluesky') account.credentials = await provider.refresh!(providerContext(account));
    const validation = await provider.validate(withImage(), providerContext(account));
    expect(validation.problems).toEqual([]);
    const result = await provider.publish(withImage(), createTid(), providerContext(account));
    expect(result.remoteId).toBeTruthy();
    expect(fakes[network].published).toHaveLength(1);
    const uploads = fakes[network].requests.filter((r) =>
      /media|uploadBlob|photos|images|upload|sendPhoto|webhooks/.test(r.path)
    );
    expect(uploads.length).toBeGreaterThan(0);
  });
});

describe('idempotent re-sends after a dropped connection', () => {
  it.each(['mastodon', 'bluesky'] as const)('%s: the same key publishes once', async (network) => {
    const account = accountFor(network);
    const key = createTid();
    fakes[network].failNext('drop-after-accept');
    await expect(publish(network, 'une seule fois', account, key)).rejects.toBeTruthy();
    const again = await publish(network, 'une seule fois', account, key);
    expect(fakes[network].published).toHaveLength(1);
    expect(String(fakes[network].published[0].id)).toContain(again.remoteId.split('/').pop()!);
  });
});

describe('token refresh', () => {
  it('Bluesky: creates a session, then refreshes it after 400 ExpiredToken', async () => {
    const account = accountFor('bluesky');
    await publish('bluesky', 'first', account);
    expect(fakes.bluesky.sessionsCreated).toBe(1);
    fakes.bluesky.expireAccessTokens();
    const ctx = providerContext(account);
    const error = await providers.bluesky.publish(post('second'), createTid(), ctx).catch((e) => e);
    expect(error.response.status).toBe(400);
    expect(providers.bluesky.classifyError(error).action).toBe('refresh');
    await publish('bluesky', 'second', account);
    expect(fakes.bluesky.sessionsRefreshed).toBe(1);
    expect(fakes.bluesky.published).toHaveLength(2);
  });

  it('X: refreshes the OAuth2 token after a 401 and keeps the rotated refresh token', async () => {
    const account = accountFor('x');
    fakes.x.expiredTokens.add('x-token');
    await publish('x', 'after refresh', account);
    expect(fakes.x.refreshCount).toBe(1);
    expect(account.credentials.accessToken).not.toBe('x-token');
    expect(account.credentials.refreshToken).not.toBe('x-refresh');
  });

  it('Mastodon: a revoked token is a permanent failure an editor can act on', async () => {
    fakes.mastodon.revokedTokens.add('mastodon-token');
    const verdict = await failure('mastodon', 'revoked');
    expect(verdict.action).toBe('reject');
    expect(verdict.reason).toMatch(/reconnect/);
  });
});

describe('instance-specific limits', () => {
  it('Mastodon reads max_characters from the instance', async () => {
    fakes.mastodon.maxCharacters = 1000;
    forgetInstanceLimits();
    const ctx = providerContext(accountFor('mastodon'));
    const validation = await providers.mastodon.validate(post('a'.repeat(600)), ctx);
    expect(validation).toMatchObject({ limit: 1000, problems: [] });
  });
});
