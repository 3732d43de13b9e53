/**
 * Every provider against its fake: success, length rejection, the network's 429 and wait unit,
 * 5xx retry, token refresh, and a connection dropped after the post was accepted.
 */
import axios from 'axios';

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
  discourse: { apiKey: 'discourse-key', username: 'porte-voix', category: 'Annonces' },
  pinterest: {
    accessToken: 'pin-token',
    refreshToken: 'pin-refresh',
    clientId: 'pin-app',
    clientSecret: 'pin-secret',
    boardId: '549755885175',
  },
  wordpress: {
    username: 'redaction',
    appPassword: 'abcd efgh ijkl mnop qrst uvwx',
    categories: 'Actualités',
  },
  instagram: { userId: '17841400008460056', accessToken: 'ig-token' },
  threads: { userId: '25025320001234567', accessToken: 'th-token' },
  youtube: {
    accessToken: 'yt-token',
    refreshToken: 'yt-refresh',
    clientId: 'yt-client.apps.googleusercontent.com',
    clientSecret: 'yt-secret',
  },
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
  discourse: [3_000, 3_000], // extras.wait_seconds
  pinterest: [3_000, 3_000], // Retry-After seconds
  wordpress: [3_000, 3_000], // a host's Retry-After seconds (core has no limit)
  instagram: [60_000, 60_000], // minutes in X-Business-Use-Case-Usage
  threads: [60_000, 60_000], // minutes in X-Business-Use-Case-Usage
  youtube: [1, 24 * 3_600_000], // 403 quotaExceeded: until midnight Pacific
};

/**
 * A text longer than the network allows; null where it has no limit (a WordPress article): the test
 * then checks a long text passes, and the refusal it classifies is the network's own credentials one.
 */
const tooLong: Record<NetworkId, string | null> = {
  mastodon: 'é'.repeat(501),
  bluesky: '👍🏽'.repeat(301),
  x: '日本'.repeat(71),
  facebook: 'a'.repeat(63_207),
  linkedin: 'a'.repeat(3_001),
  discord: 'a'.repeat(2_001),
  telegram: 'a'.repeat(4_097),
  wordpress: null,
  discourse: 'a'.repeat(32_001),
  pinterest: 'a'.repeat(801),
  instagram: 'a'.repeat(2_201),
  threads: '🚲'.repeat(126), // an emoji counts its 4 UTF-8 bytes
  youtube: 'é'.repeat(2_501), // 5,000 bytes of description
};

/** Networks that publish nothing without an image (a pin, an Instagram post): their contract posts carry one. */
const IMAGE_REQUIRED: NetworkId[] = ['pinterest', 'instagram', 'youtube'];
/** Networks that publish videos only. */
const VIDEO_ONLY: NetworkId[] = ['youtube'];
/** Networks that take JPEG images only, from a public URL (they download it themselves). */
const JPEG_ONLY: NetworkId[] = ['instagram'];
const onePixel = (network?: NetworkId) =>
  network && VIDEO_ONLY.includes(network)
    ? {
        filename: 'clip.mp4',
        mimeType: 'video/mp4',
        alt: '',
        size: 600_000,
        load: async () => Buffer.alloc(600_000, 7),
      }
    : network && JPEG_ONLY.includes(network)
      ? {
          filename: 'pixel.jpg',
          mimeType: 'image/jpeg',
          alt: '',
          publicUrl: 'https://porte-voix.example/uploads/pixel.jpg',
          load: async () => Buffer.from('ffd8ffe000104a464946', 'hex'),
        }
      : {
          filename: 'pixel.png',
          mimeType: 'image/png',
          alt: '',
          load: async () =>
            Buffer.from(
              'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
              'base64'
            ),
        };
const postFor = (network: NetworkId, text: string): OutgoingPost => ({
  ...post(text),
  ...(IMAGE_REQUIRED.includes(network) && { images: [onePixel(network)] }),
});

