/**
 * YouTube against its fake, beyond the contract every provider passes (providers.test.ts): the
 * resumable upload in chunks, the video's metadata and Shorts, the limits checked before sending,
 * the day's quota in units kept on the account and its reset at midnight Pacific, and exactly once
 * across an upload cut in the middle or an answer lost after the last byte.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { providerContext } from '../../../plugins/cross-post/server/src/providers/http';
import { fileSource } from '../../../plugins/cross-post/server/src/utils/media-source';
import {
  CHUNK_RESUMES,
  QUOTA,
  UPLOAD,
  nextQuotaReset,
  quotaDay,
  unitsSpentToday,
} from '../../../plugins/cross-post/server/src/providers/youtube';
import {
  providers,
  type OutgoingImage,
  type OutgoingPost,
  type ProviderAccount,
  type ProviderContext,
  type QuotaLedger,
} from '../../../plugins/cross-post/server/src/providers';
import { createTid } from '../../../plugins/cross-post/server/src/utils/tid';
import { YouTubeFake } from '../../fakes';

const youtube = providers.youtube;
const fake = new YouTubeFake();
const chunkBytes = UPLOAD.chunkBytes;
beforeAll(async () => {
  await fake.start();
  UPLOAD.chunkBytes = 256 * 1024;
});
afterAll(async () => {
  UPLOAD.chunkBytes = chunkBytes;
  await fake.stop();
});
beforeEach(() => fake.reset());

const KIB = 1024;

function contextFor(credentials: Record<string, string> = {}, quota: QuotaLedger | null = null) {
  const account: ProviderAccount = {
    id: 1,
    network: 'youtube',
    baseUrl: fake.baseUrl,
    credentials: { accessToken: `yt-${createTid()}`, ...credentials },
    quota,
  };
  const ctx: ProviderContext & { account: ProviderAccount } = {
    ...providerContext(account),
    spendQuota: async (day, units) => {
      account.quota = { quotaDay: day, unitsSpent: unitsSpentToday(account.quota) + units };
    },
  };
  return ctx;
}

const video = (bytes: number, name = 'clip.mp4'): OutgoingImage => ({
  filename: name,
  mimeType: 'video/mp4',
  alt: '',
  size: bytes,
  load: async () => Buffer.alloc(bytes, 3),
});
const post = (text: string, media: OutgoingImage[] = [video(600 * KIB)], title?: string): OutgoingPost => ({
  title,
  text,
  images: media,
  language: 'fr',
  createdAt: new Date(),
});
const verdictOf = async (promise: Promise<unknown>) => youtube.classifyError(await promise.catch((e) => e));

function progress(options: { crashAfterSave?: boolean } = {}) {
  let saved: Record<string, unknown> | null = null;
  return {
    get saved() {
      return saved;
    },
    async save(state: Record<string, unknown>) {
      saved = state;
      if (options.crashAfterSave) throw new Error('the instance stopped here');
    },
  };
}

describe('YouTube uploads', () => {
  it('uploads the video in chunks of 256 KiB multiples, with its title, description, tags and privacy', async () => {
    const ctx = contextFor({ privacy: 'unlisted' });
    const result = await youtube.publish(
      post('Le festival en vidéo #Lyon #vélo', [video(600 * KIB)], 'Fête du vélo 2026'),
      createTid(),
      ctx
    );
    expect(result.url).toBe(`https://www.youtube.com/watch?v=${result.remoteId}`);
    const [session] = fake.sessions.values();
    expect(session.chunks.map((c) => c.length)).toEqual([256 * KIB, 256 * KIB, 88 * KIB]);
    expect(session.metadata).toMatchObject({
      snippet: {
        title: 'Fête du vélo 2026',
        description: 'Le festival en vidéo #Lyon #vélo',
        tags: ['Lyon', 'vélo'],
      },
      status: { privacyStatus: 'unlisted' },
    });
    expect(fake.published).toHaveLength(1);
  });

  it('marks a Short on an account set to Shorts, and links it as one', async () => {
    const result = await youtube.publish(
      post('Trente secondes de festival', [video(100 * KIB)], 'Le festival'),
      createTid(),
      contextFor({ shorts: 'yes' })
    );
    expect([...fake.videos.values()][0].title).toBe('Le festival #Shorts');
    expect(result.url).toBe(`https://www.youtube.com/shorts/${result.remoteId}`);
  });

  it('checks title, description, tags, angle brackets, privacy and the video before sending anything', async () => {
    const ctx = contextFor();
    const codes = async (p: OutgoingPost, c = ctx) =>
      (await youtube.validate(p, c)).problems.map((x) => x.code);
    expect(await codes(post('ok', undefined, 't'.repeat(100)))).toEqual([]);
    expect(await codes(post('ok', undefined, 't'.repeat(101)))).toEqual(['title_too_long']);
    const description = await youtube.validate(post('é'.repeat(2_501), undefined, 'Titre'), ctx);
    expect(description).toMatchObject({ length: 5_002, limit: 5_000 });
    expect(description.problems.map((x) => x.code)).toEqual(['too_long']);
    expect(await codes(post('a <b> c', undefined, 'Titre'))).toEqual(['forbidden_characters']);
    const tags = Array.from({ length: 60 }, (_, i) => `#motclé${String(i).padStart(2, '0')}`).join(' ');
    expect(await codes(post(tags, undefined, 'Titre'))).toEqual(['too_many_tags']);
    expect(await codes(post('photo', [{ ...video(10), mimeType: 'image/jpeg' }], 'Titre'))).toEqual([
      'media_required',
    ]);
    expect(await codes(post('ok', undefined, 'Titre'), contextFor({ privacy: 'secret' }))).toEqual([
      'invalid_privacy',
    ]);
    expect((await verdictOf(youtube.publish(post('a <b>', undefined, 'T'), createTid(), ctx))).action).toBe(
      'reject'
    );
    expect(fake.requests).toHaveLength(0);
  });
});

describe("the day's quota, in units, kept on the account", () => {
  it('spends 1,600 units per upload and refuses the one that would pass the quota, until midnight Pacific', async () => {
    const ctx = contextFor({ dailyQuota: String(2 * QUOTA.upload) });
    await youtube.publish(post('Un', undefined, 'Un'), createTid(), ctx);
    expect(ctx.account.quota).toEqual({ quotaDay: quotaDay(), unitsSpent: QUOTA.upload });
    await youtube.publish(post('Deux', undefined, 'Deux'), createTid(), ctx);
    expect(unitsSpentToday(ctx.account.quota)).toBe(2 * QUOTA.upload);

    const sent = fake.requests.length;
    const verdict = await verdictOf(youtube.publish(post('Trois', undefined, 'Trois'), createTid(), ctx));
    expect(verdict).toMatchObject({
      action: 'retry',
      rateLimited: true,
      reason: expect.stringContaining('3200 of 3200'),
    });
    const waitMs = (verdict as { waitMs: number }).waitMs;
    expect(Math.abs(Date.now() + waitMs - nextQuotaReset().getTime())).toBeLessThan(1_000);
    expect(fake.requests.length).toBe(sent);

    // The next day (Pacific time), the ledger starts again.
    const yesterday = contextFor(
      { dailyQuota: String(QUOTA.upload) },
      { quotaDay: '2000-01-01', unitsSpent: 9_999 }
    );
    await youtube.publish(post('Le lendemain', undefined, 'Lendemain'), createTid(), yesterday);
    expect(yesterday.account.quota).toEqual({ quotaDay: quotaDay(), unitsSpent: QUOTA.upload });
  });

  it("waits for midnight Pacific after YouTube's own 403 quotaExceeded", async () => {
    fake.failNext('rate-limit');
    const verdict = await verdictOf(
      youtube.publish(post('Refusé', undefined, 'Refusé'), createTid(), contextFor())
    );
    expect(verdict).toMatchObject({
      action: 'retry',
      rateLimited: true,
      reason: expect.stringContaining('quotaExceeded'),
    });
    const reset = Date.now() + (verdict as { waitMs: number }).waitMs;
    // A midnight in Los Angeles: the quota's day changes there, and not a minute before.
    expect(quotaDay(reset + 1_000)).not.toBe(quotaDay(reset - 60_000));
    expect((verdict as { waitMs: number }).waitMs).toBeLessThanOrEqual(25 * 3_600_000);
  });

  it('finds midnight Pacific across daylight saving time', () => {
    // 2026-03-08 is the spring change in Los Angeles (PST to PDT).
    expect(nextQuotaReset(Date.parse('2026-03-07T20:00:00Z')).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(nextQuotaReset(Date.parse('2026-03-08T20:00:00Z')).toISOString()).toBe('2026-03-09T07:00:00.000Z');
    expect(quotaDay(Date.parse('2026-07-01T06:59:00Z'))).toBe('2026-06-30');
  });
});

describe('exactly once across an upload cut short', () => {
  it('asks the session where it stopped after a chunk is cut (5xx), and goes on from there in the same attempt', async () => {
    const ctx = contextFor();
    fake.failChunkAt = 1;
    await youtube.publish(post('Coupé', [video(700 * KIB)], 'Coupé'), createTid(), {
      ...ctx,
      progress: progress(),
    });
    const [session] = fake.sessions.values();
    expect(fake.sessions.size).toBe(1);
    expect(session.chunks.map((c) => c.length)).toEqual([256 * KIB, 256 * KIB, 188 * KIB]);
    // Three chunks, the one cut, and the question to the session (`bytes */total`).
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(5);
    expect(fake.published).toHaveLength(1);
  });

  it('leaves a session cut too often to the next attempt, which resumes it: one session, one video', async () => {
    const ctx = contextFor();
    const steps = progress();
    fake.failChunkAt = 1;
    fake.failChunkTimes = CHUNK_RESUMES + 1;
    const first = await verdictOf(
      youtube.publish(post('Coupé', [video(700 * KIB)], 'Coupé'), createTid(), { ...ctx, progress: steps })
    );
    expect(first.action).toBe('retry');
    expect(fake.published).toHaveLength(0);
    await youtube.publish(post('Coupé', [video(700 * KIB)], 'Coupé'), createTid(), {
      ...ctx,
      progress: steps,
    });
    const [session] = fake.sessions.values();
    expect(fake.sessions.size).toBe(1);
    expect(session.chunks.map((c) => c.length)).toEqual([256 * KIB, 256 * KIB, 188 * KIB]);
    expect(fake.published).toHaveLength(1);
    // The quota was spent once: the resumed session is the same insert.
    expect(unitsSpentToday(ctx.account.quota)).toBe(QUOTA.upload);
  });

  it('asks the session for the video when the connection dropped after the last byte, and uploads nothing again', async () => {
    const ctx = contextFor();
    fake.failNext('drop-after-accept');
    const result = await youtube.publish(post('Perdu', [video(100 * KIB)], 'Perdu'), createTid(), {
      ...ctx,
      progress: progress(),
    });
    expect(result.remoteId).toBe(fake.published[0].id);
    expect(fake.published).toHaveLength(1);
    expect(fake.sessions.size).toBe(1);
    expect([...fake.sessions.values()][0].chunks).toHaveLength(1);
  });

  it('streams a video of several MB from its file, one chunk at a time, never loading it whole', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'yt-stream-'));
    const file = path.join(dir, 'festival.mp4');
    const bytes = randomBytes(6 * 1024 * KIB + 1234);
    await writeFile(file, bytes);
    try {
      const streamed: OutgoingImage = {
        filename: 'festival.mp4',
        mimeType: 'video/mp4',
        alt: '',
        size: bytes.length,
        load: async () => {
          throw new Error('the whole video was loaded');
        },
        open: () => fileSource(file),
      };
      await youtube.publish(post('Le film', [streamed], 'Le film'), createTid(), {
        ...contextFor(),
        progress: progress(),
      });
      const [session] = fake.sessions.values();
      expect(session.chunks.slice(0, -1).every((c) => c.length === 256 * KIB)).toBe(true);
      expect(session.chunks).toHaveLength(Math.ceil(bytes.length / (256 * KIB)));
      expect(Buffer.concat(session.chunks).equals(bytes)).toBe(true);
      expect(fake.published).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('starts a new upload when the saved session expired before any video came of it', async () => {
    const ctx = contextFor();
    const crashing = progress({ crashAfterSave: true });
    await youtube
      .publish(post('Expiré', undefined, 'Expiré'), createTid(), { ...ctx, progress: crashing })
      .catch(() => undefined);
    fake.expireSessions();
    await youtube.publish(post('Expiré', undefined, 'Expiré'), createTid(), {
      ...ctx,
      progress: { saved: crashing.saved, save: async () => undefined },
    });
    expect(fake.published).toHaveLength(1);
  });
});
