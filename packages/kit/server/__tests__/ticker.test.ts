import { createTicker, tickSecondsFromEnv } from '../ticker';

/** Lets the promises a timer started settle. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('a ticker', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('ticks every period, give or take a tenth, and never two ticks at once', async () => {
    const ends: Array<() => void> = [];
    let ticks = 0;
    let overlapping = 0;
    let running = 0;
    const ticker = createTicker({
      seconds: () => 60,
      onError: () => undefined,
      tick: () => {
        ticks += 1;
        running += 1;
        overlapping = Math.max(overlapping, running);
        return new Promise<void>((resolve) => ends.push(() => ((running -= 1), resolve())));
      },
    });
    ticker.start();
    jest.advanceTimersByTime(3_000);
    expect(ticks).toBe(1);
    // The tick lasts five minutes: no other starts meanwhile.
    jest.advanceTimersByTime(300_000);
    expect(ticks).toBe(1);
    ends.shift()!();
    await settle();
    jest.advanceTimersByTime(53_999);
    expect(ticks).toBe(1);
    jest.advanceTimersByTime(12_002);
    expect(ticks).toBe(2);
    expect(overlapping).toBe(1);
    ends.shift()!();
    await ticker.stop();
  });

  it('goes on after a tick that failed, and says the failure', async () => {
    const failures: unknown[] = [];
    let ticks = 0;
    const ticker = createTicker({
      seconds: () => 1,
      onError: (error) => failures.push(error),
      tick: async () => {
        ticks += 1;
        throw new Error('database is locked');
      },
    });
    ticker.start();
    jest.advanceTimersByTime(1_500);
    await settle();
    jest.advanceTimersByTime(1_100);
    await settle();
    expect(ticks).toBe(2);
    expect(failures.map((e) => (e as Error).message)).toEqual(['database is locked', 'database is locked']);
    await ticker.stop();
  });

  it('never starts at 0 seconds, and stops after the tick under way', async () => {
    let ticks = 0;
    createTicker({ seconds: () => 0, onError: () => undefined, tick: async () => void (ticks += 1) }).start();
    jest.advanceTimersByTime(600_000);
    expect(ticks).toBe(0);

    let started = 0;
    let end: () => void = () => undefined;
    const ticker = createTicker({
      seconds: () => 1,
      onError: () => undefined,
      tick: () => new Promise<void>((resolve) => ((started += 1), (end = resolve))),
    });
    ticker.start();
    jest.advanceTimersByTime(1_500);
    expect(started).toBe(1);
    let stopped = false;
    const stopping = ticker.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    end();
    await stopping;
    expect(stopped).toBe(true);
    jest.advanceTimersByTime(10_000);
    await settle();
    expect(started).toBe(1);
  });
});

describe("a tick's period from the environment", () => {
  const name = 'MODERATION_INBOX_TICK_SECONDS';

  it('is the default when unset, 0 under the tests, else the seconds given', () => {
    expect(tickSecondsFromEnv(name, 60, {})).toBe(60);
    expect(tickSecondsFromEnv(name, 60, { NODE_ENV: 'test' })).toBe(0);
    expect(tickSecondsFromEnv(name, 60, { [name]: '15', NODE_ENV: 'test' })).toBe(15);
    expect(tickSecondsFromEnv(name, 60, { [name]: '0' })).toBe(0);
  });

  it('refuses to start on anything else, saying what it should be', () => {
    expect(() => tickSecondsFromEnv(name, 60, { [name]: 'often' })).toThrow(
      'MODERATION_INBOX_TICK_SECONDS must be 0 (off) or a number of seconds, not "often"'
    );
    expect(() => tickSecondsFromEnv(name, 60, { [name]: '-5' })).toThrow(/must be 0 \(off\)/);
  });
});
