/**
 * Development defaults for secrets, so that `npm run develop` works with no `.env`.
 * In production there is no default: the setting stays empty and Strapi refuses to start with
 * its own message naming the missing secret (a build still works without secrets).
 */
import { createHash } from 'node:crypto';

export function devSecret(name: string): string | undefined {
  if (process.env.NODE_ENV === 'production') {
    return undefined;
  }
  return createHash('sha256').update(`porte-voix-development-only:${name}`).digest('base64');
}
