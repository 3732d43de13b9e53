import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../plugin-id';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;
export type EngagementService<Name extends ServiceName> = ReturnType<Services[Name]>;

/** A typed `strapi.plugin('engagement').service(name)`. */
export const getService = <Name extends ServiceName>(
  strapi: Core.Strapi,
  name: Name
): EngagementService<Name> => strapi.plugin(PLUGIN_ID).service(name) as EngagementService<Name>;
