import type { Core } from '@strapi/strapi';

import type { AccountsService } from '../services/accounts.service';
import type { ComposeService } from '../services/compose.service';
import type { DeliveriesService } from '../services/deliveries.service';
import type { DispatcherService } from '../services/dispatcher.service';
import { PLUGIN_ID } from '../plugin-id';

type Services = {
  accounts: AccountsService;
  compose: ComposeService;
  deliveries: DeliveriesService;
  dispatcher: DispatcherService;
};

export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] {
  return strapi.plugin(PLUGIN_ID).service(name) as Services[K];
}
