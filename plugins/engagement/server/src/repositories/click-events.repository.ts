import type { Core } from '@strapi/strapi';

import { CLICK_EVENT_UID } from '../content-types';
import { hitEvents } from './hit-events';
import { linkKey } from './hit-keys';

/** Click events: one row per request to a tracked link, append-only; only this repository touches the table. */
export const clickEventsRepository = (strapi: Core.Strapi) => hitEvents(strapi, CLICK_EVENT_UID, linkKey);
