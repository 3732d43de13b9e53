/**
 * A plugin's custom field checks its values wherever a content type uses it — at the top level or
 * inside components, repeatable or not — on every write through the Document Service (the content
 * manager, the REST API, scripts), so bad input gets a 400 that names the field, never a stored value
 * the plugin cannot read.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type Attributes = Record<string, any>;
type Problem = { path: Array<string | number>; message: string; value: unknown };
/** What is wrong with a value (one sentence, read after the field's name), or null when it is fine. */
export type CustomFieldCheck = (value: unknown) => string | null;

const WRITES = new Set(['create', 'update']);

function findProblem(
  strapi: Core.Strapi,
  attributes: Attributes | undefined,
  data: Record<string, unknown>,
  path: Array<string | number>,
  customField: string,
  check: CustomFieldCheck
): Problem | null {
  for (const [name, attribute] of Object.entries(attributes ?? {})) {
    if (!(name in data)) continue;
    const value = data[name];
    if (attribute.customField === customField) {
      if (value === null || value === undefined) continue;
      const message = check(value);
      if (message) return { path: [...path, name], message, value };
    } else if (attribute.type === 'component' && value && typeof value === 'object') {
      const schema = strapi.components[attribute.component as keyof typeof strapi.components] as any;
      const items = attribute.repeatable ? (Array.isArray(value) ? value : []) : [value];
      for (const [index, item] of items.entries()) {
        if (!item || typeof item !== 'object') continue;
        const at = attribute.repeatable ? [...path, name, index] : [...path, name];
        const problem = findProblem(strapi, schema?.attributes, item, at, customField, check);
        if (problem) return problem;
      }
    }
  }
  return null;
}

/** Checks every value of `customField` (`plugin::<id>.<name>`) written through the Document Service. */
export function checkCustomFieldValues(
  strapi: Core.Strapi,
  customField: string,
  check: CustomFieldCheck
): void {
  strapi.documents.use(async (context, next) => {
    const data = (context.params as { data?: unknown } | undefined)?.data;
    if (WRITES.has(context.action) && data && typeof data === 'object') {
      const schema = strapi.contentTypes[context.uid as keyof typeof strapi.contentTypes] as any;
      const problem = findProblem(
        strapi,
        schema?.attributes,
        data as Record<string, unknown>,
        [],
        customField,
        check
      );
      if (problem) {
        const field = problem.path.join('.');
        const message = `${field} ${problem.message}`;
        throw new errors.ValidationError(message, {
          reason: 'invalid_input',
          field,
          errors: [
            { path: problem.path.map(String), message, name: 'ValidationError', value: problem.value },
          ],
        });
      }
    }
    return next();
  });
}
