/**
 * Instagram against its fake, beyond the contract every provider passes (providers.test.ts): the
 * four kinds of post (image, carousel, reel, story) as containers, the caption's limits, media that
 * must be public, the 24-hour publishing limit read from the API, and exactly once across a crash
 * between the container and its publication.
 */
import { providerContext } from '../../../plugins/cross-post/server/src/providers/http';
import { CONTAINER_POLLING } from '../../../plugins/cross-post/server/src/providers/meta-containers';
import {
  providers,
  type OutgoingImage,
  type OutgoingPost,
  type ProviderAccount,
  type PublishProgress,
} from '../../../plugins/cross-post/server/src/providers';
import { createTid } from '../../../plugins/cross-post/server/src/utils/tid';
import { InstagramFake } from '../../fakes';

const instagram = providers.instagram;
const fake = new InstagramFake();
beforeAll(() => fake.start());
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

const DAY = 86_400_000;

function accountFor(credentials: Record<string, string> = {}): ProviderAccount {
  return {
    id: 1,
    network: 'instagram',
    baseUrl: fake.baseUrl,
    credentials: { userId: '17841400008460056', accessToken: `ig-${createTid()}`, ...credentials },
  };
}

const jpeg = (name: string): OutgoingImage => ({
  filename: `${name}.jpg`,
  mimeType: 'image/jpeg',
  alt: `Photo ${name}`,
  size: 40_000,
  publicUrl: `https://porte-voix.example/uploads/${name}.jpg`,
  load: async () => Buffer.from('ffd8ffe0', 'hex'),
});
const mp4 = (name: string): OutgoingImage => ({
  filename: `${name}.mp4`,
  mimeType: 'video/mp4',
  alt: '',
  size: 2_000_000,
  publicUrl: `https://porte-voix.example/uploads/${name}.mp4`,
  load: async () => Buffer.alloc(8),
});
const post = (text: string, images: OutgoingImage[]): OutgoingPost => ({
  text,
  images,
  language: 'fr',
  createdAt: new Date(),
});

/** A delivery's progress as the dispatcher keeps it; `crashAfterSave` dies right after the save, as an instance would. */
function progress(options: { crashAfterSave?: boolean } = {}): PublishProgress & { saves: number } {
  let saved: Record<string, unknown> | null = null;
  return {
    saves: 0,
    get saved() {
      return saved;
    },
    async save(state) {
      saved = state;
      this.saves++;
      if (options.crashAfterSave) throw new Error('the instance stopped here');
    },
  };
}

const verdictOf = async (promise: Promise<unknown>) => instagram.classifyError(await promise.catch((e) => e));

