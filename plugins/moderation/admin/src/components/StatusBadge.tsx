import { Badge } from '@strapi/design-system';

import { useT } from '../hooks/useT';

const COLOURS = {
  approved: { backgroundColor: 'success100', textColor: 'success700' },
  pending: { backgroundColor: 'warning100', textColor: 'warning700' },
  rejected: { backgroundColor: 'danger100', textColor: 'danger700' },
} as const;

export const StatusBadge = ({ status }: { status: keyof typeof COLOURS }) => {
  const t = useT();
  return <Badge {...COLOURS[status]}>{t(`status.${status}`)}</Badge>;
};
