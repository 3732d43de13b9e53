/**
 * The README's metrics table is the profiles': it fails when a provider's profile or note changes
 * without the README. To rewrite the README's table from the profiles:
 * `UPDATE_METRICS_TABLE=1 npx jest --selectProjects unit plugins/cross-post/server/src/providers/__tests__/metrics-table.test.ts`
 * then `npx prettier --write plugins/cross-post/README.md`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { metricsTable } from '../metrics-table';
import { providers } from '../index';
import { METRIC_COUNTERS } from '../types';

const README = path.resolve(__dirname, '../../../../README.md');
const START = '<!-- metrics-table:start -->';
const END = '<!-- metrics-table:end -->';

/** The cells of a Markdown table, whatever its column alignment (Prettier pads them). */
const cells = (table: string) =>
  table
    .trim()
    .split('\n')
    .filter((line) => !/^\|[\s|:-]+\|$/.test(line.trim()))
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split(' | ')
        .map((cell) => cell.trim())
    );

describe('the README metrics table', () => {
  it('is the one the providers describe', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    if (process.env.UPDATE_METRICS_TABLE) {
      writeFileSync(
        README,
        `${readme.slice(0, start + START.length)}\n\n${metricsTable()}\n\n${readme.slice(end)}`
      );
      return;
    }
    expect(cells(readme.slice(start + START.length, end))).toEqual(cells(metricsTable()));
  });

  it('has one row per network, each counter in exactly one of its two columns', () => {
    const rows = cells(metricsTable()).slice(1);
    expect(rows).toHaveLength(Object.keys(providers).length);
    for (const provider of Object.values(providers)) {
      const { measures, polled, batchSize } = provider.metrics;
      expect(batchSize).toBeGreaterThanOrEqual(1);
      expect(new Set(measures).size).toBe(measures.length);
      expect(measures.every((m) => (METRIC_COUNTERS as readonly string[]).includes(m))).toBe(true);
      if (!polled) expect(measures).toEqual([]);
    }
  });
});
