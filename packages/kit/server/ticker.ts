/**
 * Work that runs on this instance every few seconds: a tick every `seconds()` (read again before each
 * wait, so a changed setting takes effect; 0: never started), with a little jitter so instances
 * started together do not tick together. Ticks never overlap on an instance (the next wait starts
 * when a tick ends); across instances, the database's leases share the work. `stop()` waits for the
 * tick under way, so a shutdown never cuts one in half. A tick that throws is said to `onError` and
 * the next one comes as planned.
 */
export type Ticker = { start(): void; stop(): Promise<void> };

/** The first tick comes soon after boot, spread a little: at most this long (or one period) away. */
const FIRST_TICK_MAX_MS = 2_000;

export function createTicker(options: {
  seconds: () => number;
  tick: () => Promise<unknown>;
  onError: (error: unknown) => void;
}): Ticker {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = true;

  function plan(delayMs: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      running = options
        .tick()
        .catch(options.onError)
        .finally(() => {
          running = null;
          plan(options.seconds() * 1000 * (0.9 + Math.random() * 0.2));
        });
    }, delayMs);
    timer.unref?.();
  }

  return {
    start() {
      if (options.seconds() === 0 || !stopped) return;
      stopped = false;
      plan(Math.min(options.seconds() * 1000, FIRST_TICK_MAX_MS) * (0.5 + Math.random()));
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}

/**
 * A tick's period from the environment variable `name`: the default when unset (0 under the tests,
 * which run rounds themselves), 0 to turn it off, else a number of seconds; anything else refuses to
 * start, saying what it should be.
 */
export function tickSecondsFromEnv(
  name: string,
  defaultSeconds: number,
  env: NodeJS.ProcessEnv = process.env
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return env.NODE_ENV === 'test' ? 0 : defaultSeconds;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new Error(`${name} must be 0 (off) or a number of seconds, not "${raw}"`);
  return seconds;
}
