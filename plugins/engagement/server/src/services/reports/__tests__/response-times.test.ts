import { dayStart } from '../response-times';

describe('the start of a report day in its time zone', () => {
  it('is midnight there, in winter and in summer', () => {
    expect(dayStart('2026-12-01', 'Europe/Paris').toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(dayStart('2026-07-01', 'Europe/Paris').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(dayStart('2026-12-01', 'America/Montreal').toISOString()).toBe('2026-12-01T05:00:00.000Z');
    expect(dayStart('2026-12-01', 'UTC').toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});
