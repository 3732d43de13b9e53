import { z } from 'zod';

// Databases refuse NUL (PostgreSQL) and a lone surrogate is not text: a 400, not a 500 from the driver.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** Text a database stores as given: no NUL, valid Unicode. */
export const storableText = (name: string) =>
  z
    .string({ invalid_type_error: `${name} must be text` })
    .refine((s) => !s.includes('\u0000'), `${name} must not contain NUL characters`)
    .refine((s) => !LONE_SURROGATE.test(s), `${name} must be valid Unicode text`);

/** One line of text: also no line breaks or other control characters. */
export const singleLine = (name: string, max: number) =>
  storableText(name)
    .refine((s) => !hasControl(s), `${name} must be one line, without control characters`)
    .pipe(z.string().trim().max(max, `${name} is at most ${max} characters`));

/** A Strapi documentId (24 lower-case letters and digits today; up to 64 accepted). */
export const documentId = (name: string) =>
  z
    .string({ required_error: `${name} is required`, invalid_type_error: `${name} must be a documentId` })
    .regex(/^[a-z0-9]{1,64}$/, `${name} must be a documentId (lower-case letters and digits)`);