describe('Instagram containers', () => {
  it('publishes an image with its caption and alt text, and finds it by permalink', async () => {
    const account = accountFor();
    const result = await instagram.publish(
      post('Fête du vélo #Lyon', [jpeg('velo')]),
      createTid(),
      providerContext(account)
    );
    expect(result.url).toMatch(/^https:\/\/www\.instagram\.com\/p\//);
    const [container] = fake.containers.values();
    expect(container).toMatchObject({ mediaType: 'IMAGE', text: 'Fête du vélo #Lyon', status: 'PUBLISHED' });
    expect(fake.published.map((p) => p.text)).toEqual(['Fête du vélo #Lyon']);
  });

  it('publishes several media as one carousel: each item a container, then the carousel, counted once', async () => {
    const account = accountFor();
    await instagram.publish(
      post('Trois photos', [jpeg('a'), mp4('b'), jpeg('c')]),
      createTid(),
      providerContext(account)
    );
    const containers = [...fake.containers.values()];
    expect(containers.map((c) => [c.mediaType, c.isCarouselItem])).toEqual([
      ['IMAGE', true],
      ['VIDEO', true],
      ['IMAGE', true],
      ['CAROUSEL', false],
    ]);
    expect(containers[3].children).toEqual(containers.slice(0, 3).map((c) => c.id));
    expect(fake.published).toHaveLength(1);
    expect(fake.usage(account.credentials.accessToken!)).toBe(1);
  });

  it('publishes a video as a reel once Instagram has processed it', async () => {
    fake.processingPolls = 2;
    await instagram.publish(post('En vidéo', [mp4('reel')]), createTid(), providerContext(accountFor()));
    const [container] = fake.containers.values();
    expect(container).toMatchObject({ mediaType: 'REELS', status: 'PUBLISHED' });
    expect(container.polls).toBeGreaterThanOrEqual(3);
  });

  it('publishes a story on an account set to publish stories, and refuses two media there', async () => {
    const account = accountFor({ publishAs: 'story' });
    await instagram.publish(post('', [jpeg('story')]), createTid(), providerContext(account));
    expect([...fake.containers.values()].map((c) => c.mediaType)).toEqual(['STORIES']);
    const two = await instagram.validate(post('', [jpeg('a'), jpeg('b')]), providerContext(account));
    expect(two.problems.map((p) => p.code)).toEqual(['too_many_images']);
  });
});

describe('Instagram rules checked before anything is sent', () => {
  it('counts 2,200 characters, 30 hashtags and 20 mentions in a caption', async () => {
    const ctx = providerContext(accountFor());
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `#tag${i}`).join(' ');
    const mentions = (n: number) => Array.from({ length: n }, (_, i) => `@ami.${i}`).join(' ');
    expect((await instagram.validate(post(tags(30), [jpeg('a')]), ctx)).problems).toEqual([]);
    expect((await instagram.validate(post(tags(31), [jpeg('a')]), ctx)).problems.map((p) => p.code)).toEqual([
      'too_many_hashtags',
    ]);
    expect((await instagram.validate(post(mentions(20), [jpeg('a')]), ctx)).problems).toEqual([]);
    expect(
      (await instagram.validate(post(mentions(21), [jpeg('a')]), ctx)).problems.map((p) => p.code)
    ).toEqual(['too_many_mentions']);
    const long = await instagram.validate(post('é'.repeat(2_201), [jpeg('a')]), ctx);
    expect(long).toMatchObject({ length: 2_201, limit: 2_200 });
    expect(long.problems.map((p) => p.code)).toEqual(['too_long']);
    const verdict = await verdictOf(instagram.publish(post(tags(31), [jpeg('a')]), createTid(), ctx));
    expect(verdict.action).toBe('reject');
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses media without a public address, naming the setting to fill in', async () => {
    const ctx = providerContext(accountFor());
    const local = { ...jpeg('local'), publicUrl: undefined };
    const validation = await instagram.validate(post('Sans adresse publique', [local]), ctx);
    expect(validation.problems).toEqual([
      expect.objectContaining({ code: 'media_not_public', message: expect.stringContaining('server.url') }),
    ]);
    const verdict = await verdictOf(
      instagram.publish(post('Sans adresse publique', [local]), createTid(), ctx)
    );
    expect(verdict).toMatchObject({ action: 'reject', reason: expect.stringContaining('public URL') });
    expect(fake.containers.size).toBe(0);
  });

  it('needs a medium, in JPEG for images', async () => {
    const ctx = providerContext(accountFor());
    expect((await instagram.validate(post('Texte seul', []), ctx)).problems.map((p) => p.code)).toEqual([
      'media_required',
    ]);
    const png = { ...jpeg('png'), filename: 'x.png', mimeType: 'image/png' };
    expect((await instagram.validate(post('PNG', [png]), ctx)).problems.map((p) => p.code)).toEqual([
      'media_format',
    ]);
  });
});

describe('the 24-hour publishing limit, read from the API', () => {
  it('says when the last place is taken, then waits for the window instead of creating a container', async () => {
    fake.quotaTotal = 2;
    const account = accountFor();
    const ctx = providerContext(account);
    const first = await instagram.publish(post('Un', [jpeg('1')]), createTid(), ctx);
    expect(first.quota).toBeUndefined();
    const second = await instagram.publish(post('Deux', [jpeg('2')]), createTid(), ctx);
    expect(second.quota?.remaining).toBe(0);
    const firstAt = fake.posts.get(first.remoteId)!.createdAt;
    expect(Math.abs(second.quota!.resetAt.getTime() - (firstAt + DAY))).toBeLessThan(2_000);

    const containers = fake.containers.size;
    const verdict = await verdictOf(instagram.publish(post('Trois', [jpeg('3')]), createTid(), ctx));
    expect(verdict).toMatchObject({ action: 'retry', rateLimited: true });
    const waitMs = (verdict as { waitMs: number }).waitMs;
    expect(waitMs).toBeGreaterThan(DAY - 60_000);
    expect(waitMs).toBeLessThanOrEqual(DAY);
    expect(fake.containers.size).toBe(containers);
    expect(fake.published).toHaveLength(2);

    fake.advanceTime(DAY);
    await instagram.publish(post('Trois', [jpeg('3')]), createTid(), ctx);
    expect(fake.published).toHaveLength(3);
  });

  it("classifies the network's own refusal (code 9, subcode 2207042) as a wait for the whole account", async () => {
    fake.quotaTotal = 1;
    const account = accountFor();
    const ctx = providerContext(account);
    const crashing = progress({ crashAfterSave: true });
    await instagram
      .publish(post('Gardé', [jpeg('kept')]), createTid(), { ...ctx, progress: crashing })
      .catch(() => undefined);
    // Another tool takes the last place before the saved container is published.
    fake.posts.set('other', {
      id: 'other',
      account: account.credentials.accessToken!,
      text: 'ailleurs',
      mediaType: 'IMAGE',
      createdAt: fake.now(),
    });
    const verdict = await verdictOf(
      instagram.publish(post('Gardé', [jpeg('kept')]), createTid(), {
        ...ctx,
        progress: { saved: crashing.saved, save: async () => undefined },
      })
    );
    expect(verdict).toMatchObject({
      action: 'retry',
      rateLimited: true,
      reason: expect.stringContaining('24-hour'),
    });
    expect(fake.published).toHaveLength(0);
  });
});

