import { useEffect, useState } from 'react';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';

import { useModerationApi, type Queue } from '../api/moderation';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';

/** The queues a moderator acts on, most urgent first. */
const SHOWN: Queue[] = ['reported', 'pending'];

/** Homepage widget: what waits for a moderator. Fits any width from 4 to 12 columns (tiles wrap). */
export const QueueWidget = () => {
  const t = useT();
  const api = useModerationApi();
  const [counts, setCounts] = useState<Record<Queue, number> | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .counts('')
      .then((answer) => live && setCounts(answer))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [api]);

  if (failed) return <Widget.Error>{t('widget.queue.error')}</Widget.Error>;
  if (!counts) return <Widget.Loading>{t('widget.loading')}</Widget.Loading>;
  if (SHOWN.every((queue) => counts[queue] === 0))
    return <Widget.NoData>{t('widget.queue.empty')}</Widget.NoData>;

  return (
    <Flex gap={3} wrap="wrap" alignItems="stretch" data-testid="moderation-queue-widget">
      {SHOWN.map((queue) => (
        <Box
          key={queue}
          flex="1 1 140px"
          padding={4}
          hasRadius
          background={queue === 'reported' && counts[queue] > 0 ? 'danger100' : 'neutral100'}
        >
          <Typography tag="p" variant="alpha" data-testid={`widget-count-${queue}`}>
            {counts[queue]}
          </Typography>
          <Link tag={RouterLink} to={`/plugins/${PLUGIN_ID}?status=${queue}`}>
            {t(`widget.queue.${queue}`, { count: counts[queue] })}
          </Link>
        </Box>
      ))}
    </Flex>
  );
};
