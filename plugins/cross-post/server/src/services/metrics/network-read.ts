/**
 * One read from a network as an account (metrics, followers, replies), with publishing first: an
 * account that is rate limited for publishing, or has posts due, is not read; a 429 pauses the
 * account's reads (and its publishing only where the network counts both against one budget); an
 * expired token is refreshed as for publishing; a refused one asks for a reconnection. Credentials
 * are decrypted here, inside cross-post, and never leave it.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ReadFailureReason } from '@porte-voix/kit/contracts';

import { providerFor, type ErrorVerdict, type Provider, type ProviderAccount } from '../../providers';
import { providerContext } from '../../providers/http';
import type { ProviderContext } from '../../providers/types';
import { accountsRepository, type AccountReadState } from '../../repositories/accounts.repository';
import { deliveriesRepository } from '../../repositories/deliveries.repository';
import { AccountUnusableError, redactSecrets } from '../../utils/credentials';
import { getService } from '../../utils/get-service';

export type { ReadFailureReason } from '@porte-voix/kit/contracts';

export type ReadFailure = {
  ok: false;
  /** When this account may be asked again (the network's own signal), null when it needs a human. */
  retryAt: string | null;
  reason: ReadFailureReason;
  message: string;
};

/** A network's read request may not hold a collector longer than this. */
const READ_TIMEOUT_MS = 15_000;
/** Posts due on the account go out within a dispatcher tick or two: ask again after this. */
const PUBLISHING_FIRST_MS = 60_000;
/** A 429 that names no wait. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 15 * 60_000;
/** A 5xx, a timeout, a connection that died. */
const NETWORK_ERROR_WAIT_MS = 5 * 60_000;
/** The network refused the request itself (not the token): someone should look, but not every minute. */
const REFUSED_WAIT_MS = 6 * 3_600_000;

/** Narrows an answer to its failure (the server tsconfig is not strict: `ok` alone does not narrow). */
export const isReadFailure = (answer: { ok: boolean }): answer is ReadFailure => answer.ok === false;

const failure = (reason: ReadFailureReason, retryAt: Date | null, message: string): ReadFailure => ({
  ok: false,
  reason,
  retryAt: retryAt ? retryAt.toISOString() : null,
  message,
});

