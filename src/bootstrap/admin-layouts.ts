import type { Core } from '@strapi/strapi';

/**
 * The content manager's default list shows the first few fields, which for a post means its whole body.
 * Give each type the columns an editor scans for, once: after that, editors' own layout choices win.
 */
const LIST_LAYOUTS: Record<
  string,
  { mainField: string; list: string[]; defaultSortBy: string; defaultSortOrder: 'ASC' | 'DESC' }
> = {
  'api::campaign.campaign': {
    mainField: 'name',
    list: ['name', 'objective', 'state', 'startsOn', 'endsOn'],
    defaultSortBy: 'startsOn',
    defaultSortOrder: 'DESC',
  },
  'api::post.post': {
    mainField: 'title',
    list: ['title', 'campaign', 'editorialStatus', 'plannedAt'],
    defaultSortBy: 'plannedAt',
    defaultSortOrder: 'DESC',
  },
  'api::event.event': {
    mainField: 'title',
    list: ['title', 'kind', 'state', 'startsAt', 'campaign'],
    defaultSortBy: 'startsAt',
    defaultSortOrder: 'DESC',
  },
  'api::partnership.partnership': {
    mainField: 'partnerName',
    list: ['partnerName', 'type', 'state', 'startsOn', 'endsOn'],
    defaultSortBy: 'partnerName',
    defaultSortOrder: 'ASC',
  },
};

/** Relations show the related entry by this field instead of its id. */
const RELATION_MAIN_FIELDS: Record<string, string> = { campaign: 'name' };

/** Fields only the app writes: shown, never typed (the editorial workflow moves a post's status). */
const READ_ONLY_FIELDS: Record<string, string[]> = { 'api::post.post': ['editorialStatus'] };

const MARKER = { type: 'app', name: 'porte-voix', key: 'admin-layouts-version' };
const VERSION = 3;

/** `editorialStatus` → `Editorial status`: the content manager shows raw field names otherwise. */
export const humanize = (field: string): string =>
  field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/^./, (first) => first.toUpperCase())
    .replace(/\butm\b/i, 'UTM')
    .replace(/\bkpi\b/i, 'KPI')
    .replace(/\burl\b/i, 'URL');

export async function applyAdminListLayouts(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store(MARKER);
  if ((await store.get({})) === VERSION) {
    return;
  }
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const [uid, layout] of Object.entries(LIST_LAYOUTS)) {
    const contentType = strapi.contentType(uid as any);
    const current = await contentTypes.findConfiguration(contentType);
    const metadatas = { ...current.metadatas };
    for (const [field, metadata] of Object.entries<any>(metadatas)) {
      if (metadata?.edit?.label === field || metadata?.list?.label === field) {
        metadatas[field] = {
          ...metadata,
          edit: {
            ...metadata.edit,
            label: metadata.edit?.label === field ? humanize(field) : metadata.edit?.label,
          },
          list: {
            ...metadata.list,
            label: metadata.list?.label === field ? humanize(field) : metadata.list?.label,
          },
        };
      }
    }
    for (const [field, mainField] of Object.entries(RELATION_MAIN_FIELDS)) {
      if (metadatas[field]) {
        metadatas[field] = {
          ...metadatas[field],
          list: { ...metadatas[field].list, mainField },
          edit: { ...metadatas[field].edit, mainField },
        };
      }
    }
    for (const field of READ_ONLY_FIELDS[uid] ?? []) {
      if (metadatas[field])
        metadatas[field] = { ...metadatas[field], edit: { ...metadatas[field].edit, editable: false } };
    }
    await contentTypes.updateConfiguration(contentType, {
      settings: {
        ...current.settings,
        mainField: layout.mainField,
        defaultSortBy: layout.defaultSortBy,
        defaultSortOrder: layout.defaultSortOrder,
      },
      metadatas,
      layouts: { ...current.layouts, list: layout.list },
    });
  }
  await store.set({ value: VERSION });
}

/**
 * A collapsed repeatable component shows the value of its main field as its header: with none set it is
 * blank. A post's network variant shows its summary: the network and the start of its text
 * (bootstrap/variant-summaries.ts).
 */
const COMPONENT_MAIN_FIELDS: Record<string, { mainField: string; hidden: string[] }> = {
  'post.network-variant': { mainField: 'summary', hidden: ['summary'] },
};
const COMPONENT_MARKER = { type: 'app', name: 'porte-voix', key: 'admin-component-layouts-version' };
const COMPONENT_VERSION = 2;

export async function applyAdminComponentLayouts(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store(COMPONENT_MARKER);
  if ((await store.get({})) === COMPONENT_VERSION) {
    return;
  }
  const components = strapi.plugin('content-manager').service('components');
  for (const [uid, { mainField, hidden }] of Object.entries(COMPONENT_MAIN_FIELDS)) {
    const component = strapi.components[uid as keyof typeof strapi.components];
    if (!component) continue;
    const current = await components.findConfiguration(component);
    // A field written by the app (not typed) is read in the header, never shown as an input.
    const edit = (current.layouts.edit as Array<Array<{ name: string }>>)
      .map((row) => row.filter((field) => !hidden.includes(field.name)))
      .filter((row) => row.length > 0);
    const metadatas = { ...current.metadatas };
    for (const name of hidden)
      if (metadatas[name])
        metadatas[name] = {
          ...metadatas[name],
          edit: { ...metadatas[name].edit, editable: false, visible: false },
        };
    await components.updateConfiguration(component, {
      ...current,
      settings: { ...current.settings, mainField },
      metadatas,
      layouts: { ...current.layouts, edit },
    });
  }
  await store.set({ value: COMPONENT_VERSION });
}
