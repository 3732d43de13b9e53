import { Button, Dialog, Flex, Typography } from '@strapi/design-system';

import { useT } from '../hooks/useT';
import { Kbd } from './Kbd';

const SHORTCUTS = [
  ['j / ↓', 'next'],
  ['k / ↑', 'previous'],
  ['a', 'approve'],
  ['r', 'reject'],
  ['b', 'ban'],
  ['x', 'select'],
  ['A', 'approveSelected'],
  ['R', 'rejectSelected'],
  ['/', 'search'],
  ['1 … 5', 'queues'],
  ['?', 'help'],
] as const;

export const ShortcutsHelp = ({ onClose }: { onClose: () => void }) => {
  const t = useT();
  return (
    <Dialog.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Dialog.Content>
        <Dialog.Header>{t('shortcuts.title')}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" alignItems="stretch" gap={2} width="100%">
            {SHORTCUTS.map(([keys, action]) => (
              <Flex key={action} justifyContent="space-between" gap={4}>
                <Typography fontWeight="bold">
                  <Kbd>{keys}</Kbd>
                </Typography>
                <Typography>{t(`shortcuts.${action}`)}</Typography>
              </Flex>
            ))}
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">{t('action.close')}</Button>
          </Dialog.Cancel>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
