/**
 * When a saved search's mentions call for attention. The level is what was published in the last
 * two UTC hours (the current one so far and the one before, so that a spike does not vanish at the
 * turn of an hour); the baseline is the same two hours on each of the previous 7 days.
 *
 * - volume: the level is at least mean + 3·sd of the 7 baselines, and at least 10 mentions;
 * - negative share: at least 10 mentions in the level, and their negative share is at least
 *   mean + 2·sd of the baselines' shares (days without mentions left out) and 15 points above the mean.
 *
 * An episode starts when the level goes above and ends when it falls back under: one alert each.
 */
export type HourCounts = { hour: string; total: number; negative: number };

export const MIN_MENTIONS = 10;
const VOLUME_K = 3;
const NEGATIVE_K = 2;
const NEGATIVE_MIN_RISE = 0.15;
const BASELINE_DAYS = 7;

export type Assessment = {
  volume: { level: number; threshold: number; above: boolean };
  negative: { level: number | null; threshold: number; above: boolean };
};

const hourKey = (at: number) => new Date(at).toISOString().slice(0, 13);

const meanAndSd = (values: number[]) => {
  if (values.length === 0) return { mean: 0, sd: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { mean, sd: Math.sqrt(variance) };
};

export function assess(hours: HourCounts[], now: Date): Assessment {
  const byHour = new Map<string, { total: number; negative: number }>();
  for (const row of hours) {
    const into = byHour.get(row.hour) ?? { total: 0, negative: 0 };
    into.total += row.total;
    into.negative += row.negative;
    byHour.set(row.hour, into);
  }
  const window = (daysAgo: number) => {
    const at = now.getTime() - daysAgo * 86_400_000;
    const both = [hourKey(at), hourKey(at - 3_600_000)].map(
      (h) => byHour.get(h) ?? { total: 0, negative: 0 }
    );
    return { total: both[0].total + both[1].total, negative: both[0].negative + both[1].negative };
  };
  const level = window(0);
  const past = Array.from({ length: BASELINE_DAYS }, (_, i) => window(i + 1));

  const volumeBase = meanAndSd(past.map((w) => w.total));
  const volumeThreshold = Math.max(MIN_MENTIONS, volumeBase.mean + VOLUME_K * volumeBase.sd);

  const shares = past.filter((w) => w.total > 0).map((w) => w.negative / w.total);
  const shareBase = meanAndSd(shares);
  const shareThreshold = Math.min(
    1,
    Math.max(shareBase.mean + NEGATIVE_K * shareBase.sd, shareBase.mean + NEGATIVE_MIN_RISE)
  );
  const share = level.total > 0 ? level.negative / level.total : null;
  return {
    volume: { level: level.total, threshold: volumeThreshold, above: level.total >= volumeThreshold },
    negative: {
      level: share,
      threshold: shareThreshold,
      above: level.total >= MIN_MENTIONS && share !== null && share >= shareThreshold,
    },
  };
}
