/**
 * The rules engine alone, without Strapi: its speed in comments per second on one core, and what it
 * decides on the labelled corpus (tests/moderation-corpus), per language and category. The engine
 * is bundled from the plugin's TypeScript sources, so this part needs no build.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

async function loadRules() {
  const dir = mkdtempSync(path.join(tmpdir(), 'porte-voix-rules-'));
  const outfile = path.join(dir, 'rules.cjs');
  try {
    await build({
      stdin: {
        contents: [
          "export { measureCorpus, stoppedRate, CORPUS_SETTINGS } from './tests/moderation-corpus/measure';",
          "export { createRulesEngine } from './plugins/moderation/server/src/rules/engine';",
          "export { defaultSettings } from './plugins/moderation/server/src/config/schema';",
        ].join('\n'),
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile,
      logLevel: 'error',
      // The corpus is read beside its module, wherever the bundle lands.
      define: { __dirname: JSON.stringify(path.join(ROOT, 'tests', 'moderation-corpus')) },
    });
    return require(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const percent = (value) => `${(100 * value).toFixed(1)}%`.padStart(6);

/** Prints the engine's rate on `texts` and the corpus figures. */
export async function benchRules(texts, seconds = 2) {
  const rules = await loadRules();
  const engine = rules.createRulesEngine(rules.defaultSettings);
  const context = {
    now: new Date(),
    sanction: null,
    author: { approved: 0, recent: 0, recentRejected: 0 },
    duplicates: { sameAuthor: 0, anyone: 0 },
    premoderated: null,
  };
  let evaluated = 0;
  const start = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    for (let i = 0; i < 1000; i++, evaluated++) {
      engine.evaluate(
        {
          content: `${texts[evaluated % texts.length]} ${evaluated}`,
          authorName: 'Lecteur',
          locale: evaluated % 2 ? 'fr' : 'en',
        },
        context
      );
    }
  }
  const rate = evaluated / (Number(process.hrtime.bigint() - start) / 1e9);

  const tallies = rules.measureCorpus();
  console.log('');
  console.log('Labelled corpus (tests/moderation-corpus), approved author, site domains allowed:');
  console.log('language  category            expected  lines   pass   hold  reject  stopped');
  for (const language of ['fr', 'en']) {
    const mine = tallies.filter((tally) => tally.language === language);
    for (const tally of mine) {
      console.log(
        `${language.padEnd(9)} ${tally.category.padEnd(19)} ${tally.expected.padEnd(8)} ${String(tally.total).padStart(6)} ${percent(tally.pass / tally.total)} ${percent(tally.hold / tally.total)}  ${percent(tally.reject / tally.total)}   ${percent(rules.stoppedRate(tally))}`
      );
    }
    for (const [name, harmful] of [
      ['harmful', true],
      ['clean', false],
    ]) {
      const group = mine.filter((tally) => (tally.expected !== 'pass') === harmful);
      const sum = group.reduce(
        (total, tally) => ({
          total: total.total + tally.total,
          hold: total.hold + tally.hold,
          reject: total.reject + tally.reject,
        }),
        { total: 0, hold: 0, reject: 0 }
      );
      console.log(
        `${language.padEnd(9)} ${`all ${name}`.padEnd(19)} ${''.padEnd(8)} ${String(sum.total).padStart(6)} ${percent((sum.total - sum.hold - sum.reject) / sum.total)} ${percent(sum.hold / sum.total)}  ${percent(sum.reject / sum.total)}   ${percent(rules.stoppedRate(sum))}`
      );
    }
  }
  console.log('');
  console.log(
    `rules engine alone:                  ${rate.toFixed(0)} comments/s on one core (target >= 20000)`
  );
}
