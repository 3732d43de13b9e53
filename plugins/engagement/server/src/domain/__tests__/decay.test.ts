import { DAY_MS, FREEZE_AGE_MS, HOUR_MS, WINDOW_MARGIN_MS, nextCollection } from '../decay';

const posted = new Date('2026-03-02T09:00:00Z');
const at = (ageMs: number) => new Date(posted.getTime() + ageMs);
const live = { freshness: 'live' as const };
/** The wait after a collection made at this age. */
const waitAt = (ageMs: number, profile: Parameters<typeof nextCollection>[2] = live, minMs = 0) => {
  const next = nextCollection(posted, at(ageMs), profile, minMs);
  return next.at === null ? null : next.at.getTime() - at(ageMs).getTime();
};

describe('the decay schedule', () => {
  it('collects hourly for the first 48 hours', () => {
    expect(waitAt(0)).toBe(HOUR_MS);
    expect(waitAt(5 * 60_000)).toBe(HOUR_MS);
    expect(waitAt(47 * HOUR_MS + 59 * 60_000)).toBe(HOUR_MS);
  });

  it('every 6 hours to day 7, daily to day 30, weekly to day 90', () => {
    expect(waitAt(48 * HOUR_MS)).toBe(6 * HOUR_MS);
    expect(waitAt(7 * DAY_MS - 1)).toBe(6 * HOUR_MS);
    expect(waitAt(7 * DAY_MS)).toBe(DAY_MS);
    expect(waitAt(30 * DAY_MS - 1)).toBe(DAY_MS);
    expect(waitAt(30 * DAY_MS)).toBe(7 * DAY_MS);
    expect(waitAt(60 * DAY_MS)).toBe(7 * DAY_MS);
  });

  it('takes one last reading on day 90, then freezes', () => {
    const next = nextCollection(posted, at(85 * DAY_MS), live);
    expect(next).toEqual({ state: 'active', at: at(FREEZE_AGE_MS) });
    expect(nextCollection(posted, at(FREEZE_AGE_MS), live)).toEqual({ state: 'frozen', at: null });
    expect(nextCollection(posted, at(400 * DAY_MS), live)).toEqual({ state: 'frozen', at: null });
  });

  it('asks networks whose insights update daily no more than daily', () => {
    const daily = { freshness: 'daily' as const };
    expect(waitAt(0, daily)).toBe(DAY_MS);
    expect(waitAt(3 * DAY_MS, daily)).toBe(DAY_MS);
    expect(waitAt(40 * DAY_MS, daily)).toBe(7 * DAY_MS);
  });

  it("takes one last reading before a network's window closes", () => {
    const x = { freshness: 'live' as const, windowDays: 30 };
    const lastCall = at(30 * DAY_MS - WINDOW_MARGIN_MS);
    // Day 29 plus a bit: the daily reading would fall after the window, so it comes at the last call.
    expect(nextCollection(posted, at(29 * DAY_MS + 2 * HOUR_MS), x).at).toEqual(lastCall);
    // Earlier readings are unaffected, and after the last call the usual schedule resumes.
    expect(waitAt(20 * DAY_MS, x)).toBe(DAY_MS);
    expect(waitAt(30 * DAY_MS - WINDOW_MARGIN_MS, x)).toBe(DAY_MS);
  });

  it('stretches the wait to a minimum (a post the network cannot measure now)', () => {
    expect(waitAt(0, live, DAY_MS)).toBe(DAY_MS);
    expect(waitAt(40 * DAY_MS, live, DAY_MS)).toBe(7 * DAY_MS);
  });

  it('never schedules a reading in the past or after day 90, whatever the age', () => {
    for (let age = 0; age < FREEZE_AGE_MS; age += 37 * 60_000 + 13_000) {
      const next = nextCollection(posted, at(age), { freshness: 'live', windowDays: 30 });
      expect(next.state).toBe('active');
      expect(next.at!.getTime()).toBeGreaterThan(at(age).getTime());
      expect(next.at!.getTime()).toBeLessThanOrEqual(at(FREEZE_AGE_MS).getTime());
    }
  });
});
