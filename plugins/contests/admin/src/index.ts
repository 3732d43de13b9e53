import type { ComponentType } from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import { Gift } from '@strapi/icons';
import { addPluginPage, pluginWidget, registerPlugin, translations } from '@porte-voix/kit/admin';

import { PLUGIN_ID } from './pluginId';
import { PluginIcon } from './components/PluginIcon';

const READ = `plugin::${PLUGIN_ID}.read`;

export default {
  register(app: StrapiApp) {
    addPluginPage(app, {
      pluginId: PLUGIN_ID,
      name: 'Contests',
      icon: PluginIcon,
      action: READ,
      Component: () => import('./pages/App').then((module) => ({ default: module.App })),
    });

    app.widgets.register(
      pluginWidget({
        pluginId: PLUGIN_ID,
        id: 'open-contests',
        key: 'contests',
        icon: Gift,
        action: READ,
        component: () => import('./widgets/ContestsWidget').then((module) => module.ContestsWidget),
      })
    );

    app.customFields.register({
      name: 'countries',
      pluginId: PLUGIN_ID,
      type: 'json',
      intlLabel: { id: `${PLUGIN_ID}.countries.label`, defaultMessage: 'Eligible countries' },
      intlDescription: {
        id: `${PLUGIN_ID}.countries.description`,
        defaultMessage: 'Countries the contest is open to; none: every country',
      },
      icon: PluginIcon,
      components: {
        // Not an async function: Strapi 5.54 warns about those.
        Input: () =>
          import('./components/CountriesInput').then((module) => ({
            default: module.CountriesInput as unknown as ComponentType,
          })),
      },
    });

    registerPlugin(app, PLUGIN_ID);
  },

  registerTrads: translations(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
