/** Social accounts: credentials are encrypted here and only ever leave decrypted towards a provider. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { providerFor, type Credentials, type NetworkId, type ProviderAccount } from '../providers';
import { ACCOUNT_UID, DELIVERY_UID } from '../repositories/uids';
import { credentialsHint, decryptCredentials, encryptCredentials, encryptionKey } from '../utils/credentials';

export type AccountInput = {
  network: NetworkId;
  name: string;
  baseUrl?: string;
  language?: string | null;
  credentials?: Credentials;
};

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
};

function toPublic(row: any): PublicAccount {
  return {
    id: row.id,
    network: row.network,
    name: row.name,
    baseUrl: row.baseUrl,
    language: row.language ?? null,
    credentialsHint: row.credentialsHint ?? {},
    rateLimitedUntil: row.rateLimitedUntil ? new Date(row.rateLimitedUntil).toISOString() : null,
    rateLimitReason: row.rateLimitReason ?? null,
  };
}

const accountsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const key = encryptionKey();
  const query = () => strapi.db.query(ACCOUNT_UID);

  function missingRequired(network: NetworkId, credentials: Credentials): string[] {
    return providerFor(network)
      .credentialFields.filter((f) => f.required && !credentials[f.name])
      .map((f) => f.name);
  }

  function sealed(network: NetworkId, credentials: Credentials) {
    const fields = providerFor(network).credentialFields;
    // Only the fields the network knows: nothing else is stored.
    const kept = Object.fromEntries(
      fields.filter((f) => credentials[f.name]).map((f) => [f.name, credentials[f.name]])
    );
    return {
      credentialsEncrypted: encryptCredentials(kept, key),
      credentialsHint: credentialsHint(kept, fields),
    };
  }

  return {
    async list(): Promise<PublicAccount[]> {
      return (await query().findMany({ orderBy: [{ network: 'asc' }, { name: 'asc' }] })).map(toPublic);
    },

    async findPublic(id: number): Promise<PublicAccount | null> {
      const row = await query().findOne({ where: { id } });
      return row ? toPublic(row) : null;
    },

    async create(input: AccountInput): Promise<PublicAccount> {
      const credentials = input.credentials ?? {};
      const missing = missingRequired(input.network, credentials);
      if (missing.length > 0) {
        throw new errors.ValidationError(
          `A ${providerFor(input.network).displayName} account needs: ${missing.join(', ')}.`
        );
      }
      const row = await query().create({
        data: {
          network: input.network,
          name: input.name,
          baseUrl: input.baseUrl || providerFor(input.network).defaultBaseUrl,
          language: input.language ?? null,
          ...sealed(input.network, credentials),
        },
      });
      return toPublic(row);
    },

    /** Credentials given are merged into the stored ones: an editor re-types only what changed. */
    async update(id: number, input: Partial<AccountInput>): Promise<PublicAccount | null> {
      const existing = await query().findOne({ where: { id } });
      if (!existing) return null;
      if (input.network && input.network !== existing.network) {
        throw new errors.ValidationError('The network of an account cannot change: create another account.');
      }
      const data: Record<string, unknown> = {};
      if (input.name !== undefined) data.name = input.name;
      if (input.baseUrl !== undefined)
        data.baseUrl = input.baseUrl || providerFor(existing.network).defaultBaseUrl;
      if (input.language !== undefined) data.language = input.language;
      if (input.credentials) {
        const merged = { ...decryptCredentials(existing.credentialsEncrypted, key), ...input.credentials };
        Object.assign(data, sealed(existing.network, merged), {
          rateLimitedUntil: null,
          rateLimitReason: null,
        });
      }
      return toPublic(await query().update({ where: { id }, data }));
    },

    /** Deleting an account cancels what it still had to publish. */
    async remove(id: number): Promise<boolean> {
      const existing = await query().findOne({ where: { id } });
      if (!existing) return false;
      await strapi.db.query(DELIVERY_UID).updateMany({
        where: { accountId: id, status: { $in: ['scheduled', 'retrying', 'unconfirmed'] } },
        data: { status: 'cancelled', failureReason: 'The account was deleted.', nextAttemptAt: null },
      });
      await query().delete({ where: { id } });
      return true;
    },

    /** The account as a provider sees it (decrypted credentials): server-side only. */
    async forProvider(id: number): Promise<ProviderAccount | null> {
      const row = await query().findOne({ where: { id } });
      if (!row) return null;
      return {
        id: row.id,
        network: row.network,
        baseUrl: row.baseUrl,
        language: row.language,
        credentials: decryptCredentials(row.credentialsEncrypted, key),
      };
    },

    /** Keeps refreshed tokens (and sessions) without changing the hint an editor sees. */
    async saveCredentials(id: number, credentials: Credentials): Promise<void> {
      await query().update({
        where: { id },
        data: { credentialsEncrypted: encryptCredentials(credentials, key) },
      });
    },

    async waitUntil(id: number, until: Date, reason: string): Promise<void> {
      await query().update({ where: { id }, data: { rateLimitedUntil: until, rateLimitReason: reason } });
    },
  };
};

export type AccountsService = ReturnType<typeof accountsService>;
export default accountsService;