describe('exactly once across a crash between the container and its publication', () => {
  it('publishes the saved container on the next attempt: no second container, one post', async () => {
    const account = accountFor();
    const ctx = providerContext(account);
    const crashing = progress({ crashAfterSave: true });
    const text = `Une seule fois ${createTid()}`;
    await expect(
      instagram.publish(post(text, [jpeg('once')]), createTid(), { ...ctx, progress: crashing })
    ).rejects.toThrow('the instance stopped here');
    expect(fake.containers.size).toBe(1);
    expect(fake.published).toHaveLength(0);

    const resumed = { saved: crashing.saved, save: jest.fn(async () => undefined) };
    const result = await instagram.publish(post(text, [jpeg('once')]), createTid(), {
      ...ctx,
      progress: resumed,
    });
    expect(fake.containers.size).toBe(1);
    expect(fake.published.map((p) => p.id)).toEqual([result.remoteId]);
    expect(resumed.save).not.toHaveBeenCalled();
  });

  it('finds the post when the container was published but the answer was lost, and publishes nothing again', async () => {
    const ctx = providerContext(accountFor());
    const steps = progress();
    const text = `Réponse perdue ${createTid()}`;
    fake.failNext('drop-after-accept');
    const lost = await verdictOf(
      instagram.publish(post(text, [jpeg('lost')]), createTid(), { ...ctx, progress: steps })
    );
    expect(lost.action).toBe('unknown');
    expect(fake.published).toHaveLength(1);

    const again = await instagram.publish(post(text, [jpeg('lost')]), createTid(), {
      ...ctx,
      progress: steps,
    });
    expect(again.remoteId).toBe(fake.published[0].id);
    expect(fake.published).toHaveLength(1);
    expect(fake.containers.size).toBe(1);
  });

  it('makes a new container when the post changed since (a new approval) or the saved one expired', async () => {
    const ctx = providerContext(accountFor());
    const crashing = progress({ crashAfterSave: true });
    await instagram
      .publish(post('Version 1', [jpeg('v')]), createTid(), { ...ctx, progress: crashing })
      .catch(() => undefined);
    await instagram.publish(post('Version 2', [jpeg('v')]), createTid(), {
      ...ctx,
      progress: { saved: crashing.saved, save: async () => undefined },
    });
    expect(fake.containers.size).toBe(2);
    expect(fake.published.map((p) => p.text)).toEqual(['Version 2']);

    const expiring = progress({ crashAfterSave: true });
    await instagram
      .publish(post('Trop tard', [jpeg('late')]), createTid(), { ...ctx, progress: expiring })
      .catch(() => undefined);
    fake.advanceTime(DAY + 1);
    await instagram.publish(post('Trop tard', [jpeg('late')]), createTid(), {
      ...ctx,
      progress: { saved: expiring.saved, save: async () => undefined },
    });
    expect(fake.containers.size).toBe(4);
    expect(fake.published.map((p) => p.text)).toEqual(['Version 2', 'Trop tard']);
  });

  it('gives a video still processing back for later, and publishes that same container then', async () => {
    const budget = CONTAINER_POLLING.budgetMs;
    CONTAINER_POLLING.budgetMs = 600;
    try {
      fake.processingPolls = 50;
      const ctx = providerContext(accountFor());
      const steps = progress();
      const verdict = await verdictOf(
        instagram.publish(post('Vidéo longue', [mp4('long')]), createTid(), { ...ctx, progress: steps })
      );
      expect(verdict).toMatchObject({ action: 'retry', reason: expect.stringContaining('still processing') });
      expect(fake.published).toHaveLength(0);
      fake.processingPolls = 0;
      await instagram.publish(post('Vidéo longue', [mp4('long')]), createTid(), { ...ctx, progress: steps });
      expect(fake.containers.size).toBe(1);
      expect(fake.published).toHaveLength(1);
    } finally {
      CONTAINER_POLLING.budgetMs = budget;
    }
  });
});
