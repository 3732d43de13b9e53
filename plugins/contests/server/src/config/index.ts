import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * Plugin settings. Every value has a development default read from the environment, so the app
 * starts with no `.env`; in production the IP-hashing secret has no default (bootstrap refuses to
 * start without it).
 */
export const configSchema = z.object({
  /** HMAC key for entrant IPs: only the hash is stored. CONTESTS_IP_HASH_SECRET. */
  ipHashSecret: z.string().min(16, 'CONTESTS_IP_HASH_SECRET must be at least 16 characters').optional(),
  rateLimit: z.object({
    /** Entry attempts accepted per IP within the window (CONTESTS_RATE_LIMIT_MAX). */
    max: z.number().int().positive(),
    windowSeconds: z.number().int().positive(),
  }),
  fraud: z.object({
    ipEntryThreshold: z.number().int().min(2),
    burstThreshold: z.number().int().min(2),
    burstWindowSeconds: z.number().int().positive(),
    extraDisposableDomains: z.array(z.string().toLowerCase()),
  }),
  /** How often claim deadlines and retention purges are checked (0 = never, e.g. in tests). */
  sweepIntervalMinutes: z.number().int().min(0),
  /** Public base URL of the API, quoted in the generated rules (e.g. https://api.example.org). */
  publicUrl: z.string().url().optional(),
});

/** Written out rather than inferred: the server tsconfig is not strict, which makes inferred keys optional. */
export type ContestsConfig = {
  ipHashSecret?: string;
  rateLimit: { max: number; windowSeconds: number };
  fraud: {
    ipEntryThreshold: number;
    burstThreshold: number;
    burstWindowSeconds: number;
    extraDisposableDomains: string[];
  };
  sweepIntervalMinutes: number;
  publicUrl?: string;
};

const developmentSecret = () =>
  process.env.NODE_ENV === 'production'
    ? undefined
    : createHash('sha256').update('porte-voix-development-only:contests-ip-hash').digest('hex');

export default {
  default: ({ env }: { env: any }) => ({
    ipHashSecret: env('CONTESTS_IP_HASH_SECRET', developmentSecret()),
    rateLimit: {
      max: env.int('CONTESTS_RATE_LIMIT_MAX', 20),
      windowSeconds: env.int('CONTESTS_RATE_LIMIT_WINDOW_SECONDS', 60),
    },
    fraud: {
      ipEntryThreshold: env.int('CONTESTS_IP_ENTRY_THRESHOLD', 5),
      burstThreshold: env.int('CONTESTS_BURST_THRESHOLD', 3),
      burstWindowSeconds: env.int('CONTESTS_BURST_WINDOW_SECONDS', 60),
      extraDisposableDomains: env.array('CONTESTS_EXTRA_DISPOSABLE_DOMAINS', []),
    },
    sweepIntervalMinutes: env.int('CONTESTS_SWEEP_INTERVAL_MINUTES', 15),
    publicUrl: env('CONTESTS_PUBLIC_URL', undefined),
  }),
  validator(config: unknown) {
    configSchema.parse(config);
  },
};
