import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../plugin-id';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;
export type EditorialService<Name extends ServiceName> = ReturnType<Services[Name]>;

/** A typed `strapi.plugin('editorial').service(name)`. */
export const getService = <Name extends ServiceName>(
  strapi: Core.Strapi,
  name: Name
): EditorialService<Name> => strapi.plugin(PLUGIN_ID).service(name) as EditorialService<Name>;
