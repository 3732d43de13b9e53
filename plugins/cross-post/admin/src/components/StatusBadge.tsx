import { Badge } from '@strapi/design-system';

import type { DeliveryStatus } from '../api/crossPost';
import { useT } from '../hooks/useT';

const STATUS_COLORS: Record<DeliveryStatus, { text: string; background: string }> = {
  scheduled: { text: 'primary600', background: 'primary100' },
  publishing: { text: 'secondary600', background: 'secondary100' },
  published: { text: 'success600', background: 'success100' },
  retrying: { text: 'warning600', background: 'warning100' },
  failed: { text: 'danger600', background: 'danger100' },
  unconfirmed: { text: 'warning700', background: 'warning100' },
  cancelled: { text: 'neutral600', background: 'neutral150' },
  paused: { text: 'warning700', background: 'warning100' },
  handed: { text: 'primary700', background: 'primary100' },
};

const StatusBadge = ({ status }: { status: DeliveryStatus }) => {
  const t = useT();
  const colors = STATUS_COLORS[status];
  return (
    <Badge
      textColor={colors.text}
      backgroundColor={colors.background}
      data-testid={`delivery-status-${status}`}
    >
      {t(`status.${status}`)}
    </Badge>
  );
};

export { StatusBadge };
