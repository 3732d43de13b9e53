import type { ComponentType } from 'react';
import { useEffect, useRef } from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';

import { translationId } from './useT';

type Lazy<T> = () => Promise<T>;
type MenuLink = Parameters<StrapiApp['addMenuLink']>[0];
type WidgetArgs = Extract<Parameters<StrapiApp['widgets']['register']>[0], { id: string }>;

/** The plugin's page in the main menu, shown to the roles that hold `action`. */
export function addPluginPage(
  app: StrapiApp,
  page: {
    pluginId: string;
    name: string;
    icon: MenuLink['icon'];
    action: string;
    Component: Lazy<{ default: ComponentType }>;
  }
) {
  app.addMenuLink({
    to: `plugins/${page.pluginId}`,
    icon: page.icon,
    intlLabel: { id: translationId(page.pluginId, 'plugin.name'), defaultMessage: page.name },
    permissions: [{ action: page.action, subject: null }],
    Component: page.Component,
  });
}

/**
 * A homepage widget: its title and link label are the plugin's messages `widget.<key>.title` and
 * `widget.<key>.link` (`key` is the id unless said); the link opens `href` (the plugin's page unless said).
 */
export const pluginWidget = (widget: {
  pluginId: string;
  id: string;
  key?: string;
  icon: WidgetArgs['icon'];
  action: string;
  component: WidgetArgs['component'];
  href?: string;
}): WidgetArgs => {
  const key = widget.key ?? widget.id;
  return {
    id: widget.id,
    pluginId: widget.pluginId,
    icon: widget.icon,
    title: { id: translationId(widget.pluginId, `widget.${key}.title`), defaultMessage: widget.id },
    link: {
      label: { id: translationId(widget.pluginId, `widget.${key}.link`), defaultMessage: widget.id },
      href: widget.href ?? `/plugins/${widget.pluginId}`,
    },
    component: widget.component,
    permissions: [{ action: widget.action }],
  };
};

/** Registers the plugin with the admin; it says it is ready once mounted. */
export function registerPlugin(app: StrapiApp, pluginId: string) {
  const Initializer = ({ setPlugin }: { setPlugin: (id: string) => void }) => {
    const ref = useRef(setPlugin);
    useEffect(() => {
      ref.current(pluginId);
    }, []);
    return null;
  };
  app.registerPlugin({ id: pluginId, initializer: Initializer, isReady: false, name: pluginId });
}

/**
 * The plugin's `registerTrads`: each locale's messages, loaded by `load` (the plugin's own
 * `import(\`./translations/${locale}.json\`)`), prefixed with the plugin id; none for a locale
 * the plugin does not translate.
 */
export const translations =
  (pluginId: string, load: (locale: string) => Promise<{ default: Record<string, string> }>) =>
  async ({ locales }: { locales: string[] }) =>
    Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await load(locale);
          return {
            data: Object.fromEntries(
              Object.entries(data).map(([key, value]) => [translationId(pluginId, key), value])
            ),
            locale,
          };
        } catch {
          return { data: {}, locale };
        }
      })
    );
