/**
 * Rollups on a real database (SQLite, PostgreSQL, MariaDB): readings written through the
 * collector's own write path, daily changes that add up to the latest totals, the campaign rollup
 * that always equals the daily rows added up per day, network and campaign, the nightly rebuild
 * that gives the same numbers (and repairs drift), retention that thins snapshots without changing
 * a day, and a replayed write that counts nothing twice.
 */
import fc from 'fast-check';

import { bootStrapi, type TestApp } from '../../harness/strapi';
import {
  dailyChanges,
  mergeReading,
  sameCounters,
} from '../../../plugins/engagement/server/src/domain/changes';
import { campaignDayDeltas } from '../../../plugins/engagement/server/src/domain/campaign-rollup';
import {
  addDailyChanges,
  fillCampaignRollupOnce,
} from '../../../plugins/engagement/server/src/services/collector/rollups';
import {
  addDelivery,
  campaignRollup,
  counters,
  createCollector,
  dailyTotals,
  dailiesAddedUp,
  DAY,
  emptyCounters,
  HOUR,
  METRIC_COUNTERS,
  pickCounters,
  recordReading,
  stat,
  type Collector,
  type MetricCounters,
} from './helpers';

let app: TestApp;
let c: Collector;

beforeAll(async () => {
  app = await bootStrapi();
  c = createCollector(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

/** Readings every few hours over some days: counters that grow, sometimes shrink (un-likes), sometimes absent. */
const observationsArb = fc.array(
  fc.record({
    gapMinutes: fc.integer({ min: 1, max: 20 * 60 }),
    deltas: fc.array(fc.integer({ min: -4, max: 50 }), {
      minLength: METRIC_COUNTERS.length,
      maxLength: METRIC_COUNTERS.length,
    }),
    missing: fc.array(fc.boolean(), { minLength: METRIC_COUNTERS.length, maxLength: METRIC_COUNTERS.length }),
  }),
  { minLength: 1, maxLength: 25 }
);

type Step = { gapMinutes: number; deltas: number[]; missing: boolean[] };

function materialise(steps: Step[], start: number) {
  let at = start;
  const values = METRIC_COUNTERS.map(() => 0);
  return steps.map((step) => {
    at += step.gapMinutes * 60_000;
    const observed = emptyCounters();
    METRIC_COUNTERS.forEach((name, index) => {
      values[index] = Math.max(0, values[index] + step.deltas[index]);
      observed[name] = step.missing[index] ? null : values[index];
    });
    return { at: new Date(at), counters: observed };
  });
}

describe('daily rollups', () => {
  it('add up to the latest totals, match the rule on every database, and rebuild to the same numbers', async () => {
    await fc.assert(
      fc.asyncProperty(
        observationsArb,
        fc.constantFrom('Europe/Paris', 'America/Montreal', 'Pacific/Auckland'),
        fc.constantFrom('mastodon', 'x'),
        fc.constantFrom(null, 'rollupcampaigna', 'rollupcampaignb'),
        async (steps, timeZone, network, campaignDocumentId) => {
          const postedAt = new Date(Date.now() - 30 * DAY);
          const row = await addDelivery(c, { timeZone, postedAt, network, campaignDocumentId });
          const observations = materialise(steps, postedAt.getTime());
          let known = emptyCounters();
          const readings: Array<{ capturedAt: Date; counters: MetricCounters }> = [];
          for (const observation of observations) {
            await recordReading(c, row.deliveryId, observation.counters, observation.at);
            const merged = mergeReading(known, observation.counters);
            if (!sameCounters(known, merged)) readings.push({ capturedAt: observation.at, counters: merged });
            known = merged;
          }
          const current = pickCounters(await stat(c, row.deliveryId));
          expect(current).toEqual(known);
          expect(await dailyTotals(c, row.deliveryId)).toEqual(current);
          expect(await c.snapshots.readingsOf(row.deliveryId)).toEqual(readings);
          expect(await c.dailies.rowsOf(row.deliveryId)).toEqual(dailyChanges(readings, timeZone));
        }
      ),
      { numRuns: 15 }
    );
    // Deliveries of two networks and three campaigns (none included) share days: the campaign
    // rollup adds them up, nulls where no delivery of the group measured a counter.
    const addedUp = await dailiesAddedUp(app.strapi);
    expect(addedUp.length).toBeGreaterThan(0);
    expect(await campaignRollup(app.strapi)).toEqual(addedUp);
    const rebuilt = await app.strapi.plugin('engagement').service('collector').rebuild();
    expect(rebuilt.deliveries).toBeGreaterThanOrEqual(15);
    expect(rebuilt).toMatchObject({ corrected: 0, busy: 0 });
    expect(await campaignRollup(app.strapi)).toEqual(addedUp);
    // Filled from scratch from the daily rows (a database that had them before the campaign
    // rollup): the same rows the increments left.
    await c.campaignDailies.fillFromDailies();
    expect(await campaignRollup(app.strapi)).toEqual(addedUp);
  });

  it('take back a removed daily row: a counter only it measured is absent again, an emptied day is gone', async () => {
    const place = { accountId: 1, network: 'x', postDocumentId: 'takeback', campaignDocumentId: 'takeback' };
    const measuring = {
      ...place,
      deliveryId: 900_001,
      day: '2026-03-02',
      counters: counters({ impressions: 40, reactions: 2 }),
    };
    const other = { ...place, deliveryId: 900_002, day: '2026-03-02', counters: counters({ reactions: 5 }) };
    const alone = { ...place, deliveryId: 900_001, day: '2026-03-03', counters: counters({ reactions: 1 }) };
    await c.campaignDailies.add(campaignDayDeltas([measuring, other, alone]));
    const rowsOf = async () =>
      (await campaignRollup(app.strapi)).filter((row) => row.campaignKey === 'takeback');
    expect((await rowsOf()).map((row) => [row.day, row.deliveryDays, row.counters.impressions])).toEqual([
      ['2026-03-02', 2, 40],
      ['2026-03-03', 1, null],
    ]);
    await c.campaignDailies.add(campaignDayDeltas([], [measuring, alone]));
    const [left, ...none] = await rowsOf();
    expect(none).toEqual([]);
    expect(left).toMatchObject({ day: '2026-03-02', deliveryDays: 1 });
    expect(left.counters).toEqual(counters({ reactions: 5 }));
    await c.campaignDailies.add(campaignDayDeltas([], [other]));
    expect(await rowsOf()).toEqual([]);
  });

  it('write a snapshot only when a counter changed', async () => {
    const row = await addDelivery(c);
    const t0 = Date.now() - 2 * HOUR;
    await recordReading(c, row.deliveryId, counters({ reactions: 3 }), new Date(t0));
    await recordReading(c, row.deliveryId, counters({ reactions: 3 }), new Date(t0 + HOUR));
    await recordReading(c, row.deliveryId, counters({ reactions: null }), new Date(t0 + HOUR + 1));
    expect(await c.snapshots.readingsOf(row.deliveryId)).toHaveLength(1);
    const after = await stat(c, row.deliveryId);
    expect(new Date(after.lastCollectedAt!).getTime()).toBe(t0 + HOUR + 1);
    expect(after.reactions).toBe(3);
  });

  it('count nothing twice when a write is replayed at the same moment', async () => {
    const row = await addDelivery(c);
    const at = new Date(Date.now() - HOUR);
    await recordReading(c, row.deliveryId, counters({ reactions: 5, comments: 1 }), at);
    // The same delivery and moment again (another counter value): refused (the snapshot's unique key
    // fails the whole transaction) or passed over, but never counted a second time.
    await recordReading(c, row.deliveryId, counters({ reactions: 9, comments: 1 }), at).catch(
      () => undefined
    );
    expect(pickCounters(await stat(c, row.deliveryId))).toEqual(counters({ reactions: 5, comments: 1 }));
    expect(await dailyTotals(c, row.deliveryId)).toEqual(counters({ reactions: 5, comments: 1 }));
  });

  it('are repaired by the nightly rebuild when they drift, and a second rebuild changes nothing', async () => {
    const row = await addDelivery(c, { timeZone: 'Europe/Paris' });
    const t0 = Date.now() - 3 * DAY;
    await recordReading(c, row.deliveryId, counters({ reactions: 2, shares: 0 }), new Date(t0));
    await recordReading(c, row.deliveryId, counters({ reactions: 10, shares: 1 }), new Date(t0 + DAY));
    const before = await c.dailies.rowsOf(row.deliveryId);
    const rollupBefore = await campaignRollup(app.strapi);
    // A change counted twice, on a day of its own and on a day that had one (through the one write
    // path, as a replay would have it: the daily and the campaign rollups drift together).
    await addDailyChanges(c, [
      { ...row, day: before[0].day, counters: counters({ reactions: 999 }) },
      { ...row, day: '2026-02-01', counters: counters({ reactions: 7, impressions: 3 }) },
    ]);
    expect(await campaignRollup(app.strapi)).not.toEqual(rollupBefore);
    const service = app.strapi.plugin('engagement').service('collector');
    expect((await service.rebuild()).corrected).toBeGreaterThanOrEqual(1);
    expect(await c.dailies.rowsOf(row.deliveryId)).toEqual(before);
    expect(await campaignRollup(app.strapi)).toEqual(rollupBefore);
    expect((await service.rebuild()).corrected).toBe(0);
  });

  it('re-date a campaign delivery in the time zone the campaign now has', async () => {
    const campaign = await app.strapi.documents('api::campaign.campaign' as any).create({
      locale: 'fr',
      data: {
        name: 'Fuseau',
        slug: 'fuseau',
        objective: 'awareness',
        startsOn: '2026-01-01',
        timeZone: 'Europe/Paris',
      } as any,
    });
    const row = await addDelivery(c, { campaignDocumentId: campaign.documentId, timeZone: 'Europe/Paris' });
    // 23:30 UTC: the next day in Paris, the same day in Montreal.
    const at = new Date(
      Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - 2, 23, 30)
    );
    await recordReading(c, row.deliveryId, counters({ reactions: 4 }), at);
    const parisDay = (await c.dailies.rowsOf(row.deliveryId))[0].day;
    await app.strapi.documents('api::campaign.campaign' as any).update({
      documentId: campaign.documentId,
      locale: 'fr',
      data: { timeZone: 'America/Montreal' } as any,
    });
    const tally = await app.strapi
      .plugin('engagement')
      .service('collector')
      .runNightlyWork(new Date(), new Date());
    expect(tally.rezoned).toBeGreaterThanOrEqual(1);
    const [montreal] = await c.dailies.rowsOf(row.deliveryId);
    expect(montreal.day < parisDay).toBe(true);
    expect(montreal.counters.reactions).toBe(4);
    expect((await stat(c, row.deliveryId)).timeZone).toBe('America/Montreal');
    // The campaign rollup moved with it: the Paris day is gone from the campaign, the Montreal day has it.
    const rollup = (await campaignRollup(app.strapi)).filter(
      (day) => day.campaignKey === campaign.documentId
    );
    expect(rollup.map((day) => [day.day, day.counters.reactions])).toEqual([[montreal.day, 4]]);
    expect(await campaignRollup(app.strapi)).toEqual(await dailiesAddedUp(app.strapi));
  });
});

describe('retention', () => {
  it('keeps one snapshot a day after 90 days and only the latest after 13 months; rollups stay', async () => {
    const now = new Date();
    const recent = await addDelivery(c, { postedAt: new Date(now.getTime() - 120 * DAY) });
    const old = await addDelivery(c, { postedAt: new Date(now.getTime() - 500 * DAY) });
    for (const row of [recent, old]) {
      const start = new Date(row.postedAt).getTime();
      // Hourly for two days, then every 6 hours for three more: 60 readings over 5 days.
      for (let i = 1; i <= 60; i++) {
        const at = start + (i <= 48 ? i * HOUR : 48 * HOUR + (i - 48) * 6 * HOUR);
        await recordReading(
          c,
          row.deliveryId,
          counters({ reactions: i * 3, comments: Math.floor(i / 4) }),
          new Date(at)
        );
      }
    }
    const dailiesBefore = {
      recent: await c.dailies.rowsOf(recent.deliveryId),
      old: await c.dailies.rowsOf(old.deliveryId),
    };
    const tally = await app.strapi.plugin('engagement').service('collector').applyRetention(now, null);
    expect(tally.dropped).toBeGreaterThan(100);

    const kept = await c.snapshots.readingsOf(recent.deliveryId);
    const days = new Set(kept.map((reading) => reading.capturedAt.toISOString().slice(0, 10)));
    expect(kept.length).toBeLessThanOrEqual(7);
    expect(kept.length).toBeGreaterThanOrEqual(days.size - 1);
    expect(kept[kept.length - 1].counters).toEqual(counters({ reactions: 180, comments: 15 }));
    const oldKept = await c.snapshots.readingsOf(old.deliveryId);
    expect(oldKept).toHaveLength(1);
    expect(oldKept[0].counters).toEqual(counters({ reactions: 180, comments: 15 }));

    // Rollups are kept, and the thinned snapshots still rebuild the same days.
    expect(await c.dailies.rowsOf(recent.deliveryId)).toEqual(dailiesBefore.recent);
    expect(await c.dailies.rowsOf(old.deliveryId)).toEqual(dailiesBefore.old);
    expect(dailyChanges(kept, recent.timeZone)).toEqual(dailiesBefore.recent);
    // A second pass finds nothing more to drop.
    expect(
      (await app.strapi.plugin('engagement').service('collector').applyRetention(now, null)).dropped
    ).toBe(0);
  });
});

describe('the campaign rollup on a database that had only daily rows', () => {
  it('is filled from them once, by one instance, and never again', async () => {
    const expected = await dailiesAddedUp(app.strapi);
    expect(expected.length).toBeGreaterThan(0);
    const table = app.strapi.db.metadata.get('plugin::engagement.campaign-daily' as any).tableName;
    await app.strapi.db.connection(table).delete();
    const filled = await Promise.all([
      fillCampaignRollupOnce(c),
      fillCampaignRollupOnce(createCollector(app.strapi)),
    ]);
    expect(filled.filter(Boolean)).toHaveLength(1);
    expect(await campaignRollup(app.strapi)).toEqual(expected);
    // Done for good: from now on the writes keep it.
    await app.strapi.db.connection(table).delete();
    expect(await fillCampaignRollupOnce(c)).toBe(false);
    expect(await campaignRollup(app.strapi)).toEqual([]);
    await c.campaignDailies.fillFromDailies();
  });
});

describe('the nightly run', () => {
  it('runs once a night, at the configured local hour, on whichever instance takes it', async () => {
    const service = app.strapi.plugin('engagement').service('collector');
    const jobs = app.strapi.db.query('plugin::engagement.collector-job');
    // First seen: due at the next 03:00 in Paris, not now.
    expect(await service.nightlyIfDue()).toBeNull();
    const planned = await jobs.findOne({ where: { name: 'nightly' } });
    const at = new Date(planned.nextRunAt);
    expect(at.getTime()).toBeGreaterThan(Date.now());
    expect(
      new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hour12: false, timeZone: 'Europe/Paris' }).format(
        at
      )
    ).toBe('03');

    await jobs.update({ where: { id: planned.id }, data: { nextRunAt: new Date(Date.now() - 1000) } });
    const tally = await service.nightlyIfDue();
    expect(tally).toMatchObject({ rebuild: { corrected: 0 } });
    const done = await jobs.findOne({ where: { name: 'nightly' } });
    expect(done.lastRunAt).not.toBeNull();
    expect(done.leaseOwner).toBeNull();
    expect(new Date(done.nextRunAt).getTime()).toBeGreaterThan(Date.now());
    // Done for tonight.
    expect(await service.nightlyIfDue()).toBeNull();
  });
});
