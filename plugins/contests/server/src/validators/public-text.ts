import { z } from 'zod';

/**
 * Text from the public: C0 and C1 control characters (a NUL fails a PostgreSQL text column) and
 * lone UTF-16 surrogates (not valid Unicode, refused by PostgreSQL and by e-mail) are refused, so
 * the caller gets a 400 naming the field rather than a 500 or a mangled value. Free text may keep
 * tabs and line breaks.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const hasForbiddenCharacters = (value: string, multiLine = false) =>
  (multiLine ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(value) || LONE_SURROGATE.test(value);

/** A public text field: a string, no control characters, at most `max` characters. */
export const publicText = (field: string, max: number, options: { multiLine?: boolean } = {}) =>
  z
    .string({ invalid_type_error: `${field} must be a string` })
    .max(max, `${field} must be at most ${max} characters`)
    .refine(
      (value) => !hasForbiddenCharacters(value, options.multiLine),
      `${field} contains control characters or invalid Unicode`
    );
