import path from 'node:path';
import { describeTranslations } from '@porte-voix/kit/testing';

import en from '../translations/en.json';
import fr from '../translations/fr.json';

describeTranslations({
  adminDir: path.join(__dirname, '..'),
  en,
  fr,
  minimumUsed: 20,
  expected: {
    title: 'name every review status, history action and notification kind the server stores',
    keys: () => [
      ...['draft', 'in_review', 'approved'].map((status) => `status.${status}`),
      ...[
        'submitted',
        'approval_given',
        'approved',
        'changes_requested',
        'reverted',
        'edited',
        'voided',
        'commented',
        'sent',
      ].map((action) => `history.${action}`),
      ...['submitted', 'voided', 'approved', 'changes_requested'].map((kind) => `notifications.kind.${kind}`),
    ],
  },
});
