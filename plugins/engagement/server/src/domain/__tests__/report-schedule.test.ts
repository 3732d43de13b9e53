import {
  nextReportRun,
  previousPeriod,
  reportPeriod,
  sameDaysLastWeek,
  sameDaysLastYear,
} from '../report-schedule';

const paris = 'Europe/Paris';

describe('scheduled reports', () => {
  it('sends weekly reports on Monday at 08:00 local time', () => {
    // Tuesday 1 December 2026 → Monday 7 December, 08:00 in Paris (07:00 UTC).
    expect(nextReportRun('weekly', new Date('2026-12-01T10:00:00Z'), paris).toISOString()).toBe(
      '2026-12-07T07:00:00.000Z'
    );
    // On Monday before 08:00, the same day.
    expect(nextReportRun('weekly', new Date('2026-12-07T06:59:00Z'), paris).toISOString()).toBe(
      '2026-12-07T07:00:00.000Z'
    );
  });

  it('sends monthly reports on the 2nd', () => {
    expect(nextReportRun('monthly', new Date('2026-12-01T10:00:00Z'), paris).toISOString()).toBe(
      '2026-12-02T07:00:00.000Z'
    );
    expect(nextReportRun('monthly', new Date('2026-12-02T07:00:00Z'), paris).toISOString()).toBe(
      '2027-01-02T07:00:00.000Z'
    );
  });

  it('covers the previous Monday to Sunday, and the previous calendar month', () => {
    expect(reportPeriod('weekly', new Date('2026-12-07T07:00:00Z'), paris)).toEqual({
      from: '2026-11-30',
      to: '2026-12-06',
    });
    expect(reportPeriod('monthly', new Date('2027-01-02T07:00:00Z'), paris)).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(reportPeriod('monthly', new Date('2028-03-02T07:00:00Z'), paris)).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
  });

  it('compares with the period just before, and with the same days a year earlier', () => {
    expect(previousPeriod({ from: '2026-11-30', to: '2026-12-06' })).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
    });
    expect(sameDaysLastYear({ from: '2028-02-01', to: '2028-02-29' })).toEqual({
      from: '2027-02-01',
      to: '2027-02-28',
    });
  });

  it('compares a whole month with the whole month before, whatever their lengths', () => {
    // November (30 days) against October (31), not against 2–31 October.
    expect(previousPeriod({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(previousPeriod({ from: '2028-03-01', to: '2028-03-31' })).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    // A quarter against the quarter before.
    expect(previousPeriod({ from: '2027-01-01', to: '2027-03-31' })).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
    });
    // Part of a month stays a run of days.
    expect(previousPeriod({ from: '2026-11-01', to: '2026-11-15' })).toEqual({
      from: '2026-10-17',
      to: '2026-10-31',
    });
  });

  it('compares this week so far with the same weekdays of last week', () => {
    // Monday and Tuesday against last Monday and Tuesday, not against the weekend before.
    expect(sameDaysLastWeek({ from: '2026-11-30', to: '2026-12-01' })).toEqual({
      from: '2026-11-23',
      to: '2026-11-24',
    });
  });
});
