import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../plugin-id';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;
export type ContestsService<Name extends ServiceName> = ReturnType<Services[Name]>;

/** A typed `strapi.plugin('contests').service(name)`. */
export const getService = <Name extends ServiceName>(
  strapi: Core.Strapi,
  name: Name
): ContestsService<Name> => strapi.plugin(PLUGIN_ID).service(name) as ContestsService<Name>;
