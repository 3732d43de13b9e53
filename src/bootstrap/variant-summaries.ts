import type { Core } from '@strapi/strapi';

import { registeredNetworks } from './network-choices';

/**
 * A collapsed network variant is headed by one stored field (Strapi 5.54 shows its component's main
 * field there): each variant keeps a summary, the network's name and the start of its text, written
 * on every save of a post (and once at boot for variants saved before). Private (never in the content
 * API) and out of the edit view's layout (bootstrap/admin-layouts.ts).
 */
const POST_UID = 'api::post.post';
const VARIANT_UID = 'post.network-variant';
const WRITES = new Set(['create', 'update']);
const MAX = 120;

/** `Mastodon — Samedi, on roule jusqu’à…`; `names`: the networks' names, from cross-post's registry. */
export function variantSummary(network: unknown, text: unknown, names: Record<string, string>): string {
  const name = typeof network === 'string' ? (names[network] ?? network) : '';
  const start = typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '';
  const summary = [name, start].filter(Boolean).join(' — ');
  return summary.length > MAX ? `${summary.slice(0, MAX - 1)}…` : summary;
}

const networkNames = (strapi: Core.Strapi): Record<string, string> =>
  Object.fromEntries(registeredNetworks(strapi).map((network) => [network.id, network.name]));

export function summariseVariants(strapi: Core.Strapi): void {
  let names: Record<string, string> | undefined;
  strapi.documents.use(async (context, next) => {
    const data = (context.params as { data?: { variants?: unknown } } | undefined)?.data;
    if (context.uid === POST_UID && WRITES.has(context.action) && Array.isArray(data?.variants)) {
      for (const variant of data.variants as Array<Record<string, unknown>>) {
        if (variant && typeof variant === 'object')
          variant.summary = variantSummary(variant.network, variant.text, (names ??= networkNames(strapi)));
      }
    }
    return next();
  });
}

/** Variants saved before summaries existed get theirs (a few rows, once). */
export async function backfillVariantSummaries(strapi: Core.Strapi): Promise<void> {
  const names = networkNames(strapi);
  const variants = strapi.db.query(VARIANT_UID as any);
  const missing = await variants.findMany({
    where: { summary: { $null: true } },
    select: ['id', 'network', 'text'],
  });
  for (const row of missing as Array<{ id: number; network: string; text: string }>)
    await variants.update({
      where: { id: row.id },
      data: { summary: variantSummary(row.network, row.text, names) },
    });
}
