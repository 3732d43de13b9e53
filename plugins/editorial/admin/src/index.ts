import type { StrapiApp } from '@strapi/strapi/admin';
import { CheckCircle } from '@strapi/icons';
import { pluginWidget, registerPlugin, translations } from '@porte-voix/kit/admin';

import { PLUGIN_ID } from './pluginId';
import { ReviewPanel } from './components/ReviewPanel';

/** The one Content Manager API used here: @strapi/strapi does not export its plugin type. */
type ContentManagerApis = { addEditViewSidePanel: (panels: unknown[]) => void };

export default {
  register(app: StrapiApp) {
    app.widgets.register(
      pluginWidget({
        pluginId: PLUGIN_ID,
        id: 'inbox',
        icon: CheckCircle,
        action: `plugin::${PLUGIN_ID}.read`,
        href: '/content-manager/collection-types/api::post.post',
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
