/** What a tracked link redirects to: its one configured destination, with UTM parameters. */

export const UTM_FIELDS = ['source', 'medium', 'campaign', 'term', 'content'] as const;
export type UtmField = (typeof UTM_FIELDS)[number];
export type Utm = Partial<Record<UtmField, string | null | undefined>>;

export const MAX_DESTINATION_LENGTH = 2048;

export type DestinationProblem = 'not_a_url' | 'not_http' | 'has_credentials' | 'too_long';

/**
 * The destination as it will be stored, or why it cannot be one: an absolute http(s) URL with a host,
 * no `user:password@` (a classic way to disguise where a link goes), at most 2,048 characters once
 * normalised (what browsers and every network accept).
 */
export function normaliseDestination(raw: string): { url: string } | { problem: DestinationProblem } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { problem: 'not_a_url' };
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname)
    return { problem: 'not_http' };
  if (url.username || url.password) return { problem: 'has_credentials' };
  const normalised = url.toString();
  if (normalised.length > MAX_DESTINATION_LENGTH) return { problem: 'too_long' };
  return { url: normalised };
}

/**
 * The redirect's Location: the stored destination, its query string kept, with the link's own UTM
 * values (which win over anything) and the campaign's defaults for the parameters still missing.
 * Nothing from the request takes part: the target cannot be changed by whoever follows the link.
 */
export function redirectLocation(destination: string, linkUtm: Utm, campaignUtm: Utm | null): string {
  const url = new URL(destination);
  for (const field of UTM_FIELDS) {
    const own = linkUtm[field]?.trim();
    if (own) {
      url.searchParams.set(`utm_${field}`, own);
      continue;
    }
    const fallback = campaignUtm?.[field]?.trim();
    if (fallback && !url.searchParams.has(`utm_${field}`)) url.searchParams.set(`utm_${field}`, fallback);
  }
  return url.toString();
}
