import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { Phase } from '../api/contests';
import { getTranslation } from '../utils/getTranslation';

const COLOURS: Record<Phase, { background: string; text: string }> = {
  upcoming: { background: 'neutral150', text: 'neutral700' },
  open: { background: 'success100', text: 'success700' },
  closed: { background: 'warning100', text: 'warning700' },
  drawn: { background: 'primary100', text: 'primary700' },
};

export const PhaseBadge = ({ phase }: { phase: Phase }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge backgroundColor={COLOURS[phase].background} textColor={COLOURS[phase].text}>
      {formatMessage({ id: getTranslation(`phase.${phase}`) })}
    </Badge>
  );
};
