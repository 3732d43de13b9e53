/**
 * The languages of an hourly rollup counted before languages were kept, from the mentions it counted
 * that are still stored: each sentiment's count is kept exactly, shared out among the languages of
 * those mentions (in the order they come, up to the count), and what no stored mention explains (one
 * deleted since) goes to `und`, unknown.
 */
export type SentimentCounts = { total: number; positive: number; negative: number; neutral: number };

const SENTIMENTS = ['positive', 'negative', 'neutral'] as const;

export function rollupLanguages(
  row: SentimentCounts,
  mentions: { language: string; sentiment: string; count: number }[]
): Map<string, SentimentCounts> {
  const split = new Map<string, SentimentCounts>();
  const give = (language: string, sentiment: (typeof SENTIMENTS)[number], count: number) => {
    if (count <= 0) return;
    const counts = split.get(language) ?? { total: 0, positive: 0, negative: 0, neutral: 0 };
    counts[sentiment] += count;
    counts.total += count;
    split.set(language, counts);
  };
  for (const sentiment of SENTIMENTS) {
    let left = row[sentiment];
    for (const mention of mentions.filter((m) => m.sentiment === sentiment)) {
      const count = Math.min(left, mention.count);
      give(mention.language || 'und', sentiment, count);
      left -= count;
    }
    give('und', sentiment, left);
  }
  return split;
}
