import { pace } from '../pacing';

const campaign = { startsOn: '2026-11-01', endsOn: '2026-11-10', target: 10000 };

describe('campaign pacing', () => {
  it('expects an even path from the first day to the last, today included', () => {
    const result = pace({ ...campaign, today: '2026-11-03', actual: 3000, kind: 'cumulative' });
    expect(result.expectedToDate).toBeCloseTo(3000);
    expect(result.projected).toBeCloseTo(10000);
    expect(result.status).toBe('on_track');
  });

  it('is behind when more than 10 % under the line, and on track just above that', () => {
    expect(pace({ ...campaign, today: '2026-11-05', actual: 4400, kind: 'cumulative' }).status).toBe(
      'behind'
    );
    expect(pace({ ...campaign, today: '2026-11-05', actual: 4500, kind: 'cumulative' }).status).toBe(
      'on_track'
    );
  });

  it('is met as soon as the target is reached, missed after the last day otherwise', () => {
    expect(pace({ ...campaign, today: '2026-11-04', actual: 10000, kind: 'cumulative' }).status).toBe('met');
    expect(pace({ ...campaign, today: '2026-11-11', actual: 9000, kind: 'cumulative' }).status).toBe(
      'missed'
    );
    expect(pace({ ...campaign, today: '2026-11-11', actual: 9000, kind: 'cumulative' }).elapsed).toBe(1);
  });

  it('has not started before the first day, and says when there is no data yet', () => {
    expect(pace({ ...campaign, today: '2026-10-31', actual: 0, kind: 'cumulative' }).status).toBe(
      'not_started'
    );
    expect(pace({ ...campaign, today: '2026-11-02', actual: null, kind: 'cumulative' })).toMatchObject({
      status: 'no_data',
      expectedToDate: 2000,
    });
  });

  it('compares a rate with its target as it is, with no path', () => {
    expect(pace({ ...campaign, target: 0.02, today: '2026-11-02', actual: 0.015, kind: 'rate' })).toEqual({
      status: 'behind',
      expectedToDate: null,
      projected: null,
      elapsed: 0.2,
    });
    expect(pace({ ...campaign, target: 0.02, today: '2026-11-20', actual: 0.025, kind: 'rate' }).status).toBe(
      'met'
    );
  });

  it('refuses dates that are not calendar days, and a campaign that ends before it starts', () => {
    expect(() => pace({ ...campaign, today: '3 nov', actual: 1, kind: 'cumulative' })).toThrow('YYYY-MM-DD');
    expect(() =>
      pace({ ...campaign, endsOn: '2026-10-01', today: '2026-11-01', actual: 1, kind: 'cumulative' })
    ).toThrow('ends');
  });
});
