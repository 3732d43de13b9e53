import type { StrapiApp } from '@strapi/strapi/admin';
import { PresentationChart, Star, Stethoscope, TrendUp, User } from '@strapi/icons';
import { addPluginPage, pluginWidget, registerPlugin, translations } from '@porte-voix/kit/admin';

import { PLUGIN_ID } from './pluginId';
import { PluginIcon } from './components/PluginIcon';

const READ = `plugin::${PLUGIN_ID}.read`;

export default {
  register(app: StrapiApp) {
    addPluginPage(app, {
      pluginId: PLUGIN_ID,
      name: 'Engagement',
      icon: PluginIcon,
      action: READ,
      Component: () => import('./pages/App').then((module) => ({ default: module.App })),
    });

    // Each widget reads the one homepage summary; the server answers it behind the same permission.
    const widget = (id: string, icon: typeof Star, href: string, component: () => Promise<any>) =>
      pluginWidget({ pluginId: PLUGIN_ID, id, icon, action: READ, href, component });
    app.widgets.register([
      widget('week', PresentationChart, `/plugins/${PLUGIN_ID}`, () =>
        import('./widgets/WeekWidget').then((module) => module.WeekWidget)
      ),
      widget('pacing', TrendUp, `/plugins/${PLUGIN_ID}/campaigns`, () =>
        import('./widgets/PacingWidget').then((module) => module.PacingWidget)
      ),
      widget('topPosts', Star, `/plugins/${PLUGIN_ID}`, () =>
        import('./widgets/TopPostsWidget').then((module) => module.TopPostsWidget)
      ),
      widget('health', Stethoscope, `/plugins/${PLUGIN_ID}/health`, () =>
        import('./widgets/HealthWidget').then((module) => module.HealthWidget)
      ),
      widget('partners', User, `/plugins/${PLUGIN_ID}/partners`, () =>
        import('./widgets/PartnerTrafficWidget').then((module) => module.PartnerTrafficWidget)
      ),
    ]);

    registerPlugin(app, PLUGIN_ID);
  },

  registerTrads: translations(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
