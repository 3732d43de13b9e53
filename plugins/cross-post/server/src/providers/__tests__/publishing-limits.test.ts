import { hashtagCount, mentionCount } from '../instagram';
import { parsePublishingLimit, windowFreesAt } from '../meta-containers';
import { threadsLength } from '../threads';
import { nextQuotaReset, quotaDay, unitsSpentToday, videoTags, videoTitle } from '../youtube';

const HOUR = 3_600_000;

describe("Meta's rolling 24-hour publishing limit", () => {
  it('reads the limit as the API answers it, and refuses another shape', () => {
    expect(
      parsePublishingLimit({ data: [{ quota_usage: 2, config: { quota_total: 50, quota_duration: 86400 } }] })
    ).toEqual({ used: 2, total: 50, windowMs: 24 * HOUR });
    expect(() => parsePublishingLimit({ data: [] })).toThrow();
  });

  it('frees a place when the oldest post still counted leaves the window', () => {
    const now = Date.parse('2026-06-01T12:00:00Z');
    const limit = { used: 3, total: 3, windowMs: 24 * HOUR };
    const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR).toISOString();
    // Newest first, as the API lists them; one post is older than the window and no longer counts.
    expect(windowFreesAt(limit, [at(1), at(5), at(20), at(30)], now).toISOString()).toBe(
      new Date(now + 4 * HOUR).toISOString()
    );
    // Meta lowered the limit below what the window holds: a place frees only when enough posts left.
    expect(windowFreesAt({ ...limit, total: 2 }, [at(1), at(5), at(20)], now).toISOString()).toBe(
      new Date(now + 19 * HOUR).toISOString()
    );
    expect(windowFreesAt(limit, [], now).getTime()).toBe(now + HOUR);
  });
});

describe('caption counts', () => {
  it('counts Instagram hashtags and mentions, not e-mail addresses or anchors in links', () => {
    expect(hashtagCount('#vélo et #Lyon2026, pas https://exemple.fr/#ancre')).toBe(2);
    expect(mentionCount('@porte.voix merci @ami_1, écrire à contact@exemple.fr')).toBe(2);
  });

  it('counts an emoji as its UTF-8 bytes on Threads', () => {
    expect(threadsLength('abc')).toBe(3);
    expect(threadsLength('🚲')).toBe(4);
    expect(threadsLength('é')).toBe(1);
    expect(threadsLength('👍🏽')).toBe(8);
  });
});

describe("YouTube's day and video", () => {
  it('counts the day in Pacific time, midnight to midnight, across daylight saving time', () => {
    expect(quotaDay(Date.parse('2026-07-01T06:59:00Z'))).toBe('2026-06-30');
    expect(quotaDay(Date.parse('2026-07-01T07:00:00Z'))).toBe('2026-07-01');
    expect(nextQuotaReset(Date.parse('2026-03-07T20:00:00Z')).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(nextQuotaReset(Date.parse('2026-03-08T20:00:00Z')).toISOString()).toBe('2026-03-09T07:00:00.000Z');
    expect(nextQuotaReset(Date.parse('2026-11-01T20:00:00Z')).toISOString()).toBe('2026-11-02T08:00:00.000Z');
  });

  it("reads the units spent today from the account's ledger, 0 on another day or without one", () => {
    const now = Date.parse('2026-07-01T12:00:00Z');
    expect(unitsSpentToday({ quotaDay: '2026-07-01', unitsSpent: 3200 }, now)).toBe(3200);
    expect(unitsSpentToday({ quotaDay: '2026-06-30', unitsSpent: 3200 }, now)).toBe(0);
    expect(unitsSpentToday(null, now)).toBe(0);
  });

  it("titles the video with the post's title, else its first line, #Shorts added for Shorts", () => {
    const post = { text: 'Le festival #Lyon\nDeuxième ligne', images: [], createdAt: new Date() };
    expect(videoTitle({ ...post, title: 'Fête' }, false)).toBe('Fête');
    expect(videoTitle(post, false)).toBe('Le festival');
    expect(videoTitle({ ...post, title: 'Fête' }, true)).toBe('Fête #Shorts');
    expect(videoTags(post.text + ' #lyon #Lyon')).toEqual(['Lyon', 'lyon']);
  });
});
