/** How long ago, in the largest unit that reads naturally ("2 h ago", "3 days ago"). */
export type RelativeUnit = 'second' | 'minute' | 'hour' | 'day';

export function relativeParts(iso: string, now = Date.now()): { value: number; unit: RelativeUnit } | null {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return null;
  const seconds = Math.round((at - now) / 1000);
  const size = Math.abs(seconds);
  if (size < 60) return { value: seconds, unit: 'second' };
  if (size < 3600) return { value: Math.round(seconds / 60), unit: 'minute' };
  if (size < 48 * 3600) return { value: Math.round(seconds / 3600), unit: 'hour' };
  return { value: Math.round(seconds / 86_400), unit: 'day' };
}

/** "4:05" for a wait in seconds. */
export const clock = (seconds: number) => {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
};
