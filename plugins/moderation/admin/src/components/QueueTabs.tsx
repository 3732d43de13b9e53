import { Badge, Tabs } from '@strapi/design-system';

import { QUEUES, type Queue } from '../api/moderation';
import { useT } from '../hooks/useT';
import { Kbd } from './Kbd';

type Props = { queue: Queue; counts?: Record<Queue, number>; onChange: (queue: string) => void };

/** The five queues with their live counts and the digit that opens each. */
export const QueueTabs = ({ queue, counts, onChange }: Props) => {
  const t = useT();
  return (
    <Tabs.Root value={queue} onValueChange={onChange}>
      <Tabs.List aria-label={t('queue.title')}>
        {QUEUES.map((name, index) => (
          <Tabs.Trigger key={name} value={name} data-testid={`queue-${name}`}>
            {t(`queue.${name}`)}{' '}
            <Badge active={name === queue} data-testid={`count-${name}`}>
              {counts ? counts[name] : '…'}
            </Badge>
            <Kbd aria-hidden>{index + 1}</Kbd>
          </Tabs.Trigger>
        ))}
      </Tabs.List>
    </Tabs.Root>
  );
};
