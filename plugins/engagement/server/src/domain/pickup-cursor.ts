/**
 * Where the next look for published deliveries starts. Deliveries are numbered when they are
 * scheduled, not when they go out: a post scheduled for next week keeps its low number while later
 * ones are published. So the look starts at the first number not seen published yet (a gap), and
 * reads everything published after it again, up to `lookback` deliveries: a gap that never fills
 * (a failed or cancelled delivery) is left behind once that many later deliveries went out. The
 * nightly sweep from the start catches what falls further behind.
 */
export function nextPickupCursor(afterId: number, publishedIds: number[], lookback: number): number {
  const ids = [...new Set(publishedIds)].filter((id) => id > afterId).sort((a, b) => a - b);
  let cursor = afterId;
  for (const id of ids) {
    if (id !== cursor + 1) break;
    cursor = id;
  }
  const beyond = ids.filter((id) => id > cursor);
  if (beyond.length > lookback) cursor = beyond[beyond.length - lookback - 1];
  return cursor;
}
