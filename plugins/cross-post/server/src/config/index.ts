import { z } from 'zod';

import { demoApiBaseUrls } from '../demo-accounts';
import { NETWORKS } from '../providers';

/** Plugin config (config/plugins.ts `cross-post.config`), every key with an env override. */
export const configSchema = z.object({
  /** Run the dispatcher on this instance (CROSS_POST_DISPATCHER=false turns it off). */
  dispatcherEnabled: z.boolean(),
  /**
   * Hold a Discord gateway session for each account with a bot, to hear its direct messages
   * (CROSS_POST_DISCORD_GATEWAY=false turns it off on this instance).
   */
  discordGateway: z.boolean().default(true),
  /** node-schedule safety tick, in seconds (CROSS_POST_TICK_SECONDS). */
  tickSeconds: z.number().int().min(1).max(3600),
  /** How long a claim holds a delivery before another instance may recover it (CROSS_POST_LEASE_MS). */
  leaseMs: z.number().int().min(1000),
  /** Deliveries claimed per round, and published at once (CROSS_POST_BATCH, CROSS_POST_CONCURRENCY). */
  batchSize: z.number().int().min(1).max(500),
  concurrency: z.number().int().min(1).max(100),
  /** Attempts before a retryable failure becomes `failed`. */
  maxAttempts: z.number().int().min(1).max(100),
  /** How long to wait before looking an unconfirmed post up, and how many looks before re-sending. */
  reconcileDelayMs: z.number().int().min(0),
  reconcileChecks: z.number().int().min(1).max(20),
  /** Public URL of this server, so networks that fetch media themselves can (defaults to server.url). */
  publicUrl: z.string().url().optional(),
  /**
   * The API host of networks that have only one (X, Facebook, LinkedIn, Discord, Telegram), when it
   * is not the real one: local fakes in tests and demos. Server config only (CROSS_POST_API_BASE_URLS,
   * JSON): no admin can point an account's token at another host.
   */
  apiBaseUrls: z
    .record(
      z.enum(NETWORKS),
      z
        .string()
        .url()
        .regex(/^https?:\/\//)
    )
    .default({}),
});

export type CrossPostConfig = z.infer<typeof configSchema>;

const env = process.env;
const number = (value: string | undefined, fallback: number) =>
  value && Number.isFinite(Number(value)) ? Number(value) : fallback;

function jsonObject(value: string | undefined): Record<string, unknown> {
  if (!value) return {};
  try {
    return JSON.parse(value);
  } catch {
    throw new Error('CROSS_POST_API_BASE_URLS must be JSON, e.g. {"telegram":"http://127.0.0.1:4107"}.');
  }
}

export default {
  default: (): CrossPostConfig => ({
    dispatcherEnabled: env.CROSS_POST_DISPATCHER !== 'false',
    discordGateway: env.CROSS_POST_DISCORD_GATEWAY !== 'false',
    tickSeconds: number(env.CROSS_POST_TICK_SECONDS, 5),
    leaseMs: number(env.CROSS_POST_LEASE_MS, 60_000),
    batchSize: number(env.CROSS_POST_BATCH, 200),
    concurrency: number(env.CROSS_POST_CONCURRENCY, 32),
    maxAttempts: number(env.CROSS_POST_MAX_ATTEMPTS, 8),
    reconcileDelayMs: number(env.CROSS_POST_RECONCILE_DELAY_MS, 10_000),
    reconcileChecks: number(env.CROSS_POST_RECONCILE_CHECKS, 5),
    ...(env.CROSS_POST_PUBLIC_URL && { publicUrl: env.CROSS_POST_PUBLIC_URL }),
    apiBaseUrls: { ...demoApiBaseUrls(env), ...jsonObject(env.CROSS_POST_API_BASE_URLS) },
  }),
  validator(config: unknown) {
    configSchema.parse(config);
  },
};
