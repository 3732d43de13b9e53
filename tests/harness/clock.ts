/** Node's own global, where Strapi runs (tests/harness/strapi-environment.js); absent elsewhere. */
type NativeGlobal = typeof globalThis & { __porteVoixRealDate?: DateConstructor };
const nativeGlobal = (globalThis as { __nativeGlobal?: NativeGlobal }).__nativeGlobal;

/** A `Date` that reads `offsetMs` later than `RealDate`; dates built from a value are left alone. */
function skewedDate(RealDate: DateConstructor, offsetMs: number): DateConstructor {
  function SkewedDate(this: unknown, ...args: unknown[]) {
    const now = () => new RealDate(RealDate.now() + offsetMs);
    if (!new.target) return now().toString();
    return args.length === 0 ? now() : new (RealDate as any)(...args);
  }
  SkewedDate.prototype = RealDate.prototype;
  return Object.assign(SkewedDate, {
    now: () => RealDate.now() + offsetMs,
    parse: RealDate.parse,
    UTC: RealDate.UTC,
  }) as unknown as DateConstructor;
}

/**
 * Makes this process (the instance under test) believe it is `offsetMs` later than it is, while
 * its timers and the database keep real time: how an instance with a drifting clock behaves.
 * Both the test's clock and Strapi's (Node's `Date`) move. Undo with `restoreClock()`.
 */
export function skewClock(offsetMs: number): void {
  restoreClock();
  jest.useFakeTimers({
    now: Date.now() + offsetMs,
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
  if (nativeGlobal && nativeGlobal !== globalThis) {
    nativeGlobal.__porteVoixRealDate = nativeGlobal.Date;
    nativeGlobal.Date = skewedDate(nativeGlobal.Date, offsetMs);
  }
}

/** Both clocks back to real time. */
export function restoreClock(): void {
  jest.useRealTimers();
  if (nativeGlobal?.__porteVoixRealDate) {
    nativeGlobal.Date = nativeGlobal.__porteVoixRealDate;
    delete nativeGlobal.__porteVoixRealDate;
  }
}
