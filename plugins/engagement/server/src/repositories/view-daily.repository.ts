import type { Core } from '@strapi/strapi';

import { VIEW_DAILY_UID } from '../content-types';
import { dailyCounts } from './daily-counts';
import { viewKey } from './hit-keys';

/** Per post or event and local day: human views, unique visitors, bot views; only this repository touches the table. */
export const viewDailyRepository = (strapi: Core.Strapi) =>
  dailyCounts(strapi, VIEW_DAILY_UID, viewKey, {
    humans: 'views',
    uniques: 'uniqueVisitors',
    bots: 'botViews',
  });
