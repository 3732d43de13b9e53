import { Badge } from '@strapi/design-system';

import type { Intent } from '../api/moderation';
import { useT } from '../hooks/useT';

const COLOURS: Record<Exclude<Intent, 'other'>, { backgroundColor: string; textColor: string }> = {
  complaint: { backgroundColor: 'danger100', textColor: 'danger700' },
  question: { backgroundColor: 'primary100', textColor: 'primary700' },
  praise: { backgroundColor: 'success100', textColor: 'success700' },
};

/** What the reader seems to want (a guess, said as one): nothing shown when it is none of these. */
export const IntentBadge = ({ intent }: { intent: Intent }) => {
  const t = useT();
  if (intent === 'other' || !(intent in COLOURS)) return null;
  return (
    <Badge {...COLOURS[intent]} title={t('intent.hint')} data-testid="intent-badge">
      {t(`intent.${intent}`)}
    </Badge>
  );
};
