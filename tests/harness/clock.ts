/**
 * Makes this process (the instance under test) believe it is `offsetMs` later than it is, while
 * its timers and the database keep real time: how an instance with a drifting clock behaves.
 * Undo with `jest.useRealTimers()`.
 */
export function skewClock(offsetMs: number): void {
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
}
