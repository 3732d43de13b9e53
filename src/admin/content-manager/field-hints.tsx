import { FormattedMessage } from 'react-intl';

import { hasFieldTexts, hintKey } from '../translations/messages';
import { CONTENT_TYPE_SCHEMAS } from '../translations/schemas';

type Field = { name: string; hint?: unknown };
type EditLayout = {
  layout: Field[][][];
  components: Record<string, { layout: Field[][] }>;
  settings: { displayName?: string };
};

/** The edit layout names its content type only by display name (Strapi 5.54's `formatEditLayout`). */
const UID_BY_DISPLAY_NAME = new Map(
  Object.entries(CONTENT_TYPE_SCHEMAS).map(([uid, schema]) => [schema.info.displayName, uid])
);

/**
 * Strapi shows a field's hint from the view configuration's one-language `description`, never translated.
 * Give each field of the content model its hint in the admin's language instead; a description an editor
 * typed in "Configure the view" still wins.
 */
const withHint =
  (uid: string) =>
  <F extends Field>(field: F): F =>
    field.hint || !hasFieldTexts(uid, field.name)
      ? field
      : { ...field, hint: <FormattedMessage id={hintKey(uid, field.name)} /> };

/** `Admin/CM/pages/EditView/mutate-edit-view-layout` waterfall. */
export function translateFieldHints<T extends { layout: EditLayout }>(value: T): T {
  const { layout } = value;
  const uid = layout.settings.displayName ? UID_BY_DISPLAY_NAME.get(layout.settings.displayName) : undefined;
  const components = Object.fromEntries(
    Object.entries(layout.components).map(([componentUid, component]) => [
      componentUid,
      { ...component, layout: component.layout.map((row) => row.map(withHint(componentUid))) },
    ])
  );
  return {
    ...value,
    layout: {
      ...layout,
      components,
      layout: uid ? layout.layout.map((panel) => panel.map((row) => row.map(withHint(uid)))) : layout.layout,
    },
  };
}
