/**
 * A network as cross-post's registry names it. The list is asked of cross-post at each request (its
 * metrics profiles, one per network it publishes to), so a network added there is accepted here with
 * no edit, and a name it does not know is a 400 that lists the ones it does.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';

import { crossPostMetrics } from '../services/collector/metrics-source';

export const registeredNetworks = (strapi: Core.Strapi): string[] =>
  Object.keys(crossPostMetrics(strapi).profiles());

export const networkOf = (networks: readonly string[], what = 'network') =>
  z
    .string({ invalid_type_error: `${what} must be a network id` })
    .refine((network) => networks.includes(network), {
      message: `${what} must be one of the networks Porte-voix publishes to: ${networks.join(', ')}`,
    });
