/**
 * "Refresh now" for one post: its deliveries are collected at once, whatever their schedule (a
 * frozen one too; a deleted one has nothing left to read). A post can be refreshed at most once per
 * `refreshMinutes`, shared by every instance: the post's slot is a collector job taken with the
 * database's clock.
 */
import { errors } from '@strapi/utils';
import { conflict } from '@porte-voix/kit/http-errors';
import { tooManyRequests } from '@porte-voix/kit/server';

import { collectHeld, type CollectOutcome } from './collect';
import type { Collector } from './context';
import { pickUp } from './pickup';

export const REFRESH_SLOT_PREFIX = 'refresh:';

export type RefreshOutcome = CollectOutcome & {
  /** Deliveries of the post being collected by another instance right now (they are refreshed there). */
  busy: number;
};

export async function refreshPost(c: Collector, postDocumentId: string): Promise<RefreshOutcome> {
  let rows = await c.stats.findByPost(postDocumentId);
  // Published a moment ago: not picked up yet.
  if (rows.length === 0 && (await pickUp(c)) > 0) rows = await c.stats.findByPost(postDocumentId);
  if (rows.length === 0)
    throw new errors.NotFoundError('This post has no published delivery to measure yet.', {
      reason: 'no_published_delivery',
    });
  const readable = rows.filter((row) => row.state !== 'gone');
  if (readable.length === 0)
    throw conflict(
      'Every delivery of this post was deleted on its network: there is nothing left to refresh.',
      {
        reason: 'deliveries_gone',
      }
    );

  const slotName = `${REFRESH_SLOT_PREFIX}${postDocumentId}`;
  const intervalMs = c.setting('refreshMinutes') * 60_000;
  const slot = await c.jobs.take(slotName, c.leaseOwner(), intervalMs);
  if (!slot) {
    const taken = await c.jobs.find(slotName);
    const freeAt = taken?.nextRunAt ? new Date(taken.nextRunAt).getTime() : Date.now() + intervalMs;
    const seconds = Math.max(1, Math.ceil((freeAt - Date.now()) / 1000));
    tooManyRequests(
      c.strapi.requestContext.get(),
      seconds,
      `This post was refreshed less than ${c.setting('refreshMinutes')} minutes ago; try again in ${seconds} s.`,
      { reason: 'refresh_too_soon', retryAfterSeconds: seconds }
    );
  }

  const owner = c.leaseOwner();
  const held = await c.stats.lease(
    readable.map((row) => row.id),
    owner,
    c.setting('collectorLeaseMs')
  );
  const outcome = await collectHeld(c, await c.stats.findHeld(held, owner), owner);
  return { ...outcome, busy: readable.length - held.length };
}
