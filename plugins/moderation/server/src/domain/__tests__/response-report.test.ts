import { isoWeekOf, weeklyResponseTimes } from '../response-report';

const at = (iso: string) => new Date(iso);
const goals = { responseGoalMinutes: 240, perNetwork: { x: 60 } };

describe('response times per network and week', () => {
  it('names ISO weeks in the report’s time zone (Monday to Sunday)', () => {
    expect(isoWeekOf(at('2026-12-01T10:00:00Z'), 'UTC')).toEqual({
      week: '2026-W49',
      weekStart: '2026-11-30',
    });
    // Sunday 23:30 UTC is already Monday in Paris: the next week there.
    expect(isoWeekOf(at('2026-12-06T23:30:00Z'), 'UTC').week).toBe('2026-W49');
    expect(isoWeekOf(at('2026-12-06T23:30:00Z'), 'Europe/Paris')).toEqual({
      week: '2026-W50',
      weekStart: '2026-12-07',
    });
    // 1 January 2027 is a Friday: it belongs to the last week of 2026.
    expect(isoWeekOf(at('2027-01-01T12:00:00Z'), 'UTC').week).toBe('2026-W53');
  });

  it('sums each network’s week against its own goal: median first answer, within goal, overdue', () => {
    const now = at('2026-12-03T12:00:00Z');
    const rows = weeklyResponseTimes(
      [
        // X, goal 60 min: answered after 30 and 90 minutes, one left unanswered for a day.
        {
          network: 'x',
          createdAt: at('2026-12-01T08:00:00Z'),
          firstResponseAt: at('2026-12-01T08:30:00Z'),
          doneAt: null,
        },
        {
          network: 'x',
          createdAt: at('2026-12-01T09:00:00Z'),
          firstResponseAt: at('2026-12-01T10:30:00Z'),
          doneAt: null,
        },
        { network: 'x', createdAt: at('2026-12-02T09:00:00Z'), firstResponseAt: null, doneAt: null },
        // Mastodon, goal 240: resolved without an answer after 100 minutes.
        {
          network: 'mastodon',
          createdAt: at('2026-12-01T08:00:00Z'),
          firstResponseAt: null,
          doneAt: at('2026-12-01T09:40:00Z'),
        },
        // The week before.
        {
          network: 'x',
          createdAt: at('2026-11-25T08:00:00Z'),
          firstResponseAt: at('2026-11-25T08:10:00Z'),
          doneAt: null,
        },
      ],
      goals,
      now,
      'UTC'
    );
    expect(rows.map((row) => [row.week, row.network])).toEqual([
      ['2026-W48', 'x'],
      ['2026-W49', 'mastodon'],
      ['2026-W49', 'x'],
    ]);
    expect(rows[2]).toEqual({
      network: 'x',
      week: '2026-W49',
      weekStart: '2026-11-30',
      items: 3,
      answered: 2,
      medianFirstResponseMinutes: 60,
      resolved: 0,
      medianResolutionMinutes: null,
      goalMinutes: 60,
      withinGoal: 1,
      withinGoalRate: 1 / 3,
      overdue: 1,
    });
    expect(rows[1]).toMatchObject({
      goalMinutes: 240,
      resolved: 1,
      medianResolutionMinutes: 100,
      withinGoal: 1,
      overdue: 0,
    });
  });
});
