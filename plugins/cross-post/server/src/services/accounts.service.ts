/** Social accounts: credentials are encrypted here and only ever leave decrypted towards a provider. */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { conflict } from '@porte-voix/kit/http-errors';

import {
  isNetworkId,
  providerFor,
  type Credentials,
  type DailyUsage,
  type NetworkId,
  type ProviderAccount,
} from '../providers';
import { deliveriesRepository } from '../repositories/deliveries.repository';
import { directChannelsRepository } from '../repositories/direct-channels.repository';
import { accountsRepository, quotaLedgerOf, type AccountRow } from '../repositories/accounts.repository';
import { PLUGIN_ID } from '../plugin-id';
import { getService } from '../utils/get-service';
import {
  AccountUnusableError,
  credentialsHint,
  CredentialsUnreadableError,
  decryptCredentials,
  decryptLegacyCredentials,
  encryptCredentials,
  encryptionKey,
  type CredentialsBinding,
} from '../utils/credentials';
import { developmentDefaultsAllowed } from '../utils/environment';
import { fixedApiHost, normalizeBaseUrl, sameHost } from '../utils/hosts';

export type AccountInput = {
  network: NetworkId;
  name: string;
  baseUrl?: string;
  language?: string | null;
  credentials?: Credentials;
};

/** Who holds a token-refresh lock: this process. */
const REFRESHER = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
/** How long a refresh may hold the lock, and how long the others wait for its result. */
const REFRESH_LOCK_MS = 30_000;
const REFRESH_POLL_MS = 200;

/** What any API returns: never the credentials, a hint at most. */
export type PublicAccount = {
  id: number;
  network: NetworkId;
  name: string;
  baseUrl: string;
  language: string | null;
  credentialsHint: Record<string, string>;
  rateLimitedUntil: string | null;
  rateLimitReason: string | null;
  /** Today's use of a budget the network counts per day (YouTube's quota units), where it has one. */
  usage: DailyUsage | null;
};

function toPublic(row: AccountRow): PublicAccount {
  const provider = isNetworkId(row.network) ? providerFor(row.network) : null;
  return {
    id: row.id,
    network: row.network as NetworkId,
    name: row.name,
    baseUrl: row.baseUrl,
    language: row.language ?? null,
    credentialsHint: row.credentialsHint ?? {},
    rateLimitedUntil: row.rateLimitedUntil ? new Date(row.rateLimitedUntil).toISOString() : null,
    rateLimitReason: row.rateLimitReason ?? null,
    usage: provider?.dailyUsage?.(quotaLedgerOf(row), row.credentialsHint ?? {}) ?? null,
  };
}

/** A documentId for a new account (the Document Service's shape): the ciphertext is bound to it before the insert. */
function newDocumentId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(24), (byte) => alphabet[byte % alphabet.length]).join('');
}

const accountsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let cachedKey: Buffer | null = null;
  const key = () => (cachedKey ??= encryptionKey(process.env, developmentDefaultsAllowed(strapi)));
  const accounts = accountsRepository(strapi);
  const apiBaseUrls = () =>
    (strapi.plugin(PLUGIN_ID).config('apiBaseUrls') as Record<string, string> | undefined) ?? {};

  function missingRequired(network: NetworkId, credentials: Credentials): string[] {
    return providerFor(network)
      .credentialFields.filter((f) => f.required && !credentials[f.name])
      .map((f) => f.name);
  }

  /** The base URL an account may have: any server on self-hosted networks, the one API host otherwise. */
  function allowedBaseUrl(network: NetworkId, requested: string | undefined): string {
    const provider = providerFor(network);
    const fixed = fixedApiHost(provider, apiBaseUrls());
    if (!fixed) {
      const url = requested || provider.defaultBaseUrl;
      // Self-hosted networks without a common server (a WordPress site, a Discourse forum) need the account's own.
      if (!url)
        throw new errors.ValidationError(
          `baseUrl: give the address of the ${provider.displayName} site; ${provider.displayName} has no default server.`,
          { reason: 'base_url_required', field: 'baseUrl' }
        );
      return normalizeBaseUrl(url);
    }
    if (requested && !sameHost(requested, fixed)) {
      throw new errors.ValidationError(
        `baseUrl: ${provider.displayName} has one API host (${fixed}); its credentials are never sent anywhere else. Leave baseUrl empty.`,
        { reason: 'fixed_api_host', field: 'baseUrl' }
      );
    }
    return fixed;
  }

  function sealed(network: NetworkId, credentials: Credentials, binding: CredentialsBinding) {
    const fields = providerFor(network).credentialFields;
    // Only the fields the network knows: nothing else is stored.
    const kept = Object.fromEntries(
      fields.filter((f) => credentials[f.name]).map((f) => [f.name, credentials[f.name]])
    );
    return {
      credentialsEncrypted: encryptCredentials(kept, key(), binding),
      credentialsHint: credentialsHint(kept, fields),
    };
  }

  const bindingOf = (row: Pick<AccountRow, 'documentId' | 'network' | 'baseUrl'>): CredentialsBinding => ({
    documentId: row.documentId,
    network: row.network,
    baseUrl: row.baseUrl,
  });

  /** The stored credentials, or CredentialsUnreadableError (key changed, ciphertext not this account's). */
  function readCredentials(row: AccountRow): Credentials {
    try {
      return decryptCredentials(row.credentialsEncrypted, key(), bindingOf(row));
    } catch {
      throw new CredentialsUnreadableError(row.id);
    }
  }

  /** A bot added, changed or gone: the gateway sessions follow now rather than at their next look. */
  const gatewaySync = () => void getService(strapi, 'gateway').sync();

  function requireAll(network: NetworkId, credentials: Credentials, why: string) {
    const missing = missingRequired(network, credentials);
    if (missing.length > 0) {
      throw new errors.ValidationError(`${why}: ${missing.join(', ')}.`, {
        reason: 'credentials_missing',
        field: 'credentials',
        missing,
      });
    }
  }

  return {
    async list(): Promise<PublicAccount[]> {
      return (await accounts.list()).map(toPublic);
    },

    async findPublic(id: number): Promise<PublicAccount | null> {
      const row = await accounts.findById(id);
      return row ? toPublic(row) : null;
    },

    async create(input: AccountInput): Promise<PublicAccount> {
      const credentials = input.credentials ?? {};
      const baseUrl = allowedBaseUrl(input.network, input.baseUrl);
      requireAll(input.network, credentials, `A ${providerFor(input.network).displayName} account needs`);
      const documentId = newDocumentId();
      const row = await accounts.create({
        documentId,
        network: input.network,
        name: input.name,
        baseUrl,
        language: input.language ?? null,
        ...sealed(input.network, credentials, { documentId, network: input.network, baseUrl }),
      });
      gatewaySync();
      return toPublic(row);
    },

    /**
     * Credentials given are merged into the stored ones: an editor re-types only what changed. A new
     * host, or stored credentials that cannot be read, need all of them again: nothing stored is
     * ever sent to a host it was not entered for.
     */
    async update(id: number, input: Partial<AccountInput>): Promise<PublicAccount | null> {
      const existing = await accounts.findById(id);
      if (!existing) return null;
      const network = existing.network as NetworkId;
      if (input.network && input.network !== network) {
        throw new errors.ValidationError('The network of an account cannot change: create another account.', {
          reason: 'network_immutable',
          field: 'network',
        });
      }
      const data: Partial<AccountRow> = {};
      if (input.name !== undefined) data.name = input.name;
      if (input.language !== undefined) data.language = input.language;
      const baseUrl = input.baseUrl !== undefined ? allowedBaseUrl(network, input.baseUrl) : existing.baseUrl;
      const hostChanged = !sameHost(baseUrl, existing.baseUrl);
      if (hostChanged || input.credentials) {
        const given = input.credentials ?? {};
        let credentials: Credentials;
        if (hostChanged) {
          requireAll(
            network,
            given,
            `Changing baseUrl sends the credentials to another host: enter them again in credentials`
          );
          credentials = given;
        } else {
          let stored: Credentials | null = null;
          try {
            stored = readCredentials(existing);
          } catch {
            requireAll(
              network,
              given,
              'The stored credentials cannot be read (CROSS_POST_ENCRYPTION_KEY changed?): enter all of them again in credentials'
            );
          }
          credentials = { ...(stored ?? {}), ...given };
          requireAll(network, credentials, `A ${providerFor(network).displayName} account needs`);
        }
        // New credentials: what the old ones met (waits, a refused token) no longer holds, and a new
        // bot's update stream starts over (an old offset would skip all of it).
        Object.assign(data, sealed(network, credentials, { ...bindingOf(existing), baseUrl }), {
          baseUrl,
          rateLimitedUntil: null,
          rateLimitReason: null,
          metricsPausedUntil: null,
          metricsPauseReason: null,
          reconnectReason: null,
          repliesCursor: null,
        });
      }
      const updated = await accounts.update(id, data);
      if (input.credentials || hostChanged) gatewaySync();
      return toPublic(updated);
    },

    /**
     * Deleting an account cancels what it still had to publish. What the network already holds for
     * it (a post scheduled on the blog or channel) is taken back first: once the account is gone,
     * nothing could take it back. One that will not come back keeps the account, with why (409).
     */
    async remove(id: number): Promise<boolean> {
      const existing = await accounts.findById(id);
      if (!existing) return false;
      const held = await deliveriesRepository(strapi).findMany({ accountId: id, status: 'handed' });
      for (const row of held) {
        await getService(strapi, 'deliveries')
          .cancel(row.id)
          .catch((error: Error) => {
            throw conflict(
              `The account still has "${row.postTitle}" scheduled on the network, which did not take it back: ${error.message} The account was not deleted.`,
              { reason: 'account_holds_posts', deliveryId: row.id }
            );
          });
      }
      await deliveriesRepository(strapi).cancelForAccount(id);
      await directChannelsRepository(strapi).removeForAccount(id);
      await accounts.remove(id);
      gatewaySync();
      return true;
    },

    /**
     * The account as a provider sees it (decrypted credentials): server-side only. Throws
     * AccountUnusableError when nothing may be sent with it until an editor fixes it.
     */
    async forProvider(id: number): Promise<ProviderAccount | null> {
      const row = await accounts.findById(id);
      if (!row) return null;
      const network = row.network as NetworkId;
      const fixed = fixedApiHost(providerFor(network), apiBaseUrls());
      if (fixed && !sameHost(row.baseUrl, fixed)) {
        throw new AccountUnusableError(
          `The account points at ${row.baseUrl}, not at the ${providerFor(network).displayName} API (${fixed}): edit it and enter its credentials again.`
        );
      }
      return {
        id: row.id,
        network,
        baseUrl: row.baseUrl,
        language: row.language,
        credentials: readCredentials(row),
        quota: quotaLedgerOf(row),
      };
    },

    /** Adds units to the account's quota ledger, atomically; `account.quota` then reads the ledger as it stands. */
    async spendQuota(account: ProviderAccount, quotaDay: string, units: number): Promise<void> {
      account.quota = await accounts.spendQuotaUnits(account.id, quotaDay, units);
    },

    /** Keeps refreshed tokens (and sessions) without changing the hint an editor sees. */
    /**
     * Refreshes an account's expired token once across all instances. Networks rotate refresh
     * tokens (X): two instances refreshing with the same one log each other out. So: credentials
     * already replaced since `used` was read are taken as they are; otherwise one instance takes the
     * account's refresh lock and calls `refresh`, and the others wait for the new credentials.
     */
    async refreshOnce(used: ProviderAccount, refresh: () => Promise<Credentials>): Promise<ProviderAccount> {
      const same = (credentials: Credentials) =>
        JSON.stringify(credentials) === JSON.stringify(used.credentials);
      const deadline = Date.now() + REFRESH_LOCK_MS;
      for (;;) {
        const row = await accounts.findById(used.id);
        if (!row) throw new AccountUnusableError('The account was deleted.');
        const stored = readCredentials(row);
        if (!same(stored)) return { ...used, credentials: stored };
        if (await accounts.takeRefreshLock(used.id, REFRESHER, REFRESH_LOCK_MS)) {
          try {
            // Another instance may have finished between the read and the lock.
            const now = readCredentials((await accounts.findById(used.id)) ?? row);
            if (!same(now)) return { ...used, credentials: now };
            const credentials = await refresh();
            await accounts.update(used.id, {
              credentialsEncrypted: encryptCredentials(credentials, key(), bindingOf(row)),
            });
            return { ...used, credentials };
          } finally {
            await accounts.releaseRefreshLock(used.id, REFRESHER);
          }
        }
        if (Date.now() > deadline)
          throw new Error(
            'Another instance is refreshing this account’s token and has not finished; trying again later.'
          );
        await new Promise((resolve) => setTimeout(resolve, REFRESH_POLL_MS));
      }
    },

    /**
     * Ciphertexts written before they were bound to their account (v1) are sealed again, bound, at
     * boot; a row changed meanwhile (another instance, a token refresh) is left to that writer.
     */
    async bindLegacyCredentials(): Promise<{ bound: number; unreadable: number }> {
      const rows = await accounts.withUnboundCredentials();
      let bound = 0;
      let unreadable = 0;
      for (const row of rows) {
        let credentials: Credentials;
        try {
          credentials = decryptLegacyCredentials(row.credentialsEncrypted, key());
        } catch {
          unreadable += 1;
          continue;
        }
        const replaced = await accounts.replaceCredentialsIf(
          row.id,
          row.credentialsEncrypted,
          encryptCredentials(credentials, key(), bindingOf(row))
        );
        if (replaced) bound += 1;
      }
      return { bound, unreadable };
    },

    async waitUntil(id: number, until: Date, reason: string): Promise<void> {
      await accounts.setRateLimit(id, until, reason);
    },
  };
};

export type AccountsService = ReturnType<typeof accountsService>;
export default accountsService;
