/**
 * Who the account is on its network (a WordPress user id, a YouTube channel id, an Instagram
 * username), asked once and kept a few hours per account and credentials: a sweep leaves the
 * account's own comments out (our answers, and what the team wrote on the network itself), and must
 * not spend a request on it each page.
 */
import { createHash } from 'node:crypto';

import type { ProviderContext } from './types';

const KEEP_MS = 6 * 3600_000;
const KEPT_AT_MOST = 1000;
const known = new Map<string, { value: string; at: number }>();

export async function ownIdentity(
  ctx: ProviderContext,
  kind: string,
  load: () => Promise<string | null | undefined>
): Promise<string | null> {
  const { account } = ctx;
  const credentials = createHash('sha256').update(JSON.stringify(account.credentials)).digest('hex');
  const key = `${account.network}:${account.id}:${account.baseUrl}:${kind}:${credentials}`;
  const kept = known.get(key);
  if (kept && Date.now() - kept.at < KEEP_MS) return kept.value;
  const value = await load();
  if (!value) return null;
  if (known.size >= KEPT_AT_MOST) known.delete(known.keys().next().value as string);
  known.set(key, { value, at: Date.now() });
  return value;
}
