import { Button, Flex } from '@strapi/design-system';
import { useNavigate } from 'react-router-dom';

import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';

const PAGES = [
  { key: 'queue', path: '' },
  { key: 'settings', path: 'settings' },
  { key: 'audit', path: 'audit' },
  { key: 'savedReplies', path: 'saved-replies' },
  { key: 'listening', path: 'listening' },
] as const;

/** Moves between the queue, the settings, the audit log, saved replies and listening. */
export const PluginNav = ({ current }: { current: (typeof PAGES)[number]['key'] | 'author' }) => {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Flex gap={2}>
      {PAGES.map((page) => (
        <Button
          key={page.key}
          size="S"
          variant={current === page.key ? 'secondary' : 'tertiary'}
          onClick={() => navigate(`/plugins/${PLUGIN_ID}/${page.path}`)}
        >
          {t(`nav.${page.key}`)}
        </Button>
      ))}
    </Flex>
  );
};
