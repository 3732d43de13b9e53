/** What an editor reads for one field in the content manager: its label and the hint under the input. */
export type FieldTexts = { label: string; hint: string };

/** A content type or component: its name (menus, list title) and its fields, by attribute name. */
export type TypeTexts = { name: string; fields: Record<string, FieldTexts> };

/**
 * The texts of the content model in one admin language. Written by hand per language (`en.ts`, `fr.ts`);
 * `messages.ts` turns them into the translation keys the content manager looks up, and
 * `__tests__/schema-texts.test.ts` fails when a content type, component, field or enum value has none.
 */
export type SchemaTexts = {
  /** By uid, e.g. `api::post.post`. */
  contentTypes: Record<string, TypeTexts>;
  /** By uid, e.g. `shared.place`. */
  components: Record<string, TypeTexts>;
  /** By raw value, e.g. `in_review`: Strapi looks enum values up by the value alone, for every field. */
  enumValues: Record<string, string>;
};
