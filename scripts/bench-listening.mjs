/**
 * `npm run bench:listening -- sentiment`: listening's sentiment on the labelled set in
 * tests/sentiment (150 French and 150 English short mentions, a third each positive, negative,
 * neutral), accuracy per language, on the part the word lists were written against ("tune": even
 * lines) and on the held-out part (odd lines), with the confusions. The module is bundled from the
 * plugin's TypeScript sources, so this needs no build.
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

async function loadSentiment() {
  const dir = mkdtempSync(path.join(tmpdir(), 'porte-voix-sentiment-'));
  const outfile = path.join(dir, 'sentiment.cjs');
  try {
    await build({
      entryPoints: [path.join(ROOT, 'plugins/moderation/server/src/domain/listening/sentiment.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile,
      logLevel: 'error',
    });
    return require(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const what = process.argv[2] ?? 'sentiment';
if (what !== 'sentiment') {
  console.error(`Unknown bench "${what}": npm run bench:listening -- sentiment`);
  process.exit(1);
}
const { sentimentOf } = await loadSentiment();
for (const language of ['fr', 'en']) {
  const set = JSON.parse(readFileSync(path.join(ROOT, 'tests/sentiment', `${language}.json`), 'utf8'));
  for (const [part, keep] of [
    ['tune', (i) => i % 2 === 0],
    ['held-out', (i) => i % 2 === 1],
  ]) {
    const rows = set.filter((_, i) => keep(i));
    const wrong = rows.filter(([label, text]) => sentimentOf(text, language) !== label);
    const accuracy = ((rows.length - wrong.length) / rows.length) * 100;
    console.log(`${language} ${part.padEnd(8)} ${accuracy.toFixed(1)} % of ${rows.length}`);
    if (process.env.VERBOSE)
      for (const [label, text] of wrong) console.log(`   ${label} → ${sentimentOf(text, language)}: ${text}`);
  }
}
