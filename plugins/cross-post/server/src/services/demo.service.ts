/**
 * The development demo, beyond its accounts (demo-accounts.ts): a publication history on the demo
 * accounts, and what the demo's audience did (demo/audience.ts) for the engagement plugin to write
 * its past. Refused outside development: only under `strapi develop` or the tests, with
 * CROSS_POST_DEMO_ACCOUNTS=true, the rule of the demo accounts themselves.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parse } from '@porte-voix/kit/server';

import { DEMO, demoEnabled } from '../demo-accounts';
import { demoFollowersAt, demoReadingAt } from '../demo/audience';
import {
  writePublicationHistory,
  type DemoAccount,
  type DemoPublication,
  type PublicationHistory,
} from '../demo/publication-history';
import type { DeliveryMetrics, NetworkId } from '../providers';
import { deliveriesRepository } from '../repositories/deliveries.repository';
import { developmentDefaultsAllowed } from '../utils/environment';
import { getService } from '../utils/get-service';
import { followersSchema, publicationPlanSchema, readingsSchema } from '../validators/demo.validators';

const demoService = ({ strapi }: { strapi: Core.Strapi }) => {
  function refuseOutsideDemo() {
    if (developmentDefaultsAllowed(strapi) && demoEnabled(process.env)) return;
    throw new errors.ForbiddenError(
      'The demo exists only under `strapi develop` (or the tests) with CROSS_POST_DEMO_ACCOUNTS=true.',
      { reason: 'demo_only' }
    );
  }

  /** The demo accounts still connected (an account renamed or removed by an editor is no longer one). */
  async function demoAccounts(): Promise<DemoAccount[]> {
    const accounts = await getService(strapi, 'accounts').list();
    return DEMO.flatMap((demo) => {
      const account = accounts.find((a) => a.network === demo.network && a.name === demo.name);
      return account
        ? [
            {
              id: account.id,
              network: demo.network,
              baseUrl: account.baseUrl,
              language: account.language,
              credentials: demo.credentials,
            },
          ]
        : [];
    });
  }

  async function demoAccount(accountId: number): Promise<DemoAccount> {
    const account = (await demoAccounts()).find((candidate) => candidate.id === accountId);
    if (!account)
      throw new errors.NotFoundError(`Account ${accountId} is not a demo account.`, {
        reason: 'not_a_demo_account',
      });
    return account;
  }

  return {
    /** The demo accounts, as other plugins may know them. */
    async accounts(): Promise<Array<{ accountId: number; network: NetworkId }>> {
      refuseOutsideDemo();
      return (await demoAccounts()).map((account) => ({ accountId: account.id, network: account.network }));
    },

    /**
     * Writes the demo's publications on the demo accounts, once: null when there is no demo account
     * or the demo accounts already have deliveries (a second boot adds nothing).
     */
    async seedPublicationHistory(
      plan: DemoPublication[],
      now = new Date()
    ): Promise<PublicationHistory | null> {
      refuseOutsideDemo();
      const publications = parse(publicationPlanSchema, plan) as DemoPublication[];
      const accounts = await demoAccounts();
      if (accounts.length === 0) return null;
      const deliveries = deliveriesRepository(strapi);
      for (const account of accounts)
        if ((await deliveries.findMany({ accountId: account.id }, 1)).length > 0) return null;
      const history = await writePublicationHistory(strapi, accounts, publications, now);
      strapi.log.info(
        `[cross-post] Demo history: ${history.published.length} deliveries published over the past weeks, ${history.scheduled.length} scheduled, ${history.failed.length} refused.`
      );
      return history;
    },

    /**
     * What the network showed of a demo post at each instant (one result per instant, the shape
     * of the metrics service's batches): the readings the collector would have taken.
     */
    async readings(query: {
      accountId: number;
      remoteId: string;
      instants: Date[];
    }): Promise<DeliveryMetrics[]> {
      refuseOutsideDemo();
      const { accountId, remoteId, instants } = parse(readingsSchema, query);
      const account = await demoAccount(accountId);
      return instants.map((at): DeliveryMetrics => {
        const counters = demoReadingAt(account.network, remoteId, at.getTime());
        return counters
          ? { remoteId, state: 'ok', counters }
          : {
              remoteId,
              state: 'unavailable',
              reason: 'This is not a post of the demo account at that time.',
            };
      });
    },

    /** The demo account's followers at an instant (null where its network cannot count them). */
    async followersAt(query: { accountId: number; at: Date }): Promise<number | null> {
      refuseOutsideDemo();
      const { accountId, at } = parse(followersSchema, query);
      return demoFollowersAt((await demoAccount(accountId)).network, at.getTime());
    },
  };
};

export type DemoService = ReturnType<typeof demoService>;
export default demoService;
