import { addDays, daysBetween, hourOf, localDay, monthsBefore } from '../local-day';

describe('local days', () => {
  it('date a click on the day it happened in the time zone', () => {
    const at = new Date('2026-03-28T23:30:00Z');
    expect(localDay(at, 'Europe/Paris')).toBe('2026-03-29');
    expect(localDay(at, 'UTC')).toBe('2026-03-28');
    expect(localDay(at, 'America/Montreal')).toBe('2026-03-28');
  });

  it('count hours in UTC', () => {
    expect(hourOf(new Date('1970-01-01T02:59:59Z'))).toBe(2);
  });

  it('move by days and months, clamped to the end of a month', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-05-15', 25)).toBe('2024-04-15');
    expect(daysBetween('2025-12-30', '2026-01-02')).toEqual([
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
    ]);
  });
});
