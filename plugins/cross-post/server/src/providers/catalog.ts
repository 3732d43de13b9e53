/** The networks as the admin sees them, read from each provider's declarations: the one source of truth. */
import { providers } from './index';
import type { NetworkId, ProviderLimits } from './types';

export type NetworkDescription = {
  id: NetworkId;
  label: string;
  credentialFields: { name: string; labelKey: string; secret: boolean; required: boolean }[];
  selfHosted: boolean;
  defaultBaseUrl: string;
  limits: ProviderLimits;
};

export function describeNetworks(): NetworkDescription[] {
  return Object.values(providers).map((provider) => ({
    id: provider.network,
    label: provider.displayName,
    credentialFields: provider.credentialFields.map((field) => ({
      ...field,
      labelKey: `credential.${field.name}`,
    })),
    selfHosted: provider.selfHosted,
    defaultBaseUrl: provider.defaultBaseUrl,
    limits: provider.limits,
  }));
}
