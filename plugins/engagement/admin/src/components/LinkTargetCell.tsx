import { Flex, Typography } from '@strapi/design-system';

import type { TrackedLink } from '../api/links';
import { useT } from '../hooks/useT';

/** What a link is for, as an editor names it: the post (and network), partner (and deliverable), event or campaign. */
export const LinkTargetCell = ({ link }: { link: TrackedLink }) => {
  const t = useT();
  const { target } = link;
  const main =
    (target.type === 'post' && target.post?.title) ||
    (target.type === 'partnership' && target.partnership?.name) ||
    (target.type === 'event' && target.event?.title) ||
    (target.type === 'campaign' && target.campaign?.name) ||
    t('links.deletedTarget');
  const detail = [
    target.delivery?.network,
    target.partnership?.deliverable,
    target.type !== 'campaign' && target.campaign?.name,
  ].filter(Boolean);
  return (
    <Flex direction="column" alignItems="flex-start">
      <Typography variant="pi" textColor="neutral600">
        {t(`target.${target.type}`)}
      </Typography>
      <Typography ellipsis>{main}</Typography>
      {detail.length > 0 && (
        <Typography variant="pi" textColor="neutral600" ellipsis>
          {detail.join(' · ')}
        </Typography>
      )}
    </Flex>
  );
};
