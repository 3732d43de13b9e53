import { DAY_MS } from '../decay';
import { readingsToDrop, retentionCutoffs } from '../retention';

const now = new Date('2027-06-15T12:00:00Z');
const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY_MS - hours * 3_600_000);

describe('snapshot retention', () => {
  const cutoffs = retentionCutoffs(now);

  it('keeps everything for 90 days, one a day to 13 months, then only the latest', () => {
    expect(cutoffs.allBefore.toISOString()).toBe(ago(90).toISOString());
    expect(cutoffs.dailyBefore.toISOString()).toBe('2026-05-15T12:00:00.000Z');
  });

  it('keeps the last reading of each local day between 90 days and 13 months', () => {
    const aged = [
      { id: 1, capturedAt: ago(100, 10) }, // same Paris day as 2 and 3
      { id: 2, capturedAt: ago(100, 6) },
      { id: 3, capturedAt: ago(100, 2) },
      { id: 4, capturedAt: ago(120) },
      { id: 5, capturedAt: ago(89) }, // younger than 90 days: untouched
    ];
    expect(readingsToDrop(aged, 9, cutoffs, 'Europe/Paris').sort()).toEqual([1, 2]);
  });

  it('drops readings older than 13 months, except the delivery latest', () => {
    const aged = [
      { id: 1, capturedAt: ago(500) },
      { id: 2, capturedAt: ago(480) },
      { id: 3, capturedAt: ago(470) },
    ];
    expect(readingsToDrop(aged, 3, cutoffs, 'Europe/Paris').sort()).toEqual([1, 2]);
    expect(readingsToDrop(aged, 99, cutoffs, 'Europe/Paris').sort()).toEqual([1, 2, 3]);
  });

  it('never drops the latest reading, even among others of its day', () => {
    const aged = [
      { id: 7, capturedAt: ago(200, 3) },
      { id: 8, capturedAt: ago(200, 1) },
    ];
    expect(readingsToDrop(aged, 8, cutoffs, 'UTC')).toEqual([7]);
  });
});
