import path from 'node:path';
import { describeTranslations } from '@porte-voix/kit/testing';

import { METRIC_COUNTERS } from '../../../server/src/domain/counters';
import { KPI_METRICS } from '../../../server/src/domain/kpi-targets';
import en from '../translations/en.json';
import fr from '../translations/fr.json';

// Every network cross-post publishes to needs its name here: the list is its registry's, read at run
// time (a path the plugin's type check does not follow, as this plugin never imports cross-post's code).
const CROSS_POST_REGISTRY = path.join(__dirname, '../../../../cross-post/server/src/providers');
const { NETWORKS } = require(CROSS_POST_REGISTRY) as { NETWORKS: string[] };

describeTranslations({
  adminDir: path.join(__dirname, '..'),
  en,
  fr,
  minimumUsed: 150,
  quotedKeys: true,
  expected: {
    title: 'name every counter, KPI, network, pace and collection state the server answers',
    keys: () => [
      ...METRIC_COUNTERS.map((counter) => `figure.${counter}`),
      ...KPI_METRICS.map((metric) => `kpi.${metric}`),
      ...NETWORKS.map((network) => `network.${network}`),
      ...['not_started', 'no_data', 'on_track', 'behind', 'met', 'missed'].map((status) => `pace.${status}`),
      ...['active', 'frozen', 'gone', 'unavailable', 'overdue'].map((state) => `state.${state}`),
      ...['active', 'frozen', 'gone', 'unavailable', 'overdue'].map((state) => `health.state.${state}`),
      ...['not_on_these_networks', 'external', 'no_networks'].map((reason) => `warning.${reason}`),
      ...['planned', 'active', 'paused', 'completed'].map((state) => `campaign.state.${state}`),
      ...['impressions', 'reach', 'followers'].map((by) => `rate.basis.interactions.${by}`),
      'rate.basis.linkClicks.impressions',
      ...['daily', 'networks', 'posts', 'partners', 'links'].map((table) => `csv.${table}`),
      ...['prospect', 'negotiating', 'active', 'ended'].map((state) => `partners.state.${state}`),
      ...['active', 'expired', 'revoked'].map((status) => `share.status.${status}`),
      ...['humanClicks', 'uniqueVisitors', 'botClicks', 'posts'].map((figure) => `partners.${figure}`),
      ...['week', 'pacing', 'topPosts', 'health', 'partners'].flatMap((id) => [
        `widget.${id}.title`,
        `widget.${id}.link`,
      ]),
    ],
  },
});
