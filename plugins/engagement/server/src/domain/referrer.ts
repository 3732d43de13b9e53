/**
 * Only the host of the page a visitor came from is kept (`mastodon.social`, `t.co`): the full
 * address may carry a search, a name or a token.
 */
export function referrerHost(header: string | string[] | null | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const host = url.hostname.toLowerCase();
    return host.length > 0 && host.length <= 255 ? host : null;
  } catch {
    return null;
  }
}
