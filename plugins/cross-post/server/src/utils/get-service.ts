import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../plugin-id';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;
export type CrossPostService<Name extends ServiceName> = ReturnType<Services[Name]>;

/** A typed `strapi.plugin('cross-post').service(name)`. */
export const getService = <Name extends ServiceName>(
  strapi: Core.Strapi,
  name: Name
): CrossPostService<Name> => strapi.plugin(PLUGIN_ID).service(name) as CrossPostService<Name>;
