import type { Core } from '@strapi/strapi';

import type services from '../services';

type Services = typeof services;
export type ServiceOf<K extends keyof Services> = ReturnType<Services[K]>;

/** Typed access to this plugin's services. */
export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): ServiceOf<K> {
  return strapi.plugin('contests').service(name) as ServiceOf<K>;
}
