import path from 'node:path';
import { describeTranslations } from '@porte-voix/kit/testing';

import attemptSchema from '../../../server/src/content-types/delivery-attempt/schema.json';
import { describeNetworks } from '../../../server/src/providers/catalog';
import { DELIVERY_STATUSES } from '../../../server/src/services/deliveries.service';
import { MOVE_REFUSALS } from '../calendar/refusals';
import en from '../translations/en.json';
import fr from '../translations/fr.json';

describeTranslations({
  adminDir: path.join(__dirname, '..'),
  en,
  fr,
  minimumUsed: 40,
  expected: {
    title:
      'label every credential field, delivery status, attempt outcome and calendar refusal the server declares',
    keys: () => [
      ...describeNetworks().flatMap((network) => network.credentialFields.map((field) => field.labelKey)),
      ...DELIVERY_STATUSES.map((status) => `status.${status}`),
      ...attemptSchema.attributes.outcome.enum.map((outcome) => `outcome.${outcome}`),
      ...MOVE_REFUSALS.map((reason) => `calendar.refused.${reason}`),
    ],
  },
});
