import type { Core } from '@strapi/strapi';

import { PAGE_VIEW_UID } from '../content-types';
import { hitEvents } from './hit-events';
import { viewKey } from './hit-keys';

/** Page views reported by frontends, append-only; only this repository touches the table. */
export const pageViewsRepository = (strapi: Core.Strapi) => hitEvents(strapi, PAGE_VIEW_UID, viewKey);
