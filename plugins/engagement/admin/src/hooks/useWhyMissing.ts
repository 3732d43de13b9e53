import { useCallback } from 'react';
import { INTERACTION_COUNTERS } from '@porte-voix/kit/contracts';

import type { MetricCounter, NetworkMeasures, Source } from '../api/engagement';
import { useFormat } from './useFormat';
import { useT } from './useT';

/**
 * Why a figure is "n/a": the networks the figures come from do not measure it (impressions on
 * Mastodon), or nothing was published or collected in the period.
 */
export function useWhyMissing(measures: Record<string, NetworkMeasures>, sources: Source[]) {
  const t = useT();
  const format = useFormat();
  return useCallback(
    (counter: MetricCounter | 'interactions') => {
      if (sources.length === 0) return t('missing.noPosts');
      const wanted = counter === 'interactions' ? INTERACTION_COUNTERS : [counter];
      const blind = sources
        .map((source) => source.network)
        .filter((network) => {
          const profile = measures[network];
          return !profile || !profile.polled || !wanted.some((name) => profile.measures.includes(name));
        });
      if (blind.length === sources.length)
        return t('missing.notMeasured', { networks: blind.map(format.network).join(', ') });
      return t('missing.nothingCollected');
    },
    [measures, sources, t, format]
  );
}
