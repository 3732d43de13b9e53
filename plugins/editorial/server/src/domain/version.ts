/**
 * A version is exactly what will be sent: the sent fields of one locale of a document plus the
 * chosen accounts. Pure functions: its hash, the texts an editor compares, and their diff.
 */
import { createHash } from 'node:crypto';

/** Media are compared by what goes out (file, type, alternative text); components lose their row ids, which change on every save. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.url === 'string' && typeof record.mime === 'string') {
      return { url: record.url, mime: record.mime, alternativeText: record.alternativeText ?? null };
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) {
      if (key === 'id' || key === 'documentId' || key === '__component') continue;
      const inner = record[key];
      if (inner === undefined) continue;
      out[key] = canonical(inner);
    }
    return out;
  }
  return value === undefined ? null : value;
}

/** The value at a field path: `body`, or `contest.rules` inside a component (undefined when a step is missing). */
export function valueAt(document: Record<string, unknown> | null | undefined, path: string): unknown {
  let value: unknown = document;
  for (const step of path.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/** What a version is made of, in a stable order. */
export function versionContent(
  document: Record<string, unknown>,
  sentFields: string[],
  accountIds: number[]
): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const field of [...sentFields].sort()) content[field] = canonical(valueAt(document, field) ?? null);
  content.accounts = [...new Set(accountIds)].sort((a, b) => a - b);
  return content;
}

/** The SHA-256 of a version, hex: the value an approval is bound to. */
export function versionHash(document: Record<string, unknown>, sentFields: string[], accountIds: number[]) {
  return createHash('sha256')
    .update(JSON.stringify(versionContent(document, sentFields, accountIds)))
    .digest('hex');
}

/** The texts an editor reads: the master text and each network's variant. */
export type VersionTexts = { body: string; variants: Record<string, string> };

/** Where a type keeps the text a reviewer reads (`body`, `contest.rules`) and, for posts, each network's variant. */
export type TextFields = { body: string; variants?: string | null };

export const POST_TEXT_FIELDS: TextFields = { body: 'body', variants: 'variants' };

export function textsOf(
  document: Record<string, unknown>,
  fields: TextFields = POST_TEXT_FIELDS
): VersionTexts {
  const variants: Record<string, string> = {};
  const listed = fields.variants ? valueAt(document, fields.variants) : undefined;
  for (const variant of (listed as { network?: string; text?: string }[] | undefined) ?? []) {
    if (variant?.network) variants[variant.network] = variant.text ?? '';
  }
  return { body: String(valueAt(document, fields.body) ?? ''), variants };
}

export type TextChange = { field: string; before: string | null; after: string | null };

/** What changed between two versions' texts: the master text (`body`) and `variant:<network>`, before and after. */
export function diffTexts(before: VersionTexts | null, after: VersionTexts): TextChange[] {
  const changes: TextChange[] = [];
  const previous = before ?? { body: '', variants: {} };
  if (previous.body !== after.body) changes.push({ field: 'body', before: previous.body, after: after.body });
  const networks = [...new Set([...Object.keys(previous.variants), ...Object.keys(after.variants)])].sort();
  for (const network of networks) {
    const was = previous.variants[network] ?? null;
    const now = after.variants[network] ?? null;
    if (was !== now) changes.push({ field: `variant:${network}`, before: was, after: now });
  }
  return changes;
}
