import { IconButton } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';

import type { TrackedLink } from '../api/links';
import { useT } from '../hooks/useT';

/** The short URL as visitors use it: the public address when the server knows it, else this admin's. */
export const shortUrlOf = (link: Pick<TrackedLink, 'shortUrl' | 'shortPath'>) =>
  link.shortUrl ?? `${window.location.origin}${link.shortPath}`;

export const CopyShortUrl = ({ link }: { link: TrackedLink }) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const url = shortUrlOf(link);
  return (
    <IconButton
      label={t('links.copy')}
      variant="ghost"
      data-testid={`copy-${link.code}`}
      onClick={async (event: React.MouseEvent) => {
        event.stopPropagation();
        try {
          await navigator.clipboard.writeText(url);
          toggleNotification({ type: 'success', message: t('links.copied', { url }) });
        } catch {
          // No clipboard (an insecure origin, or refused): show it so it can be copied by hand.
          toggleNotification({ type: 'info', message: url });
        }
      }}
    >
      <Duplicate />
    </IconButton>
  );
};
