import type { Core } from '@strapi/strapi';

/**
 * The fields of the content model that name a network offer the networks cross-post publishes to,
 * read from its registry (its `networks` service) at register, before the schemas reach the database
 * and the admin: their schema files list none, so a network added to cross-post needs no edit here.
 */
export const NETWORK_FIELDS: Array<[uid: string, field: string]> = [
  ['post.network-variant', 'network'],
  ['campaign.kpi-target', 'network'],
];

export type RegisteredNetwork = { id: string; name: string };

export const registeredNetworks = (strapi: Core.Strapi): RegisteredNetwork[] =>
  (strapi.plugin('cross-post').service('networks') as { list(): RegisteredNetwork[] }).list();

export function offerRegisteredNetworks(strapi: Core.Strapi): void {
  const ids = registeredNetworks(strapi).map((network) => network.id);
  for (const [uid, field] of NETWORK_FIELDS) {
    const attribute = (strapi.components as Record<string, any>)[uid]?.attributes?.[field];
    if (!attribute) throw new Error(`The component ${uid} has no ${field} field to offer the networks in.`);
    attribute.enum = ids;
  }
}
