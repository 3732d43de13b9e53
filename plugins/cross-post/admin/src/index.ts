import type { ComponentType } from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import { Calendar } from '@strapi/icons';
import { addPluginPage, pluginWidget, registerPlugin, translations } from '@porte-voix/kit/admin';

import { PLUGIN_ID } from './pluginId';
import { PluginIcon } from './components/PluginIcon';
import { CrossPostPanel } from './components/CrossPostPanel';

/** The one Content Manager API used here: @strapi/strapi does not export its plugin type. */
type ContentManagerApis = { addEditViewSidePanel: (panels: unknown[]) => void };

const READ = `plugin::${PLUGIN_ID}.read`;

export default {
  register(app: StrapiApp) {
    addPluginPage(app, {
      pluginId: PLUGIN_ID,
      name: 'Cross-post',
      icon: PluginIcon,
      action: READ,
      Component: () => import('./pages/App').then((module) => ({ default: module.App })),
    });

    app.createSettingSection(
      { id: PLUGIN_ID, intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Cross-post' } },
      [
        {
          id: 'accounts',
          to: `${PLUGIN_ID}/accounts`,
          intlLabel: { id: `${PLUGIN_ID}.accounts.title`, defaultMessage: 'Social accounts' },
          permissions: [{ action: `plugin::${PLUGIN_ID}.accounts.manage`, subject: null }],
          Component: () =>
            import('./pages/AccountsSettings').then((module) => ({ default: module.AccountsSettings })),
        },
      ]
    );

    app.widgets.register(
      pluginWidget({
        pluginId: PLUGIN_ID,
        id: 'upcoming',
        icon: Calendar,
        action: READ,
        component: () => import('./widgets/UpcomingWidget').then((module) => module.UpcomingWidget),
      })
    );

    app.customFields.register({
      name: 'hashtags',
      pluginId: PLUGIN_ID,
      type: 'json',
      intlLabel: { id: `${PLUGIN_ID}.hashtags.label`, defaultMessage: 'Hashtags' },
      intlDescription: {
        id: `${PLUGIN_ID}.hashtags.description`,
        defaultMessage: 'Added at the end of the text on every network, once each',
      },
      icon: PluginIcon,
      components: {
        // Not an async function: Strapi 5.54 warns about those (see the plugin pages).
        Input: () =>
          import('./components/HashtagsInput').then((module) => ({
            default: module.HashtagsInput as unknown as ComponentType,
          })),
      },
    });

    registerPlugin(app, PLUGIN_ID);
  },

  bootstrap(app: StrapiApp) {
    (app.getPlugin('content-manager').apis as ContentManagerApis).addEditViewSidePanel([CrossPostPanel]);
  },

  registerTrads: translations(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
