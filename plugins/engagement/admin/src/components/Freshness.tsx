import { Typography } from '@strapi/design-system';

import type { Source } from '../api/engagement';
import { useFormat } from '../hooks/useFormat';
import { useT } from '../hooks/useT';

/**
 * Where figures come from and how fresh they are: "From Mastodon (collected 5 minutes ago), X
 * (collected 2 hours ago)". Compact, it names the networks and the latest collection only, the rest
 * in its tooltip.
 */
export const Freshness = ({ sources, compact = false }: { sources: Source[]; compact?: boolean }) => {
  const t = useT();
  const format = useFormat();
  if (sources.length === 0)
    return (
      <Typography variant="pi" textColor="neutral600">
        {t('freshness.none')}
      </Typography>
    );
  const each = sources.map((source) =>
    t('freshness.network', {
      network: format.network(source.network),
      ago: format.ago(source.lastCollectedAt, t('freshness.never')),
    })
  );
  const newest = sources
    .map((source) => source.lastCollectedAt)
    .filter((at): at is string => !!at)
    .sort()
    .at(-1);
  return (
    <Typography variant="pi" textColor="neutral600" title={each.join(', ')} data-testid="freshness">
      {compact
        ? t('freshness.compact', {
            networks: sources.map((source) => format.network(source.network)).join(', '),
            ago: format.ago(newest, t('freshness.never')),
          })
        : t('freshness.from', { sources: each.join(', ') })}
    </Typography>
  );
};