/** How each network refuses credentials that no longer work (for networks without a length limit). */
/**
 * Networks whose publication asks the network where it stopped after a 5xx or a dropped connection,
 * within the same attempt (YouTube's resumable upload probes its session), instead of failing it.
 */
const RECOVERS_IN_ATTEMPT = new Set<NetworkId>(['youtube']);

const revokeCredentials: Partial<Record<NetworkId, () => void>> = {
  wordpress: () => fakes.wordpress.revokedPasswords.add('abcdefghijklmnopqrstuvwx'),
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
    return await provider.publish(postFor(network, text), key, providerContext(account, 2_000));
  } catch (error) {
    if (provider.classifyError(error).action !== 'refresh' || !provider.refresh) throw error;
    account.credentials = await provider.refresh(providerContext(account));
    return provider.publish(postFor(network, text), key, providerContext(account, 2_000));
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
    const text = tooLong[network];
    if (text === null) {
      const long = await provider.validate(post('mot '.repeat(20_000)), providerContext(accountFor(network)));
      expect(long.problems).toEqual([]);
      revokeCredentials[network]!();
      const verdict = await failure(network, 'refused credentials');
      expect(verdict).toMatchObject({ action: 'reject', credentials: true });
      expect(fakes[network].published).toHaveLength(0);
      return;
    }
    const validation = await provider.validate(postFor(network, text), providerContext(accountFor(network)));
    expect(validation.length).toBeGreaterThan(validation.limit);
    expect(validation.problems.map((p) => p.code)).toContain('too_long');
    const verdict = await failure(network, text);
    expect(verdict.action).toBe('reject');
    expect(fakes[network].published).toHaveLength(0);
  });

  it("reads the 429 wait in the network's own unit", async () => {
    fakes[network].configure({ rateLimitWaitMs: 3_000 }).failNext('rate-limit');
    const verdict = await failure(network, 'rate limited, to be tried again');
    expect(verdict).toMatchObject({ action: 'retry', rateLimited: true });
    const [min, max] = expectedWaitMs[network];
    const waitMs = (verdict as { waitMs?: number }).waitMs!;
    expect(waitMs).toBeGreaterThanOrEqual(min);
    expect(waitMs).toBeLessThanOrEqual(max);
  });

  it('retries after a 5xx and then succeeds', async () => {
    fakes[network].failNext('server-error');
    if (RECOVERS_IN_ATTEMPT.has(network)) {
      await publish(network, 'server error, then published on retry');
      expect(fakes[network].published).toHaveLength(1);
      return;
    }
    expect((await failure(network, 'server error, then published on retry')).action).toBe('retry');
    await publish(network, 'server error, then published on retry');
    expect(fakes[network].published).toHaveLength(1);
  });

  it('classifies a connection dropped after the post was accepted as unknown', async () => {
    fakes[network].failNext('drop-after-accept');
    if (RECOVERS_IN_ATTEMPT.has(network)) {
      // It asked where the upload stopped instead: the post, once, from the same attempt.
      await publish(network, 'dropped after accept');
      expect(fakes[network].published).toHaveLength(1);
      return;
    }
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
  const withImage = (network: NetworkId): OutgoingPost => ({
    ...post('Avec une image, pour voir le rendu'),
    images: [
      JPEG_ONLY.includes(network) || VIDEO_ONLY.includes(network)
        ? { ...onePixel(network), alt: 'Un vélo' }
        : {
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
    const validation = await provider.validate(withImage(network), providerContext(account));
    expect(validation.problems).toEqual([]);
    const result = await provider.publish(withImage(network), createTid(), providerContext(account));
    expect(result.remoteId).toBeTruthy();
    expect(fakes[network].published).toHaveLength(1);
    const uploads = fakes[network].requests.filter((r) =>
      /media|uploadBlob|photos|images|upload|sendPhoto|webhooks|^\/v5\/pins$|\/threads$/.test(r.path)
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

  it('Pinterest: refreshes the OAuth2 token after a 401 with the app id and secret', async () => {
    const account = accountFor('pinterest');
    fakes.pinterest.expiredTokens.add('pin-token');
    await publish('pinterest', 'after refresh', account);
    expect(fakes.pinterest.refreshCount).toBe(1);
    expect(account.credentials.accessToken).not.toBe('pin-token');
    expect(fakes.pinterest.published).toHaveLength(1);
  });

  it('Instagram: refreshes the long-lived token (ig_refresh_token) when Graph calls it expired (code 190)', async () => {
    const account = accountFor('instagram');
    fakes.instagram.expiredTokens.add('ig-token');
    await publish('instagram', 'after refresh', account);
    expect(fakes.instagram.refreshCount).toBe(1);
    expect(account.credentials.accessToken).not.toBe('ig-token');
    expect(fakes.instagram.published).toHaveLength(1);
  });

  it('Threads: refreshes the long-lived token (th_refresh_token) when the API calls it expired (code 190)', async () => {
    const account = accountFor('threads');
    fakes.threads.expiredTokens.add('th-token');
    await publish('threads', 'after refresh', account);
    expect(fakes.threads.refreshCount).toBe(1);
    expect(account.credentials.accessToken).not.toBe('th-token');
    expect(fakes.threads.published).toHaveLength(1);
  });

  it('YouTube: refreshes the OAuth 2 token after a 401, and a dead refresh token asks to reconnect', async () => {
    const account = accountFor('youtube');
    fakes.youtube.expiredTokens.add('yt-token');
    await publish('youtube', 'after refresh', account);
    expect(fakes.youtube.refreshCount).toBe(1);
    expect(account.credentials.accessToken).not.toBe('yt-token');
    expect(fakes.youtube.published).toHaveLength(1);
    fakes.youtube.deadRefreshTokens.add('yt-refresh');
    const error = await providers.youtube.refresh!(providerContext(account)).catch((e) => e);
    expect(providers.youtube.classifyError(error)).toMatchObject({ action: 'reject', credentials: true });
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

describe('WordPress articles', () => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64'
  );
  const image = (name: string) => ({
    filename: name,
    mimeType: 'image/png',
    alt: `Photo ${name}`,
    size: png.length,
    load: async () => png,
  });

  it('publishes the post as an article: title, Markdown as HTML, excerpt, category, hashtags as tags, featured image', async () => {
    const account = accountFor('wordpress');
    const ctx = providerContext(account);
    const key = createTid();
    const result = await providers.wordpress.publish(
      {
        ...post(
          'Le **vélo** revient <script>alert(1)</script> en ville.\n\nDétails : https://porte-voix.example/a #Vélo #mobilité'
        ),
        title: 'Fête du vélo à Lyon',
        images: [image('une.png'), image('deux.png')],
      },
      key,
      ctx
    );
    const found = await axios.get(`${fakes.wordpress.baseUrl}/wp-json/wp/v2/posts/${result.remoteId}`, {
      params: { context: 'edit' },
      headers: {
        Authorization: `Basic ${Buffer.from('redaction:abcdefghijklmnopqrstuvwx').toString('base64')}`,
      },
    });
    const article = found.data;
    expect(article.title.raw).toBe('Fête du vélo à Lyon');
    expect(article.slug).toBe(`fete-du-velo-a-lyon-${key}`);
    expect(article.content.raw).toContain('<strong>vélo</strong>');
    expect(article.content.raw).toContain('&lt;script&gt;');
    expect(article.content.raw).not.toContain('<script>');
    expect(article.content.raw).toContain('<a href="https://porte-voix.example/a">');
    expect(article.content.raw).toMatch(/<img src="[^"]+deux\.png" alt="Photo deux\.png"/);
    expect(article.excerpt.raw).toBe(
      'Le vélo revient &lt;script&gt;alert(1)&lt;/script&gt; en ville. Détails :'
    );
    expect(article.categories).toEqual([2]);
    expect(article.tags.map((id: number) => fakes.wordpress.tags.get(id))).toEqual(['Vélo', 'mobilité']);
    expect(fakes.wordpress.media.get(article.featured_media)).toMatchObject({
      filename: 'une.png',
      alt: 'Photo une.png',
    });
    expect(result.url).toBe(`${fakes.wordpress.baseUrl}/fete-du-velo-a-lyon-${key}/`);
  });

  it('reuses a tag that exists and refuses a category the site does not have, before sending the article', async () => {
    fakes.wordpress.tags.set(7, 'Lyon');
    const account = accountFor('wordpress');
    await providers.wordpress.publish(post('Rendez-vous #lyon'), createTid(), providerContext(account));
    expect(fakes.wordpress.tags.size).toBe(1);

    account.credentials.categories = 'Actualités, Inconnue';
    const verdict = await failure('wordpress', 'Catégorie absente', account);
    expect(verdict.action).toBe('reject');
    expect(verdict.reason).toMatch(/no category "Inconnue"/);
    expect(fakes.wordpress.published).toHaveLength(1);
  });

  it('finds an article whose answer was lost by the key in its slug, even with another text online', async () => {
    const account = accountFor('wordpress');
    const key = createTid();
    fakes.wordpress.failNext('store-then-error');
    const error = await providers.wordpress
      .publish({ ...post('Perdu en route'), title: 'Perdu' }, key, providerContext(account, 2_000))
      .catch((e) => e);
    expect(providers.wordpress.classifyError(error).action).toBe('retry');
    const since = new Date(Date.now() - 5_000);
    const found = await providers.wordpress.findRecent!(
      { since, text: 'un texte modifié depuis', idempotencyKey: key },
      providerContext(account)
    );
    expect(found?.remoteId).toBe(fakes.wordpress.published[0].id);
    const other = await providers.wordpress.findRecent!(
      { since, text: 'Perdu en route', idempotencyKey: createTid() },
      providerContext(account)
    );
    expect(other).toBeNull();
  });

  it('asks for a title, and says an anonymous answer means HTTPS or a stripped Authorization header', async () => {
    const validation = await providers.wordpress.validate(
      { ...post(''), title: '' },
      providerContext(accountFor('wordpress'))
    );
    expect(validation.problems.map((p) => p.code)).toEqual(['empty', 'no_title']);
    const account = accountFor('wordpress');
    const anonymous = await axios
      .post(`${fakes.wordpress.baseUrl}/wp-json/wp/v2/posts`, { title: 't' })
      .catch((e) => e);
    expect(anonymous.response.data.code).toBe('rest_cannot_create');
    const verdict = providers.wordpress.classifyError(anonymous);
    expect(verdict).toMatchObject({ action: 'reject', credentials: true });
    expect(verdict.reason).toMatch(/HTTPS/);
    expect(account.credentials.username).toBe('redaction');
  });
});

describe('Discourse topics and replies', () => {
  it('opens a topic in the account’s category (by name) with the images uploaded into the post', async () => {
    const account = accountFor('discourse');
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const result = await providers.discourse.publish(
      {
        ...post('La fête du vélo revient samedi, venez nombreux.'),
        title: 'Fête du vélo : samedi à Lyon',
        images: [{ filename: 'velo.png', mimeType: 'image/png', alt: 'Un vélo', load: async () => png }],
      },
      createTid(),
      providerContext(account)
    );
    const found = await providers.discourse.lookup(result.remoteId, providerContext(account));
    expect(found?.text).toMatch(
      /^La fête du vélo revient samedi, venez nombreux\.\n\n!\[Un vélo\|1x1\]\(upload:\/\/\d+\.png\)$/
    );
    expect(result.url).toMatch(/\/t\/f-te-du-v-lo-samedi-lyon\/\d+\/1$/);
    expect(fakes.discourse.uploads).toEqual([{ filename: 'velo.png', size: png.length }]);
  });

  it('replies in the account’s topic, and finds a reply whose answer was lost by its text', async () => {
    const account = accountFor('discourse');
    const topic = await providers.discourse.publish(
      post('Un sujet pour les réponses de la semaine'),
      createTid(),
      providerContext(account)
    );
    const topicId = String(/\/(\d+)\/1$/.exec(topic.url!)![1]);
    const replying = { ...account, credentials: { ...account.credentials, topicId } };
    const validation = await providers.discourse.validate(
      post('Réponse courte mais valable ici'),
      providerContext(replying)
    );
    expect(validation.problems).toEqual([]);
    fakes.discourse.failNext('drop-after-accept');
    const error = await providers.discourse
      .publish(post('Réponse perdue en route, une fois'), createTid(), providerContext(replying))
      .catch((e) => e);
    expect(providers.discourse.classifyError(error).action).toBe('unknown');
    const found = await providers.discourse.findRecent!(
      {
        since: new Date(Date.now() - 5_000),
        text: 'Réponse perdue en route, une fois',
        idempotencyKey: createTid(),
      },
      providerContext(replying)
    );
    expect(found?.url).toMatch(new RegExp(`/${topicId}/2$`));
  });

  it('finds a topic whose answer was lost by its external id, and nothing for another key', async () => {
    const account = accountFor('discourse');
    const key = createTid();
    fakes.discourse.failNext('store-then-error');
    const error = await providers.discourse
      .publish(post('Un sujet dont la réponse se perd'), key, providerContext(account))
      .catch((e) => e);
    expect(providers.discourse.classifyError(error).action).toBe('retry');
    const since = new Date(Date.now() - 5_000);
    const found = await providers.discourse.findRecent!(
      { since, text: 'autre texte', idempotencyKey: key },
      providerContext(account)
    );
    expect(found?.remoteId).toBe(fakes.discourse.published[0].id);
    expect(
      await providers.discourse.findRecent!(
        { since, text: 'x', idempotencyKey: createTid() },
        providerContext(account)
      )
    ).toBeNull();
  });

  it('says what to fix: short texts and titles, a missing category, a refused key, a post queued for review', async () => {
    const account = accountFor('discourse');
    const short = await providers.discourse.validate(post('Trop court'), providerContext(account));
    expect(short.problems.map((p) => p.code)).toEqual(['too_short', 'title_length']);

    const elsewhere = { ...account, credentials: { ...account.credentials, category: 'Nulle part' } };
    expect((await failure('discourse', 'Un sujet sans catégorie connue', elsewhere)).reason).toMatch(
      /no category "Nulle part": choose one of Uncategorized, Announcements, Annonces/
    );

    fakes.discourse.revokedKeys.add('discourse-key');
    expect(await failure('discourse', 'Une clé qui ne marche plus')).toMatchObject({
      action: 'reject',
      credentials: true,
    });
    fakes.discourse.revokedKeys.clear();

    fakes.discourse.queueNext = true;
    const queued = await failure('discourse', 'Un sujet qui attend les modérateurs');
    expect(queued.action).toBe('reject');
    expect(queued.reason).toMatch(/queued the post for its moderators/);

    await publish('discourse', 'Un titre qui existe déjà ici');
    const duplicate = await failure('discourse', 'Un titre qui existe déjà ici');
    expect(duplicate.reason).toMatch(/Title has already been used/);
  });

  it('lists the categories an editor may choose', async () => {
    const destinations = await providers.discourse.listDestinations!(
      providerContext(accountFor('discourse'))
    );
    expect(destinations).toEqual([
      { id: '1', name: 'Uncategorized' },
      { id: '4', name: 'Announcements' },
      { id: '5', name: 'Annonces' },
    ]);
  });
});
