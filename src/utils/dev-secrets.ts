/**
 * Development values for the secrets, so that `npm run develop` works with no `.env`. They are derived
 * from public names, so anyone can compute them: `src/bootstrap/secrets.ts` fills them in only when
 * development defaults are allowed, and refuses them everywhere else.
 */
import { createHash } from 'node:crypto';

export function devSecret(name: string): string {
  return createHash('sha256').update(`porte-voix-development-only:${name}`).digest('base64');
}
