/**
 * `npm run bench:crosspost`: 2,000 deliveries across 4 fake networks (20 ms latency, 5% 429s),
 * due over a spread of time; prints the dispatch lag after the due time (p50/p99), the
 * throughput, and duplicates/losses. Runs on SQLite by default, PostgreSQL with DATABASE_CLIENT=postgres.
 */
import { bootStrapi } from '../harness/strapi';
import { startFakes } from '../fakes';

const DELIVERIES = Number(process.env.BENCH_DELIVERIES || 2000);
const SPREAD_MS = Number(process.env.BENCH_SPREAD_MS || 60_000);
const NETWORKS = ['mastodon', 'bluesky', 'x', 'discord'] as const;
const ACCOUNTS_PER_NETWORK = 5;
const TIMEOUT_MS = SPREAD_MS + 120_000;

const credentials = (network: (typeof NETWORKS)[number], n: number): Record<string, string> =>
  ({
    mastodon: { accessToken: `bench-mastodon-${n}` },
    bluesky: { identifier: `bench${n}.test`, appPassword: 'pw' },
    x: { accessToken: `bench-x-${n}`, clientId: 'bench' },
    discord: { webhookId: `hook${n}`, webhookToken: 'token' },
  })[network];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const fakes = await startFakes();
  for (const network of NETWORKS)
    fakes[network].configure({ latencyMs: 20, rateLimitRate: 0.05, rateLimitWaitMs: 1_000 });
  const app = await bootStrapi({
    env: { CROSS_POST_DISPATCHER: 'true', CROSS_POST_TICK_SECONDS: '1', STRAPI_LOG_LEVEL: 'error' },
  });
  const { strapi } = app;
  try {
    const accounts = strapi.plugin('cross-post').service('accounts');
    const accountIds: number[] = [];
    for (const network of NETWORKS) {
      for (let n = 1; n <= ACCOUNTS_PER_NETWORK; n++) {
        const account = await accounts.create({
          network,
          name: `${network} ${n}`,
          baseUrl: fakes[network].baseUrl,
          credentials: credentials(network, n),
        });
        accountIds.push(account.id);
      }
    }
    const postCount = Math.ceil(DELIVERIES / accountIds.length);
    const posts: string[] = [];
    for (let i = 0; i < postCount; i++) {
      const post = await strapi.documents('api::post.post' as any).create({
        locale: 'fr',
        data: {
          title: `Bench ${i}`,
          body: `Message de charge numéro ${i}`,
          editorialStatus: 'approved',
        } as any,
      });
      posts.push(post.documentId);
    }

    // Each post's deliveries fall due together; posts are spread evenly over SPREAD_MS.
    const deliveries = strapi.plugin('cross-post').service('deliveries');
    const start = Date.now() + 5_000;
    let scheduled = 0;
    for (const [i, documentId] of posts.entries()) {
      const ids = accountIds.slice(0, Math.min(accountIds.length, DELIVERIES - scheduled));
      await deliveries.schedule(
        documentId,
        ids,
        new Date(start + Math.floor((i * SPREAD_MS) / posts.length))
      );
      scheduled += ids.length;
    }
    console.log(
      `${scheduled} deliveries across ${NETWORKS.join(', ')} (${accountIds.length} accounts), due over ${SPREAD_MS / 1000} s`
    );

    const query = strapi.db.query('plugin::cross-post.delivery');
    const deadline = start + TIMEOUT_MS;
    let published = 0;
    while (Date.now() < deadline) {
      published = await query.count({ where: { status: 'published' } });
      if (published >= scheduled) break;
      await new Promise((r) => setTimeout(r, 250));
    }

    const rows = await query.findMany({ select: ['id', 'status', 'scheduledAt', 'publishedAt'] });
    const attempts = await strapi.db
      .query('plugin::cross-post.delivery-attempt')
      .findMany({ select: ['deliveryId', 'startedAt', 'outcome'] });
    const firstAttempt = new Map<number, number>();
    for (const a of attempts) {
      const at = new Date(a.startedAt).getTime();
      if (!firstAttempt.has(a.deliveryId) || at < firstAttempt.get(a.deliveryId)!)
        firstAttempt.set(a.deliveryId, at);
    }
    const done = rows.filter((r: any) => r.status === 'published');
    const dispatchLag = done
      .map((r: any) => firstAttempt.get(r.id)! - new Date(r.scheduledAt).getTime())
      .sort((a, b) => a - b);
    const onlineLag = done
      .map((r: any) => new Date(r.publishedAt).getTime() - new Date(r.scheduledAt).getTime())
      .sort((a, b) => a - b);
    const lastOnline = Math.max(...done.map((r: any) => new Date(r.publishedAt).getTime()));
    const duplicates = fakes.all.reduce((sum, fake) => sum + fake.duplicates().length, 0);
    const onNetworks = NETWORKS.reduce((sum, n) => sum + fakes[n].published.length, 0);
    const rateLimited = NETWORKS.reduce((sum, n) => sum + fakes[n].rateLimitedCount, 0);
    const losses = scheduled - done.length;

    console.log(
      `dispatch lag after due time (first attempt): p50 ${percentile(dispatchLag, 50)} ms, p99 ${percentile(dispatchLag, 99)} ms, max ${dispatchLag.at(-1)} ms`
    );
    console.log(
      `due → online (429 waits included):          p50 ${percentile(onlineLag, 50)} ms, p99 ${percentile(onlineLag, 99)} ms, max ${onlineLag.at(-1)} ms`
    );
    console.log(
      `throughput: ${(done.length / ((lastOnline - start) / 1000)).toFixed(1)} deliveries/s over the run (${rateLimited} answers were 429)`
    );
    console.log(`posts on the fake networks: ${onNetworks}; duplicates/losses: ${duplicates}/${losses}`);
    const ok =
      duplicates === 0 && losses === 0 && onNetworks === scheduled && percentile(dispatchLag, 99) < 2_000;
    console.log(
      ok ? 'bench: target met (dispatch lag p99 < 2 s, 0 duplicates, 0 losses)' : 'bench: TARGET MISSED'
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    await app.stop();
    await fakes.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
