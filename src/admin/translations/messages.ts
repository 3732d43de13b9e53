import { COMPONENT_SCHEMAS, CONTENT_TYPE_SCHEMAS, type Schema } from './schemas';
import { en } from './en';
import type { SchemaTexts, TypeTexts } from './types';

/**
 * The translation keys the Strapi 5.54 content manager looks up, read in its source:
 * - a field label, in list headers and the edit view: `content-manager.content-types.<uid>.<field>`
 *   (ListViewPage, EditView/components/FormLayout), or `content-manager.components.<uid>.<field>` inside a
 *   component (FormInputs/Component/NonRepeatable and Repeatable);
 * - a type's name, in the menu and the list title: the schema's `info.displayName` itself (LeftMenu,
 *   ListViewPage);
 * - an enum value, in the edit view's select and the list filters: the raw value (admin's
 *   FormInputs/Enumeration, ListView/components/Filters).
 * Hints are not looked up by Strapi: `hintKey` is ours, read by `field-hints.tsx`.
 */
export const fieldLabelKey = (uid: string, field: string): string =>
  uid.includes('::')
    ? `content-manager.content-types.${uid}.${field}`
    : `content-manager.components.${uid}.${field}`;

export const hintKey = (uid: string, field: string): string => `porte-voix.hint.${uid}.${field}`;

function typeMessages(
  schemas: Record<string, Schema>,
  texts: Record<string, TypeTexts>
): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [uid, schema] of Object.entries(schemas)) {
    const type = texts[uid];
    if (!type) continue;
    messages[schema.info.displayName] = type.name;
    for (const [field, { label, hint }] of Object.entries(type.fields)) {
      messages[fieldLabelKey(uid, field)] = label;
      messages[hintKey(uid, field)] = hint;
    }
  }
  return messages;
}

/** Every message of the content model in one language, ready for `config.translations`. */
export const schemaMessages = (texts: SchemaTexts): Record<string, string> => ({
  ...texts.enumValues,
  ...typeMessages(CONTENT_TYPE_SCHEMAS, texts.contentTypes),
  ...typeMessages(COMPONENT_SCHEMAS, texts.components),
});

/** Whether the content model's texts cover this field (English is the reference; the unit test keeps fr equal). */
export const hasFieldTexts = (uid: string, field: string): boolean =>
  Boolean((en.contentTypes[uid] ?? en.components[uid])?.fields[field]);
