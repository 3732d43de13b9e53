import type { Core } from '@strapi/strapi';
import { rateWindowCounter } from '@porte-voix/kit/server';

import { RATE_WINDOW_UID } from '../content-types';

/** One counter per (IP hash, window): the only code that touches the contests rate windows. */
export const rateLimitRepository = (strapi: Core.Strapi) => rateWindowCounter(strapi, RATE_WINDOW_UID);
