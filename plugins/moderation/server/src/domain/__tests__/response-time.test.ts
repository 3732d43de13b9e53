import { responseTimes } from '../response-time';

const goals = { responseGoalMinutes: 240, perNetwork: { x: 60 } };
const at = (iso: string) => new Date(iso);

describe('responseTimes', () => {
  it('is overdue past its network goal while nobody answered or closed it', () => {
    const item = { network: 'x', createdAt: at('2026-05-01T10:00:00Z'), firstResponseAt: null, doneAt: null };
    expect(responseTimes(item, goals, at('2026-05-01T10:59:00Z')).overdue).toBe(false);
    expect(responseTimes(item, goals, at('2026-05-01T11:01:00Z'))).toMatchObject({
      overdue: true,
      goalMinutes: 60,
    });
    // Another network falls back to the general goal.
    expect(responseTimes({ ...item, network: 'mastodon' }, goals, at('2026-05-01T11:01:00Z')).overdue).toBe(
      false
    );
  });

  it('measures the first response and the resolution, and is no longer overdue once either happened', () => {
    const item = {
      network: 'mastodon',
      createdAt: at('2026-05-01T10:00:00Z'),
      firstResponseAt: at('2026-05-01T10:45:00Z'),
      doneAt: at('2026-05-01T12:00:00Z'),
    };
    expect(responseTimes(item, goals, at('2026-05-03T00:00:00Z'))).toEqual({
      goalMinutes: 240,
      firstResponseMinutes: 45,
      resolutionMinutes: 120,
      overdue: false,
    });
  });
});
