import type { StrapiApp } from '@strapi/strapi/admin';
import { Bell, EmotionHappy, Message, Search } from '@strapi/icons';
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

    // Listening: mentions this week against last, the sentiment trend, the open alerts.
    const listening = (
      key: string,
      icon: typeof Message,
      component: 'MentionsWidget' | 'SentimentWidget' | 'AlertsWidget'
    ) =>
      app.widgets.register(
        pluginWidget({
          pluginId: PLUGIN_ID,
          id: `listening-${key}`,
          key: `listening.${key}`,
          href: `/plugins/${PLUGIN_ID}/listening`,
          icon,
          action: READ,
          component: () => import('./widgets/ListeningWidgets').then((module) => module[component]),
        })
      );
    listening('mentions', Search, 'MentionsWidget');
    listening('sentiment', EmotionHappy, 'SentimentWidget');
    listening('alerts', Bell, 'AlertsWidget');

    registerPlugin(app, PLUGIN_ID);
  },

  registerTrads: translations(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
