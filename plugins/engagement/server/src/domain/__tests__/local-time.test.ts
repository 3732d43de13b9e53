import { addDays, instantAtLocalHour, localDay, localParts, nextLocalHour } from '../local-time';

describe('local days and hours', () => {
  it('dates an instant on the day it is in the time zone', () => {
    // 23:30 UTC on 1 March is already 2 March in Paris, still 1 March in Montreal.
    const instant = Date.parse('2026-03-01T23:30:00Z');
    expect(localDay(instant, 'Europe/Paris')).toBe('2026-03-02');
    expect(localDay(instant, 'America/Montreal')).toBe('2026-03-01');
    expect(localDay(instant, 'UTC')).toBe('2026-03-01');
  });

  it('finds the instant of a local hour, across daylight saving changes', () => {
    expect(new Date(instantAtLocalHour('2026-01-15', 23, 'Europe/Paris')).toISOString()).toBe(
      '2026-01-15T22:00:00.000Z'
    );
    expect(new Date(instantAtLocalHour('2026-07-15', 23, 'Europe/Paris')).toISOString()).toBe(
      '2026-07-15T21:00:00.000Z'
    );
    // 29 March 2026: Paris goes from 02:00 to 03:00; 03:00 exists once.
    expect(new Date(instantAtLocalHour('2026-03-29', 3, 'Europe/Paris')).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z'
    );
  });

  it('gives the next occurrence of a local hour, at least some time ahead', () => {
    const before = Date.parse('2026-01-15T20:00:00Z'); // 21:00 in Paris
    expect(new Date(nextLocalHour(before, 23, 'Europe/Paris')).toISOString()).toBe(
      '2026-01-15T22:00:00.000Z'
    );
    // Less than the minimum ahead: the next day's.
    expect(new Date(nextLocalHour(before, 23, 'Europe/Paris', 2.5 * 3_600_000)).toISOString()).toBe(
      '2026-01-16T22:00:00.000Z'
    );
    const after = Date.parse('2026-01-15T22:30:00Z');
    expect(new Date(nextLocalHour(after, 3, 'Europe/Paris')).toISOString()).toBe('2026-01-16T02:00:00.000Z');
  });
});

describe('local calendar parts', () => {
  it('gives ISO weekdays and hours in the zone', () => {
    expect(localParts(new Date('2026-11-30T07:15:00Z'), 'Europe/Paris')).toEqual({
      day: '2026-11-30',
      weekday: 1,
      hour: 8,
    });
    expect(localParts(new Date('2026-12-06T12:00:00Z'), 'UTC').weekday).toBe(7);
    // Sunday 23:30 in UTC is Monday 00:30 in Paris.
    expect(localParts(new Date('2026-11-29T23:30:00Z'), 'Europe/Paris')).toEqual({
      day: '2026-11-30',
      weekday: 1,
      hour: 0,
    });
  });

  it('adds calendar days across months and leap years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});
