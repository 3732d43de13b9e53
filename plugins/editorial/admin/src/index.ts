import type { StrapiApp } from '@strapi/strapi/admin';
import { Bell, CheckCircle } from '@strapi/icons';
import { addPluginPage, pluginWidget, registerPlugin, translations } from '@porte-voix/kit/admin';

import { PLUGIN_ID } from './pluginId';
import { ReviewPanel } from './components/ReviewPanel';

/** The one Content Manager API used here: @strapi/strapi does not export its plugin type. */
type ContentManagerApis = { addEditViewSidePanel: (panels: unknown[]) => void };

export default {
  register(app: StrapiApp) {
    // The signed-in admin's notifications (waiting for my approval, approved, sent back).
    addPluginPage(app, {
      pluginId: PLUGIN_ID,
      name: 'Editorial approval',
      icon: Bell,
      action: `plugin::${PLUGIN_ID}.read`,
      Component: () =>
        import('./pages/NotificationsPage').then((module) => ({ default: module.NotificationsPage })),
    });

    app.createSettingSection(
      { id: PLUGIN_ID, intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Editorial approval' } },
      [
        {
          id: 'rules',
          to: `${PLUGIN_ID}/rules`,
          intlLabel: { id: `${PLUGIN_ID}.rules.title`, defaultMessage: 'Approval rules per campaign' },
          permissions: [{ action: `plugin::${PLUGIN_ID}.settings`, subject: null }],
          Component: () =>
            import('./pages/RulesSettingsPage').then((module) => ({ default: module.RulesSettingsPage })),
        },
      ]
    );

    app.widgets.register(
      pluginWidget({
        pluginId: PLUGIN_ID,
        id: 'inbox',
        icon: CheckCircle,
        action: `plugin::${PLUGIN_ID}.read`,
        component: () => import('./widgets/InboxWidget').then((module) => module.InboxWidget),
      })
    );
    registerPlugin(app, PLUGIN_ID);
  },

  bootstrap(app: StrapiApp) {
    (app.getPlugin('content-manager').apis as ContentManagerApis).addEditViewSidePanel([ReviewPanel]);
  },

  registerTrads: translations(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
