import { errors } from '@strapi/utils';
import type { z } from 'zod';

/** How a refusal reads when the default would say too little: its reason code and a hint on what to send. */
export interface ParseRefusal {
  reason?: string;
  hint?: string;
}

/**
 * Parses a request part with a zod schema. A mismatch is a 400 whose message names every field at
 * fault and what it must be, with `details.reason` (`invalid_input` unless the caller's contract
 * names another), the first `field` and every issue by path, so a frontend can point at each one.
 * Messages may quote the caller's own keys: angle brackets never come back.
 */
export function parse<S extends z.ZodTypeAny>(
  schema: S,
  value: unknown,
  refusal: ParseRefusal = {}
): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: unbracketed(issue.path.join('.')),
    message: unbracketed(issue.message),
  }));
  const listed = issues.map((issue) => `${issue.path || 'body'}: ${issue.message}`).join('; ');
  throw new errors.ValidationError(refusal.hint ? `${listed}. ${refusal.hint}` : `${listed}.`, {
    reason: refusal.reason ?? 'invalid_input',
    field: issues[0]?.path ?? null,
    issues,
  });
}

const unbracketed = (text: string) => text.replace(/[<>]/g, '');
