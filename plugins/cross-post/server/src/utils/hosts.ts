/** Where an account's credentials may be sent: its own server on self-hosted networks, else the network's one API host. */
import type { Provider } from '../providers/types';

export function normalizeBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** The one host of a network that has one (the server config may point it at a fake); null when self-hosted. */
export function fixedApiHost(
  provider: Provider,
  apiBaseUrls: Record<string, string | undefined>
): string | null {
  if (provider.selfHosted) return null;
  return normalizeBaseUrl(apiBaseUrls[provider.network] ?? provider.defaultBaseUrl);
}

export function sameHost(a: string, b: string): boolean {
  return normalizeBaseUrl(a).toLowerCase() === normalizeBaseUrl(b).toLowerCase();
}
