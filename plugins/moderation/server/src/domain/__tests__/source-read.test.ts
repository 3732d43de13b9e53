import { afterBreak, afterRefusal, FAILURE_WAIT_MS, networkRefusal } from '../source-read';

describe('a source after its read', () => {
  it('waits for the time the network named, keeping what was collected before the refusal', () => {
    const refusal = networkRefusal.parse({
      ok: false,
      reason: 'rate_limited',
      message: 'Too many requests',
      retryAt: '2026-12-03T10:15:00.000Z',
    });
    expect(afterRefusal(40, refusal)).toEqual({
      collected: 40,
      inMs: 0,
      at: new Date('2026-12-03T10:15:00.000Z'),
      error: 'Too many requests',
      errorKind: 'rate_limited',
    });
  });

  it('waits the usual minutes when the network named no time', () => {
    const refusal = {
      ok: false as const,
      reason: 'network_error' as const,
      message: 'Bad gateway',
      retryAt: null,
    };
    expect(afterRefusal(0, refusal)).toMatchObject({
      inMs: FAILURE_WAIT_MS,
      at: null,
      errorKind: 'network_error',
    });
  });

  it('refuses a refusal whose kind the inbox cannot say', () => {
    const parsed = networkRefusal.safeParse({ ok: false, reason: 'oops', message: 'x', retryAt: null });
    expect(parsed.success).toBe(false);
  });

  it('says a broken read as it was, counts nothing, and tries again later', () => {
    expect(afterBreak(new Error('SQLITE_BUSY: database is locked'))).toEqual({
      collected: 0,
      inMs: FAILURE_WAIT_MS,
      at: null,
      error: 'SQLITE_BUSY: database is locked',
      errorKind: 'failed',
    });
    expect(afterBreak('no socket').error).toBe('no socket');
  });
});
