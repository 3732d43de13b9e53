import { Badge, Flex, Link, Typography } from '@strapi/design-system';

import type { NetworkSource } from '../api/moderation';
import { useT } from '../hooks/useT';
import { networkName } from '../utils/network-names';

/** Where a collected reply was written: the network and our account, its author, the original and our post. */
export const NetworkOrigin = ({ source }: { source: NetworkSource }) => {
  const t = useT();
  const handle = source.authorHandle ?? '';
  return (
    <Flex gap={2} wrap="wrap" alignItems="center" data-testid="network-origin">
      {source.privateMessage && (
        <Badge backgroundColor="secondary100" textColor="secondary700" data-testid="private-message">
          {t('card.privateMessage')}
        </Badge>
      )}
      <Typography variant="pi" textColor="neutral600">
        {t('card.source', { network: networkName(source.network), account: source.accountName ?? '' })}
      </Typography>
      {handle &&
        (source.authorUrl ? (
          <Link href={source.authorUrl} isExternal>
            {handle}
          </Link>
        ) : (
          <Typography variant="pi">{handle}</Typography>
        ))}
      {source.url && (
        <Link href={source.url} isExternal>
          {t('card.original')}
        </Link>
      )}
      {source.postUrl && (
        <Link href={source.postUrl} isExternal>
          {t('card.ourPost')}
        </Link>
      )}
    </Flex>
  );
};
