import {
  carriedFilters,
  presetOf,
  presetPeriod,
  readReportQuery,
  todayIn,
  writeReportQuery,
} from '../period';

describe('report periods in the URL', () => {
  it('reads the period, comparison and filters a link carries', () => {
    const query = readReportQuery(
      new URLSearchParams('from=2026-03-01&to=2026-03-31&compare=year&campaign=abc&network=mastodon'),
      '2026-04-10'
    );
    expect(query).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      compare: 'year',
      campaign: 'abc',
      network: 'mastodon',
    });
  });

  it('opens the last 28 days against the period before when the link says nothing readable', () => {
    for (const search of [
      '',
      'from=2026-02-30&to=2026-03-01',
      'from=2026-03-10&to=2026-03-01',
      'from=x&to=y',
    ])
      expect(readReportQuery(new URLSearchParams(search), '2026-04-10')).toEqual({
        from: '2026-03-14',
        to: '2026-04-10',
        compare: 'previous',
        campaign: undefined,
        network: undefined,
      });
  });

  it('knows its presets, month ends and leap years included', () => {
    expect(presetPeriod('7d', '2026-03-03')).toEqual({ from: '2026-02-25', to: '2026-03-03' });
    expect(presetPeriod('month', '2026-03-03')).toEqual({ from: '2026-03-01', to: '2026-03-03' });
    expect(presetPeriod('lastMonth', '2028-03-03')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('lastMonth', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetOf({ from: '2026-02-25', to: '2026-03-03' }, '2026-03-03')).toBe('7d');
    expect(presetOf({ from: '2026-02-24', to: '2026-03-03' }, '2026-03-03')).toBeNull();
  });

  it('changes only what it is told and drops emptied filters', () => {
    const params = new URLSearchParams('from=2026-03-01&to=2026-03-31&network=x&curve=impressions');
    expect(writeReportQuery(params, { network: null, compare: 'year' }).toString()).toBe(
      'from=2026-03-01&to=2026-03-31&curve=impressions&compare=year'
    );
    expect(carriedFilters(params)).toBe('?from=2026-03-01&to=2026-03-31&network=x');
    expect(carriedFilters(new URLSearchParams('curve=x'))).toBe('');
  });

  it('dates today in the reports’ time zone, not the browser’s', () => {
    const lateEvening = Date.parse('2026-03-01T23:30:00Z');
    expect(todayIn('Europe/Paris', lateEvening)).toBe('2026-03-02');
    expect(todayIn('America/New_York', lateEvening)).toBe('2026-03-01');
  });
});
