import { parseAmount } from '../amount';
import { clock, relativeParts } from '../time';

describe('amounts as people type them', () => {
  it('reads French and English habits', () => {
    expect(parseAmount('149,90')).toBe(149.9);
    expect(parseAmount('149.90')).toBe(149.9);
    expect(parseAmount('1 234,50')).toBe(1234.5);
    expect(parseAmount('1\u202f234,50')).toBe(1234.5);
    expect(parseAmount('1,234.50')).toBe(1234.5);
    expect(parseAmount('1.234,50')).toBe(1234.5);
    expect(parseAmount('10')).toBe(10);
  });

  it('refuses what is not an amount', () => {
    for (const typed of ['', 'abc', '-5', '1,2,3', '12e3', '€10'])
      expect([typed, parseAmount(typed)]).toEqual([typed, null]);
  });
});

describe('how long ago', () => {
  const now = Date.parse('2026-03-02T12:00:00Z');
  it('picks the unit that reads naturally', () => {
    expect(relativeParts('2026-03-02T11:59:30Z', now)).toEqual({ value: -30, unit: 'second' });
    expect(relativeParts('2026-03-02T11:55:00Z', now)).toEqual({ value: -5, unit: 'minute' });
    expect(relativeParts('2026-03-02T10:00:00Z', now)).toEqual({ value: -2, unit: 'hour' });
    expect(relativeParts('2026-02-27T12:00:00Z', now)).toEqual({ value: -3, unit: 'day' });
    expect(relativeParts('2026-03-02T13:00:00Z', now)).toEqual({ value: 1, unit: 'hour' });
    expect(relativeParts('not a date', now)).toBeNull();
  });

  it('shows a wait as minutes and seconds', () => {
    expect(clock(552.2)).toBe('9:13');
    expect(clock(5)).toBe('0:05');
    expect(clock(-3)).toBe('0:00');
  });
});
