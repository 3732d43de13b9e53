import type { Core } from '@strapi/strapi';
import { checkCustomFieldValues } from '@porte-voix/kit/server';

import { checkCountries } from './domain/countries';

/** The countries field of a contest's settings: picked by name in the admin, stored as ISO codes. */
export function registerCountriesField(strapi: Core.Strapi): void {
  strapi.customFields.register({
    name: 'countries',
    plugin: 'contests',
    type: 'json',
    inputSize: { default: 6, isResizable: true },
  });
  checkCustomFieldValues(strapi, 'plugin::contests.countries', checkCountries);
}
