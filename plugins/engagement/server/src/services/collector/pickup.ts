/**
 * New published deliveries enter collection here: cross-post lists them by delivery id after a
 * cursor this plugin keeps (see domain/pickup-cursor.ts for why the cursor trails), and each gets a
 * current row, due at once. One instance at a time does it (the `pickup` job); the unique index on
 * the delivery makes a repeated listing harmless.
 */
import { nextPickupCursor } from '../../domain/pickup-cursor';
import type { NewDeliveryStat } from '../../repositories/delivery-stats.repository';
import type { Collector } from './context';
import { checkPublished, type PublishedDelivery } from './metrics-source';

const PAGE = 500;
const NOT_POLLED = 'This network does not let its metrics be read: nothing is collected for it.';

/** Valid IANA zone or null. */
function usableZone(zone: string | null | undefined): string | null {
  if (!zone) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}

/** Adds rows for the deliveries not seen yet; answers how many were added. */
async function storeNew(c: Collector, deliveries: PublishedDelivery[]): Promise<number> {
  if (deliveries.length === 0) return 0;
  const profiles = c.metrics().profiles();
  const zones = await c.campaigns.timeZones(
    deliveries.map((delivery) => delivery.campaignDocumentId).filter((id): id is string => !!id)
  );
  const fallback = c.setting('timeZone');
  const now = new Date();
  const rows: NewDeliveryStat[] = deliveries.map((delivery) => {
    const polled = profiles[delivery.network]?.polled !== false;
    return {
      deliveryId: delivery.deliveryId,
      accountId: delivery.accountId,
      network: delivery.network,
      remoteId: delivery.remoteId,
      url: delivery.url,
      postDocumentId: delivery.postDocumentId,
      campaignDocumentId: delivery.campaignDocumentId,
      timeZone:
        (delivery.campaignDocumentId && usableZone(zones.get(delivery.campaignDocumentId))) || fallback,
      postedAt: new Date(delivery.publishedAt),
      state: polled ? 'active' : 'unavailable',
      stateReason: polled ? null : NOT_POLLED,
      nextCollectAt: polled ? now : null,
    };
  });
  return (await c.stats.insertNew(rows)).length;
}

/** Reads published deliveries after `afterId` page by page; answers every id listed and how many rows were added. */
async function readFrom(c: Collector, afterId: number, onPage: () => Promise<void>) {
  const listed: number[] = [];
  let added = 0;
  for (let from = afterId; ;) {
    const page = await c.metrics().listPublished({ afterId: from, limit: PAGE });
    if (page.length === 0) break;
    const ids = page.map((delivery) => Number(delivery?.deliveryId)).filter(Number.isFinite);
    listed.push(...ids);
    added += await storeNew(c, checkPublished(c.strapi, page));
    await onPage();
    if (page.length < PAGE || ids.length === 0) break;
    from = Math.max(...ids);
  }
  return { listed, added };
}

/** The accounts whose followers are read daily: every account cross-post knows. */
async function syncAccounts(c: Collector): Promise<void> {
  const accounts = await c.metrics().accountsHealth();
  await c.accounts.sync(
    accounts.map((account) => ({ accountId: account.accountId, network: account.network })),
    new Date()
  );
}

/** Looks for deliveries published since the last look (one instance at a time); answers how many were added. */
export async function pickUp(c: Collector): Promise<number> {
  const leaseMs = c.setting('collectorLeaseMs');
  const owner = c.leaseOwner();
  const job = await c.jobs.take('pickup', owner, leaseMs);
  if (!job) return 0;
  try {
    const afterId = job.cursorId ?? 0;
    const { listed, added } = await readFrom(c, afterId, async () => {
      await c.jobs.extend(job, owner, leaseMs);
    });
    await c.jobs.saveCursor(job, owner, nextPickupCursor(afterId, listed, c.setting('pickupLookback')));
    await syncAccounts(c);
    if (added > 0) c.log('debug', `${added} new published deliveries`);
    return added;
  } finally {
    // Due again at once: the next tick of any instance looks again.
    await c.jobs.finish(job, owner, new Date(), new Date());
  }
}

/** Every published delivery from the start (the nightly sweep): catches any that went out far behind the cursor. */
export async function sweepPublished(c: Collector, keepAlive: () => Promise<void>): Promise<number> {
  return (await readFrom(c, 0, keepAlive)).added;
}