export function createNetworkReader(strapi: Core.Strapi) {
  const state = accountsRepository(strapi);
  const deliveries = deliveriesRepository(strapi);
  const accounts = () => getService(strapi, 'accounts');

  /** Why this account may not be read now, if it may not. */
  async function heldBack(account: AccountReadState, now: Date): Promise<ReadFailure | null> {
    if (account.rateLimitedUntil && account.rateLimitedUntil > now) {
      return failure(
        'paused_for_publishing',
        account.rateLimitedUntil,
        `Publishing on this account waits for the network until ${account.rateLimitedUntil.toISOString()}; reading waits too.`
      );
    }
    if (await deliveries.hasDueForAccount(account.id, now)) {
      return failure(
        'paused_for_publishing',
        new Date(now.getTime() + PUBLISHING_FIRST_MS),
        'Posts are being published on this account: they go first.'
      );
    }
    if (account.metricsPausedUntil && account.metricsPausedUntil > now) {
      return failure(
        'rate_limited',
        account.metricsPausedUntil,
        account.metricsPauseReason ?? 'The network asked to wait before reading again.'
      );
    }
    return null;
  }

  /** What the verdict on a failed read means for the account, recorded where it must be. */
  async function afterFailure(
    account: AccountReadState,
    provider: Provider,
    verdict: ErrorVerdict
  ): Promise<ReadFailure> {
    const now = Date.now();
    if (verdict.action === 'retry' && verdict.rateLimited) {
      const until = new Date(now + (verdict.waitMs ?? DEFAULT_RATE_LIMIT_WAIT_MS));
      await state.pauseMetrics(account.id, until, verdict.reason);
      // Mastodon and Facebook count reads and posts against one budget: publishing must wait too.
      if (
        provider.readsSharePublishingLimit &&
        !(account.rateLimitedUntil && account.rateLimitedUntil >= until)
      )
        await accounts().waitUntil(account.id, until, verdict.reason);
      return failure('rate_limited', until, verdict.reason);
    }
    if (verdict.action === 'retry' || verdict.action === 'unknown') {
      const waitMs =
        verdict.action === 'retry' ? (verdict.waitMs ?? NETWORK_ERROR_WAIT_MS) : NETWORK_ERROR_WAIT_MS;
      return failure('network_error', new Date(now + waitMs), verdict.reason);
    }
    if (verdict.action === 'refresh' || verdict.credentials) {
      const message =
        verdict.action === 'refresh' ? `${verdict.reason} Reconnect the account.` : verdict.reason;
      await state.needsReconnect(account.id, message);
      return failure('reconnect', null, message);
    }
    return failure('network_error', new Date(now + REFUSED_WAIT_MS), verdict.reason);
  }

  return {
    state,

    /**
     * Runs `read` as the account, or answers why not. Throws NotFoundError for an unknown account;
     * everything the network says is an answer, never an exception.
     */
    async read<T>(
      accountId: number,
      read: (provider: Provider, ctx: ProviderContext, account: AccountReadState) => Promise<T>
    ): Promise<{ ok: true; value: T } | ReadFailure> {
      const account = await state.readState(accountId);
      if (!account) {
        throw new errors.NotFoundError(`No cross-post account ${accountId}.`, {
          reason: 'account_not_found',
        });
      }
      const held = await heldBack(account, new Date());
      if (held) return held;

      let decrypted: ProviderAccount | null;
      try {
        decrypted = await accounts().forProvider(accountId);
      } catch (error) {
        if (!(error instanceof AccountUnusableError)) throw error;
        await state.needsReconnect(accountId, error.message);
        return failure('reconnect', null, error.message);
      }
      if (!decrypted)
        throw new errors.NotFoundError(`No cross-post account ${accountId}.`, {
          reason: 'account_not_found',
        });
      const provider = providerFor(decrypted.network);
      const classify = (error: unknown, as: ProviderAccount): ErrorVerdict => {
        const verdict = provider.classifyError(error);
        return {
          ...verdict,
          reason: redactSecrets(verdict.reason, as.credentials, provider.credentialFields),
        };
      };

      for (let refreshed = false; ; refreshed = true) {
        const current = decrypted;
        // The quota units a read spends (YouTube's) are counted on the account.
        const ctx = {
          ...providerContext(current, READ_TIMEOUT_MS),
          spendQuota: (quotaDay: string, units: number) => accounts().spendQuota(current, quotaDay, units),
        };
        try {
          const value = await read(provider, ctx, account);
          await state.readWentThrough(account);
          return { ok: true, value };
        } catch (error) {
          const verdict = classify(error, decrypted);
          if (verdict.action !== 'refresh' || !provider.refresh || refreshed)
            return afterFailure(account, provider, verdict);
          try {
            const refresh = provider.refresh.bind(provider);
            decrypted = await accounts().refreshOnce(decrypted, () => refresh(ctx));
          } catch (refreshError) {
            const refusal = classify(refreshError, decrypted);
            return afterFailure(
              account,
              provider,
              // A refresh that did not get through is tried again later; one that was refused needs a human.
              refusal.action === 'retry' || refusal.action === 'unknown'
                ? {
                    ...refusal,
                    action: 'retry',
                    reason: `Could not refresh the credentials: ${refusal.reason}`,
                  }
                : {
                    action: 'reject',
                    credentials: true,
                    reason: `Could not refresh the credentials (${refusal.reason}): reconnect the account.`,
                  }
            );
          }
        }
      }
    },
  };
}

export type NetworkReader = ReturnType<typeof createNetworkReader>;
