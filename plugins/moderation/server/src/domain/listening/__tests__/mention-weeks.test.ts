import { weeklyMentions } from '../mention-weeks';

const BRAND = 1;
const RIVAL = 2;
const kindOf = (searchId: number) => (searchId === RIVAL ? 'competitor' : 'brand');
const hour = (
  searchId: number,
  at: string,
  counts: { positive?: number; neutral?: number; negative?: number }
) => {
  const { positive = 0, neutral = 0, negative = 0 } = counts;
  return { searchId, hour: at, total: positive + neutral + negative, positive, neutral, negative };
};

describe('mentions per week', () => {
  it('sums the brand’s mentions by sentiment per ISO week, with share of voice against competitors', () => {
    const weeks = weeklyMentions(
      [
        hour(BRAND, '2026-11-24T10', { positive: 2, negative: 1 }),
        hour(RIVAL, '2026-11-25T10', { neutral: 1 }),
        hour(BRAND, '2026-12-01T08', { neutral: 4 }),
      ],
      kindOf,
      'UTC'
    );
    expect(weeks).toEqual([
      {
        week: '2026-W48',
        weekStart: '2026-11-23',
        mentions: 3,
        positive: 2,
        neutral: 0,
        negative: 1,
        competitorMentions: 1,
        brandShare: 0.75,
      },
      {
        week: '2026-W49',
        weekStart: '2026-11-30',
        mentions: 4,
        positive: 0,
        neutral: 4,
        negative: 0,
        competitorMentions: 0,
        brandShare: 1,
      },
    ]);
  });

  it('puts an hour in the week of the report’s time zone', () => {
    // Sunday 23:00 UTC is Monday in Paris: the next week there.
    const sunday = [hour(BRAND, '2026-11-29T23', { positive: 1 })];
    expect(weeklyMentions(sunday, kindOf, 'UTC')[0].week).toBe('2026-W48');
    expect(weeklyMentions(sunday, kindOf, 'Europe/Paris')[0].week).toBe('2026-W49');
  });
});
