import { Badge } from '@strapi/design-system';

import type { Phase } from '../api/contests';
import { useT } from '../hooks/useT';

const COLOURS: Record<Phase, { background: string; text: string }> = {
  upcoming: { background: 'neutral150', text: 'neutral700' },
  open: { background: 'success100', text: 'success700' },
  closed: { background: 'warning100', text: 'warning700' },
  drawn: { background: 'primary100', text: 'primary700' },
};

export const PhaseBadge = ({ phase }: { phase: Phase }) => {
  const t = useT();
  return (
    <Badge backgroundColor={COLOURS[phase].background} textColor={COLOURS[phase].text}>
      {t(`phase.${phase}`)}
    </Badge>
  );
};
