#!/usr/bin/env node
/**
 * Verifies a Porte-voix contest draw from its public state alone:
 *
 *   npm run verify-draw -- https://api.example.org/api/contests/<eventDocumentId>
 *   node scripts/verify-draw.mjs <url | path/to/state.json> [--commitment <hex noted before the opening>]
 *
 * It recomputes, with nothing but Node's crypto, what the plugin README specifies:
 *   commitment  = sha256(seed bytes)
 *   entriesHash = sha256(entry public ids sorted ascending, joined by "\n")
 *   ranking     = ids by HMAC-SHA256(key = seed bytes, message = beacon + ":" + id) ascending
 *   winners     = first N distinct persons of the ranking, substitutes = the next M
 * and prints OK, or each thing that differs. Exit code: 0 OK, 1 differs, 2 not drawn or unreadable.
 * It deliberately shares no code with the server: it is an independent check.
 */
import { createHash, createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const ascending = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

async function load(source) {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${source} answered ${response.status}`);
    return response.json();
  }
  return JSON.parse(await readFile(source, 'utf8'));
}

const sameList = (a, b) => a.length === b.length && a.every((value, i) => value === b[i]);

function firstDifference(label, actual, expected) {
  const length = Math.max(actual.length, expected.length);
  for (let i = 0; i < length; i += 1) {
    if (actual[i] !== expected[i]) {
      return `${label} differs at position ${i + 1}: published ${actual[i] ?? '(nothing)'}, recomputed ${expected[i] ?? '(nothing)'}`;
    }
  }
  return null;
}

/** Returns { problems, warnings, summary } for a public state object. */
export function verifyDraw(state, { expectedCommitment } = {}) {
  const problems = [];
  const warnings = [];
  const { seed, commitment, beacon = '', entriesHash, entryIds, ranking, winners, substitutes } = state;
  const entryPersons = state.entryPersons ?? {};

  if (typeof seed !== 'string' || !/^[0-9a-f]{64}$/.test(seed)) {
    problems.push('seed is not 32 bytes of lowercase hex');
    return { problems, warnings };
  }
  if (expectedCommitment && expectedCommitment.toLowerCase() !== commitment) {
    problems.push(
      `commitment: published ${commitment}, but the one noted before the opening is ${expectedCommitment}`
    );
  }
  const seedBytes = Buffer.from(seed, 'hex');
  const recomputedCommitment = sha256(seedBytes);
  if (recomputedCommitment !== commitment) {
    problems.push(`commitment: published ${commitment}, but sha256(seed) is ${recomputedCommitment}`);
  }

  const ids = Array.isArray(entryIds) ? entryIds : [];
  if (!Array.isArray(entryIds)) problems.push('entryIds (the frozen entry list) is missing');
  if (new Set(ids).size !== ids.length) problems.push('entryIds contains duplicates');
  const sorted = [...ids].sort(ascending);
  const recomputedHash = sha256(Buffer.from(sorted.join('\n'), 'utf8'));
  if (recomputedHash !== entriesHash) {
    problems.push(
      `entriesHash: published ${entriesHash}, but the published entryIds hash to ${recomputedHash}`
    );
  }

  const recomputedRanking = sorted
    .map((id) => ({
      id,
      rank: createHmac('sha256', seedBytes).update(`${beacon}:${id}`, 'utf8').digest('hex'),
    }))
    .sort((a, b) => ascending(a.rank, b.rank) || ascending(a.id, b.id))
    .map(({ id }) => id);
  if (!Array.isArray(ranking) || !sameList(ranking, recomputedRanking)) {
    problems.push(firstDifference('ranking', Array.isArray(ranking) ? ranking : [], recomputedRanking));
  }

  const winnersCount = state.winnersCount ?? winners?.length ?? 0;
  const substitutesCount = state.substitutesCount ?? substitutes?.length ?? 0;
  const seen = new Set();
  const picked = [];
  for (const id of recomputedRanking) {
    if (picked.length >= winnersCount + substitutesCount) break;
    const person = entryPersons[id] ?? `entry:${id}`;
    if (seen.has(person)) continue;
    seen.add(person);
    picked.push(id);
  }
  const expectedWinners = picked.slice(0, winnersCount);
  const expectedSubstitutes = picked.slice(winnersCount);
  if (!Array.isArray(winners) || !sameList(winners, expectedWinners)) {
    problems.push(firstDifference('winners', winners ?? [], expectedWinners));
  }
  if (!Array.isArray(substitutes) || !sameList(substitutes, expectedSubstitutes)) {
    problems.push(firstDifference('substitutes', substitutes ?? [], expectedSubstitutes));
  }
  for (const result of state.results ?? []) {
    if (!expectedWinners.includes(result.id) && !expectedSubstitutes.includes(result.id)) {
      problems.push(`results lists ${result.id}, which is neither a winner nor a substitute`);
    }
  }
  if (state.committedBeforeOpening === false) {
    warnings.push(
      'the commitment was published after entries opened (committedAt is later than the opening)'
    );
  }
  return {
    problems,
    warnings,
    summary: `${ids.length} entries, beacon "${beacon}", ${expectedWinners.length} winners, ${expectedSubstitutes.length} substitutes`,
  };
}

async function main() {
  const [source, flag, expectedCommitment] = process.argv.slice(2);
  if (!source || (flag && (flag !== '--commitment' || !expectedCommitment))) {
    console.error(
      'Usage: npm run verify-draw -- <public state URL, e.g. http://localhost:1337/api/contests/<eventDocumentId>> [--commitment <hex noted before the opening>]'
    );
    process.exit(2);
  }
  let body;
  try {
    body = await load(source);
  } catch (error) {
    console.error(`Could not read the public state: ${error.message}`);
    process.exit(2);
  }
  const state = body?.data ?? body;
  if (!state?.seed) {
    console.log(
      state?.commitment
        ? `NOT DRAWN YET: commitment ${state.commitment} is published; run this again after the draw.`
        : 'NOT DRAWN YET: no commitment published.'
    );
    process.exit(2);
  }
  const { problems, warnings, summary } = verifyDraw(state, { expectedCommitment });
  for (const warning of warnings) console.log(`warning: ${warning}`);
  if (problems.length === 0) {
    console.log(`OK: ${summary}`);
    console.log(`winners: ${state.winners.join(', ') || '(none)'}`);
    console.log(`substitutes: ${state.substitutes.join(', ') || '(none)'}`);
    process.exit(0);
  }
  console.log('DIFFERS:');
  for (const problem of problems) console.log(`- ${problem}`);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
