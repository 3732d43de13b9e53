import { PLUGIN_ID } from './pluginId';
import { Initializer } from './components/Initializer';
import { PluginIcon } from './components/PluginIcon';
import { CrossPostPanel } from './components/CrossPostPanel';
import { prefixPluginTranslations } from './utils/prefixPluginTranslations';

const read = [{ action: `plugin::${PLUGIN_ID}.read`, subject: null }];

export default {
  register(app: any) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Cross-post' },
      permissions: read,
      Component: async () => {
        const { App } = await import('./pages/App');
        return App;
      },
    });

    app.createSettingSection(
      { id: PLUGIN_ID, intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Cross-post' } },
      [
        {
          id: 'accounts',
          to: `${PLUGIN_ID}/accounts`,
          intlLabel: { id: `${PLUGIN_ID}.accounts.title`, defaultMessage: 'Social accounts' },
          permissions: [{ action: `plugin::${PLUGIN_ID}.accounts.manage`, subject: null }],
          Component: async () => {
            const { AccountsSettings } = await import('./pages/AccountsSettings');
            return AccountsSettings;
          },
        },
      ]
    );

    app.registerPlugin({
      id: PLUGIN_ID,
      initializer: Initializer,
      isReady: false,
      name: PLUGIN_ID,
    });
  },

  bootstrap(app: any) {
    app.getPlugin('content-manager').apis.addEditViewSidePanel([CrossPostPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixPluginTranslations(data, PLUGIN_ID), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
