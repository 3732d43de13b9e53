/**
 * The networks cross-post publishes to, for the host app and the other plugins (which talk to it only
 * through services): ids in the registry's order and the names editors know them by. The host's
 * components that name a network (a post's variants, a campaign's KPI targets) offer exactly these.
 */
import { providers, type NetworkId } from '../providers';

export type RegisteredNetwork = { id: NetworkId; name: string };

const networksService = () => ({
  list(): RegisteredNetwork[] {
    return Object.values(providers).map((provider) => ({ id: provider.network, name: provider.displayName }));
  },
});

export default networksService;
