import type { StrapiApp } from '@strapi/strapi/admin';
import { Message } from '@strapi/icons';
import { addPluginPage, pluginWidget, registerPlugin, translations } from '@porte-voix/kit/admin';

import { PLUGIN_ID } from './pluginId';
import { PluginIcon } from './components/PluginIcon';

const READ = `plugin::${PLUGIN_ID}.read`;

export default {
  register(app: StrapiApp) {
    addPluginPage(app, {
      pluginId: PLUGIN_ID,
      name: 'Moderation',
      icon: PluginIcon,
      action: READ,
      Component: () => import('./pages/App').then((module) => ({ default: module.App })),
    });

    app.widgets.register(
      pluginWidget({
        pluginId: PLUGIN_ID,
        id: 'queue',
        icon: Message,
        action: READ,
        component: () => import('./widgets/QueueWidget').then((module) => module.QueueWidget),
      })
    );

    registerPlugin(app, PLUGIN_ID);
  },

  registerTrads: translations(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
