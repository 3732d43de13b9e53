/**
 * Threads against its fake, beyond the contract every provider passes (providers.test.ts): text,
 * image, video and carousel containers, its way of counting 500 characters, the 24-hour limit read
 * from the API, and exactly once across a crash between the container and its publication.
 */
import { providerContext } from '../../../plugins/cross-post/server/src/providers/http';
import {
  providers,
  type OutgoingImage,
  type OutgoingPost,
  type ProviderAccount,
} from '../../../plugins/cross-post/server/src/providers';
import { createTid } from '../../../plugins/cross-post/server/src/utils/tid';
import { ThreadsFake } from '../../fakes';

const threads = providers.threads;
const fake = new ThreadsFake();
beforeAll(() => fake.start());
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

const DAY = 86_400_000;

function accountFor(): ProviderAccount {
  return {
    id: 1,
    network: 'threads',
    baseUrl: fake.baseUrl,
    credentials: { userId: '25025320001234567', accessToken: `th-${createTid()}` },
  };
}

const media = (name: string, mimeType: string): OutgoingImage => ({
  filename: name,
  mimeType,
  alt: '',
  size: 50_000,
  publicUrl: `https://porte-voix.example/uploads/${name}`,
  load: async () => Buffer.alloc(4),
});
const post = (text: string, images: OutgoingImage[] = []): OutgoingPost => ({
  text,
  images,
  language: 'fr',
  createdAt: new Date(),
});
const verdictOf = async (promise: Promise<unknown>) => threads.classifyError(await promise.catch((e) => e));

describe('Threads containers', () => {
  it.each([
    ['a text', [], ['TEXT']],
    ['an image', [media('a.png', 'image/png')], ['IMAGE']],
    ['a video', [media('a.mp4', 'video/mp4')], ['VIDEO']],
    [
      'a carousel',
      [media('a.jpg', 'image/jpeg'), media('b.mp4', 'video/mp4')],
      ['IMAGE', 'VIDEO', 'CAROUSEL'],
    ],
  ] as const)('publishes %s as its container', async (_kind, images, types) => {
    const text = `Sur Threads ${createTid()}`;
    const result = await threads.publish(post(text, [...images]), createTid(), providerContext(accountFor()));
    expect([...fake.containers.values()].map((c) => c.mediaType)).toEqual(types);
    expect(fake.published.map((p) => [p.id, p.text])).toEqual([[result.remoteId, text]]);
    expect(result.url).toMatch(/^https:\/\/www\.threads\.net\/@porte_voix\/post\//);
  });

  it('counts an emoji as its UTF-8 bytes against the 500, and refuses a text over it before sending', async () => {
    const ctx = providerContext(accountFor());
    const fits = `${'a'.repeat(496)}🚲`;
    expect(await threads.validate(post(fits), ctx)).toMatchObject({ length: 500, problems: [] });
    const over = await threads.validate(post(`${fits}!`), ctx);
    expect(over.problems.map((p) => p.code)).toEqual(['too_long']);
    expect((await verdictOf(threads.publish(post(`${fits}!`), createTid(), ctx))).action).toBe('reject');
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses media without a public address and GIF images, naming what to change', async () => {
    const ctx = providerContext(accountFor());
    const problems = (
      await threads.validate(
        post('x', [{ ...media('a.png', 'image/png'), publicUrl: undefined }, media('b.gif', 'image/gif')]),
        ctx
      )
    ).problems;
    expect(problems.map((p) => p.code)).toEqual(['media_not_public', 'media_format']);
    expect(problems[0].message).toContain('server.url');
  });
});

describe('the 24-hour publishing limit, read from the API', () => {
  it('waits for the window once the limit is used, without creating a container', async () => {
    fake.quotaTotal = 1;
    const ctx = providerContext(accountFor());
    const first = await threads.publish(post('Un'), createTid(), ctx);
    expect(first.quota?.remaining).toBe(0);
    const containers = fake.containers.size;
    const verdict = await verdictOf(threads.publish(post('Deux'), createTid(), ctx));
    expect(verdict).toMatchObject({ action: 'retry', rateLimited: true });
    expect((verdict as { waitMs: number }).waitMs).toBeGreaterThan(DAY - 60_000);
    expect(fake.containers.size).toBe(containers);
    fake.advanceTime(DAY);
    await threads.publish(post('Deux'), createTid(), ctx);
    expect(fake.published).toHaveLength(2);
  });
});

describe('exactly once across a crash between the container and its publication', () => {
  it('resumes the saved container; finds the post when only the answer was lost', async () => {
    const ctx = providerContext(accountFor());
    let saved: Record<string, unknown> | null = null;
    const crashing = {
      get saved() {
        return saved;
      },
      save: async (state: Record<string, unknown>) => {
        saved = state;
        throw new Error('the instance stopped here');
      },
    };
    const text = `Une seule fois ${createTid()}`;
    await expect(threads.publish(post(text), createTid(), { ...ctx, progress: crashing })).rejects.toThrow(
      'the instance stopped here'
    );
    expect(fake.published).toHaveLength(0);

    const resumed = { saved, save: async () => undefined };
    fake.failNext('drop-after-accept');
    expect(
      (await verdictOf(threads.publish(post(text), createTid(), { ...ctx, progress: resumed }))).action
    ).toBe('unknown');
    const found = await threads.publish(post(text), createTid(), { ...ctx, progress: resumed });
    expect(fake.containers.size).toBe(1);
    expect(fake.published.map((p) => p.id)).toEqual([found.remoteId]);
  });
});
