import { Badge, Tabs } from '@strapi/design-system';

import { QUEUES, type Queue } from '../api/moderation';
import { useT } from '../hooks/useT';

type Props = { queue: Queue; counts?: Record<Queue, number>; onChange: (queue: string) => void };

/** The five queues with their live counts; the digit that opens each is in its tooltip and the help. */
export const QueueTabs = ({ queue, counts, onChange }: Props) => {
  const t = useT();
  return (
    <Tabs.Root value={queue} onValueChange={onChange}>
      <Tabs.List aria-label={t('queue.title')}>
        {QUEUES.map((name, index) => (
          <Tabs.Trigger
            key={name}
            value={name}
            data-testid={`queue-${name}`}
            title={t('queue.shortcut', { key: index + 1 })}
            aria-keyshortcuts={String(index + 1)}
          >
            {t(`queue.${name}`)}{' '}
            <Badge active={name === queue} data-testid={`count-${name}`}>
              {counts ? counts[name] : '…'}
            </Badge>
          </Tabs.Trigger>
        ))}
      </Tabs.List>
    </Tabs.Root>
  );
};
