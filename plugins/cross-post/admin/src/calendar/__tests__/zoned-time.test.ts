import {
  daysOf,
  dayKey,
  dayOf,
  fromInputValue,
  instantOf,
  onDay,
  parseDayKey,
  rangeOf,
  toInputValue,
} from '../zoned-time';

const PARIS = 'Europe/Paris';

describe('time in a named zone', () => {
  it('puts an instant on the day it is in that zone, not in UTC', () => {
    const lateUtc = new Date('2030-06-11T22:30:00Z');
    expect(dayKey(dayOf(lateUtc, PARIS))).toBe('2030-06-12');
    expect(dayKey(dayOf(lateUtc, 'America/New_York'))).toBe('2030-06-11');
    expect(toInputValue(lateUtc, PARIS)).toBe('2030-06-12T00:30');
  });

  it('reads a wall time in winter and in summer with each its offset', () => {
    expect(fromInputValue('2030-01-15T09:00', PARIS)!.toISOString()).toBe('2030-01-15T08:00:00.000Z');
    expect(fromInputValue('2030-07-15T09:00', PARIS)!.toISOString()).toBe('2030-07-15T07:00:00.000Z');
    expect(fromInputValue('not a time', PARIS)).toBeNull();
  });

  it('keeps the hour when a drag crosses the change to summer time', () => {
    const saturday = new Date('2030-03-30T09:15:00Z'); // 10:15 in Paris, winter
    const moved = onDay(saturday, { year: 2030, month: 4, day: 1 }, PARIS);
    expect(toInputValue(moved, PARIS)).toBe('2030-04-01T10:15');
    expect(moved.toISOString()).toBe('2030-04-01T08:15:00.000Z');
  });

  it('resolves a time skipped by summer time to one that exists', () => {
    const skipped = instantOf({ year: 2030, month: 3, day: 31, hour: 2, minute: 30, second: 0 }, PARIS);
    expect(toInputValue(skipped, PARIS)).toBe('2030-03-31T03:30');
  });
});

describe('the days a calendar shows', () => {
  it('is a week from Monday, or whole weeks covering a month', () => {
    expect(daysOf('week', { year: 2030, month: 6, day: 12 }).map(dayKey)).toEqual([
      '2030-06-10',
      '2030-06-11',
      '2030-06-12',
      '2030-06-13',
      '2030-06-14',
      '2030-06-15',
      '2030-06-16',
    ]);
    const june = daysOf('month', { year: 2030, month: 6, day: 12 });
    expect([dayKey(june[0]), dayKey(june[june.length - 1]), june.length]).toEqual([
      '2030-05-27',
      '2030-06-30',
      35,
    ]);
  });

  it('covers its days from midnight to midnight in the zone', () => {
    const { from, to } = rangeOf(daysOf('week', { year: 2030, month: 6, day: 12 }), PARIS);
    expect([from.toISOString(), to.toISOString()]).toEqual([
      '2030-06-09T22:00:00.000Z',
      '2030-06-16T21:59:59.999Z',
    ]);
  });

  it('reads only real days from the address', () => {
    expect(parseDayKey('2030-02-28')).toEqual({ year: 2030, month: 2, day: 28 });
    expect(parseDayKey('2030-02-30')).toBeNull();
    expect(parseDayKey('soon')).toBeNull();
  });
});
