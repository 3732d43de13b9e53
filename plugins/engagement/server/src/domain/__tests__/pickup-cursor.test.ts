import { nextPickupCursor } from '../pickup-cursor';

describe('the pickup cursor', () => {
  it('moves past every delivery seen published when there is no gap', () => {
    expect(nextPickupCursor(10, [11, 12, 13], 100)).toBe(13);
    expect(nextPickupCursor(10, [], 100)).toBe(10);
  });

  it('stops before the first delivery not seen published (scheduled for later, it may still go out)', () => {
    expect(nextPickupCursor(10, [11, 12, 14, 15], 100)).toBe(12);
    expect(nextPickupCursor(10, [12, 13], 100)).toBe(10);
  });

  it('leaves a gap behind once more than `lookback` later deliveries went out', () => {
    const later = Array.from({ length: 6 }, (_, i) => 13 + i); // 13..18
    expect(nextPickupCursor(10, [11, ...later], 6)).toBe(11);
    expect(nextPickupCursor(10, [11, ...later], 4)).toBe(14);
    expect(nextPickupCursor(10, [11, ...later], 0)).toBe(18);
  });

  it('ignores repeats and ids at or before the cursor', () => {
    expect(nextPickupCursor(10, [9, 10, 11, 11, 12], 100)).toBe(12);
  });
});
