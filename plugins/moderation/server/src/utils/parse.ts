import type { z } from 'zod';

import { describeZodError } from '../config/schema';
import { ModerationError } from './errors';

/** Parses a request part with a zod schema; a mismatch is a 400 that names the field. */
export function parseOr400<S extends z.ZodTypeAny>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Messages may quote the caller's own keys: angle brackets never come back.
    const message = describeZodError(parsed.error).replace(/[<>]/g, '');
    const field = issue?.path.join('.').replace(/[<>]/g, '') ?? null;
    throw new ModerationError(400, message, { field });
  }
  return parsed.data;
}
