import path from 'node:path';
import { describeTranslations } from '@porte-voix/kit/testing';

import { REASON_CODES } from '../../../server/src/services/audit.service';
import en from '../translations/en.json';
import fr from '../translations/fr.json';

describeTranslations({
  adminDir: path.join(__dirname, '..'),
  en,
  fr,
  minimumUsed: 40,
  expected: {
    title: 'name every actor and reason code the audit log stores',
    keys: () => [
      ...['system', 'admin', 'public'].map((type) => `actor.${type}`),
      ...Object.values(REASON_CODES).map((code) => `reason.${code}`),
    ],
  },
});
