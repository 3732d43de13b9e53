import { retryAfterFailure } from '../failure-retry';

const now = new Date('2026-05-01T10:00:00Z');

describe('when an account is asked again after a refusal', () => {
  it("keeps the network's own time", () => {
    expect(
      retryAfterFailure({ retryAt: '2026-05-01T10:07:00Z', reason: 'rate_limited' }, now).toISOString()
    ).toBe('2026-05-01T10:07:00.000Z');
  });

  it('waits according to the reason without one (or with one already past)', () => {
    const wait = (reason: string, retryAt: string | null = null) =>
      retryAfterFailure({ retryAt, reason }, now).getTime() - now.getTime();
    expect(wait('reconnect')).toBe(6 * 3_600_000);
    expect(wait('rate_limited')).toBe(15 * 60_000);
    expect(wait('paused_for_publishing', '2026-05-01T09:00:00Z')).toBe(10 * 60_000);
    expect(wait('something_new')).toBe(3_600_000);
  });
});
