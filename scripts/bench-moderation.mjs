#!/usr/bin/env node
/**
 * `npm run bench:moderation`: what the moderation pipeline costs.
 *
 *  1. comment submissions over HTTP through the full pipeline (validation, target look-up, rate
 *     limits, author record, duplicates, sanctions, rules, insert + audit entry);
 *  2. a plain Strapi `create` over HTTP on a minimal content type, in the same process and database,
 *     alternated with 1 (see scripts/bench/harness.mjs);
 *  3. the rules engine alone, in comments per second on one core, and its hold and pass rates on
 *     the labelled corpus (tests/moderation-corpus) per language and category.
 *
 * Options (environment): BENCH_SECONDS per phase (default 3), BENCH_ROUNDS (default 4),
 * BENCH_CONCURRENCY (default 8), DATABASE_CLIENT=postgres to run on PostgreSQL,
 * BENCH_PART=rules for part 3 only (no build, no database).
 */
import { bootBenchApp, compareWithBaseline } from './bench/harness.mjs';
import { benchRules } from './bench/rules.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS || 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 8);

const TEXTS = [
  "Super article, merci ! J'ai hâte de participer au prochain meetup à Lyon.",
  'Great post, thanks for sharing. The event last week was amazing and I learned a lot.',
  "Je ne suis pas d'accord avec le conseil municipal sur ce concours, mais la classe quand même.",
  'Franchement vous êtes des c0nn4rds, allez voir www.example.com pour la vérité',
  'LOL this is the best thing ever!!! check https://bit.ly/xyz for free stuff',
  'Quel crétin cet arbitre, mais bravo aux joueurs pour le match de dimanche.',
];

if (process.env.BENCH_PART === 'rules') {
  await benchRules(TEXTS);
  process.exit(0);
}

const app = await bootBenchApp('moderation');
const { strapi, baseUrl } = app;

// The pipeline as a busy site runs it: every rule on, first comments of new authors held; only the
// rate limits are off, since all the load comes from one address.
await strapi
  .plugin('moderation')
  .service('settings')
  .update({
    newAuthorPremoderation: true,
    rateLimits: { perIpPerMinute: 0, perAuthorPerMinute: 0 },
    notifications: { webhookUrl: '', emails: [] },
  });
const post = await strapi.documents('api::post.post').create({
  data: { title: 'Bench', body: 'Un article pour le banc de mesure.', editorialStatus: 'approved' },
  locale: 'fr',
});
await strapi.documents('api::post.post').publish({ documentId: post.documentId, locale: 'fr' });

const { baseline, feature, ratio } = await compareWithBaseline({
  label: `Moderation bench on ${app.client}`,
  baseUrl,
  rounds: ROUNDS,
  seconds: SECONDS,
  concurrency: CONCURRENCY,
  baseline: {
    makeBody: (n, { texts }) => ({ data: { text: `${texts[n % texts.length]} ${n.toString(36)}` } }),
    data: { texts: TEXTS },
  },
  feature: {
    name: 'moderation',
    url: `${baseUrl}/api/moderation/comments`,
    makeBody: (n, { texts, postId }) => ({
      data: {
        target: { type: 'post', documentId: postId },
        authorName: `Lecteur ${n % 200}`,
        authorEmail: `reader${n % 200}@example.org`,
        content: `${texts[n % texts.length]} (${n.toString(36)})`,
        locale: n % 2 ? 'fr' : 'en',
      },
    }),
    data: { texts: TEXTS, postId: post.documentId },
  },
});

const counts = await strapi.plugin('moderation').service('admin').counts({});
console.log('');
console.log(`plain Strapi create (HTTP):          ${baseline.toFixed(0)} requests/s (median of ${ROUNDS})`);
console.log(`comment through the pipeline (HTTP): ${feature.toFixed(0)} requests/s (median of ${ROUNDS})`);
console.log(
  `ratio pipeline / plain create:       ${ratio.toFixed(2)} (median of the rounds' ratios; target >= 0.8)`
);
console.log(`stored: ${counts.approved} approved, ${counts.pending} pending, ${counts.rejected} rejected`);

await app.close();
await benchRules(TEXTS);
process.exit(0);
