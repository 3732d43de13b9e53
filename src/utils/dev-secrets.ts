/**
 * Development defaults for secrets, so that `npm run develop` works with no `.env`.
 * In production every secret must come from the environment: the defaults refuse to serve there.
 */
import { createHash } from 'node:crypto';

export function devSecret(name: string): string {
  if (process.env.NODE_ENV === 'production') {
    throw new Error(
      `Missing secret in production: set the environment variable for "${name}" (see README, "Production").`
    );
  }
  return createHash('sha256').update(`porte-voix-development-only:${name}`).digest('base64');
}
