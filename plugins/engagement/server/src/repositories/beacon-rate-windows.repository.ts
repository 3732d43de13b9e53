import type { Core } from '@strapi/strapi';
import { rateWindowCounter } from '@porte-voix/kit/server';

import { BEACON_RATE_WINDOW_UID } from '../content-types';

/** One counter per (visitor hash, window): the only code that touches the beacon rate windows. */
export const beaconRateWindowsRepository = (strapi: Core.Strapi) =>
  rateWindowCounter(strapi, BEACON_RATE_WINDOW_UID);
