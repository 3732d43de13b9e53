import { z } from 'zod';

/**
 * Plugin settings, read from the environment. The IP-hashing secret has no default here: register
 * (ip-hash-secret.ts) supplies the development value only under `strapi develop` or in tests, and
 * refuses to boot otherwise.
 */
export const configSchema = z.object({
  /** HMAC key for entrant IPs: only the hash is stored. CONTESTS_IP_HASH_SECRET. */
  ipHashSecret: z.string().optional(),
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
  outbox: z.object({
    /** Tries before a message is given up as failed (CONTESTS_EMAIL_MAX_ATTEMPTS). */
    maxAttempts: z.number().int().min(1).max(20),
    /** How long an instance holds a message it is sending before another may take it over. */
    leaseSeconds: z.number().int().min(10),
    /** How often each instance sends what is due (0 = only right after a draw or an entry). */
    intervalSeconds: z.number().int().min(0),
  }),
  confirmation: z.object({
    /** Unconfirmed entries (double opt-in) are deleted this long after they were made. */
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30),
    /** The page of the frontend that confirms; the e-mail links to it with `?token=`. */
    url: z.string().url().optional(),
  }),
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
  outbox: { maxAttempts: number; leaseSeconds: number; intervalSeconds: number };
  confirmation: { hours: number; url?: string };
  publicUrl?: string;
};

export default {
  default: ({ env }: { env: any }) => ({
    ipHashSecret: env('CONTESTS_IP_HASH_SECRET', undefined) || undefined,
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
    outbox: {
      maxAttempts: env.int('CONTESTS_EMAIL_MAX_ATTEMPTS', 6),
      leaseSeconds: env.int('CONTESTS_EMAIL_LEASE_SECONDS', 120),
      intervalSeconds: env.int('CONTESTS_EMAIL_INTERVAL_SECONDS', 30),
    },
    confirmation: {
      hours: env.int('CONTESTS_CONFIRMATION_HOURS', 48),
      url: env('CONTESTS_CONFIRMATION_URL', undefined) || undefined,
    },
    publicUrl: env('CONTESTS_PUBLIC_URL', undefined),
  }),
  validator(config: unknown) {
    configSchema.parse(config);
  },
};
