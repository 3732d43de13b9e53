/**
 * The README's "what each network measures" table, written from the providers' metrics profiles: a
 * unit test compares it with the README, so the two cannot drift.
 */
import { providers } from './index';
import { METRIC_COUNTERS, type MetricCounter, type Provider } from './types';

const LABELS: Record<MetricCounter, string> = {
  impressions: 'impressions',
  reach: 'reach',
  views: 'views',
  reactions: 'reactions',
  comments: 'comments',
  shares: 'shares',
  quotes: 'quotes',
  bookmarks: 'bookmarks',
  linkClicks: 'link clicks',
  profileClicks: 'profile clicks',
};

const list = (counters: readonly MetricCounter[]) =>
  counters.length > 0 ? counters.map((c) => LABELS[c]).join(', ') : '—';

function row(provider: Provider): string {
  const { metrics } = provider;
  const cannot = METRIC_COUNTERS.filter((c) => !metrics.measures.includes(c));
  const cells = [
    provider.displayName,
    metrics.polled ? list(metrics.measures) : 'nothing (not polled)',
    list(cannot),
    metrics.polled ? `${metrics.batchSize} per request` : '—',
    metrics.freshness === 'daily' ? 'about daily' : 'live',
    metrics.windowDays ? `${metrics.windowDays} days` : '—',
    provider.metricsNote,
  ];
  return `| ${cells.join(' | ')} |`;
}

export function metricsTable(): string {
  return [
    '| network | measures | cannot measure (always null) | batch | updated | readable for | notes |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...Object.values(providers).map(row),
  ].join('\n');
}
