/**
 * Cross-post's demo service, as this plugin reads it (plugins talk only through services): the demo
 * accounts, what the demo's audience showed of a post at given instants (in the shape of a metrics
 * batch, checked as one), and an account's followers at an instant.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';

import { checkResults, type DeliveryMetrics } from '../collector/metrics-source';

export interface CrossPostDemo {
  accounts(): Promise<unknown[]>;
  readings(query: { accountId: number; remoteId: string; instants: Date[] }): Promise<unknown[]>;
  followersAt(query: { accountId: number; at: Date }): Promise<number | null>;
}

export type DemoAccount = { accountId: number; network: string };

const demoAccount = z.object({ accountId: z.number().int().positive(), network: z.string().min(1).max(32) });
const followers = z.number().int().min(0).nullable();

export function demoSource(strapi: Core.Strapi) {
  const service = () => strapi.plugin('cross-post').service('demo') as CrossPostDemo;
  return {
    async accounts(): Promise<DemoAccount[]> {
      return z.array(demoAccount).parse(await service().accounts()) as DemoAccount[];
    },
    /** One answer per instant; null where it does not fit (nothing is stored for it). */
    async readings(
      accountId: number,
      remoteId: string,
      instants: Date[]
    ): Promise<Array<DeliveryMetrics | null>> {
      const answers = await service().readings({ accountId, remoteId, instants });
      return checkResults(
        instants.map(() => remoteId),
        answers
      );
    },
    async followersAt(accountId: number, at: Date): Promise<number | null> {
      return followers.parse(await service().followersAt({ accountId, at }));
    },
  };
}

export type DemoSource = ReturnType<typeof demoSource>;
