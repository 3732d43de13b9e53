/** What each network can measure, from cross-post's metrics profiles (the admin never keeps a copy). */
import type { Core } from '@strapi/strapi';

import type { MetricCounter } from '../../domain/counters';
import type { NetworkMeasures } from '../../domain/kpi-targets';
import { crossPostMetrics } from '../collector/metrics-source';

export function networkMeasures(strapi: Core.Strapi): Record<string, NetworkMeasures> {
  const profiles = crossPostMetrics(strapi).profiles();
  return Object.fromEntries(
    Object.entries(profiles).map(([network, profile]) => [
      network,
      {
        polled: profile.polled,
        measures: profile.measures as MetricCounter[],
        // A network that declares no follower count (a Discord webhook sees no members).
        followers: (profile as { followers?: boolean }).followers ?? true,
      },
    ])
  );
}
