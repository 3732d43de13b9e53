import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The draw, as a public contract (see the plugin README). Everything here is a pure function of
 * public data once the seed is revealed, so anyone can recompute it.
 *
 *   commitment  = sha256(seed bytes), lowercase hex            published before entries open
 *   entriesHash = sha256(public ids sorted ascending, joined by "\n"), lowercase hex
 *   rank(id)    = HMAC-SHA256(key = seed bytes, message = beacon + ":" + id), lowercase hex
 *   ranking     = public ids by rank ascending (ties, which need a hash collision, by id)
 *   winners     = first `winnersCount` entries of distinct persons; substitutes = the next ones
 */

export const SEED_BYTES = 32;

export function newSeed(): string {
  return randomBytes(SEED_BYTES).toString('hex');
}

function seedBytes(seedHex: string): Buffer {
  if (!/^[0-9a-f]{64}$/.test(seedHex)) throw new Error('The seed must be 32 bytes in lowercase hex');
  return Buffer.from(seedHex, 'hex');
}

export function commitmentOf(seedHex: string): string {
  return createHash('sha256').update(seedBytes(seedHex)).digest('hex');
}

export function seedMatchesCommitment(seedHex: string, commitment: string): boolean {
  const actual = Buffer.from(commitmentOf(seedHex), 'hex');
  const expected = Buffer.from(commitment, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Code-unit order, which for the ASCII public ids is byte order: the same in every language. */
function ascending(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedIds(publicIds: readonly string[]): string[] {
  return [...publicIds].sort(ascending);
}

export function entriesHashOf(publicIds: readonly string[]): string {
  return createHash('sha256').update(sortedIds(publicIds).join('\n'), 'utf8').digest('hex');
}

export function rankOf(seedHex: string, beacon: string, publicId: string): string {
  return rankWithKey(seedBytes(seedHex), beacon, publicId);
}

function rankWithKey(key: Buffer, beacon: string, publicId: string): string {
  return createHmac('sha256', key).update(`${beacon}:${publicId}`, 'utf8').digest('hex');
}

export function rankingOf(seedHex: string, beacon: string, publicIds: readonly string[]): string[] {
  const key = seedBytes(seedHex);
  return publicIds
    .map((id) => ({ id, rank: rankWithKey(key, beacon, id) }))
    .sort((a, b) => ascending(a.rank, b.rank) || ascending(a.id, b.id))
    .map(({ id }) => id);
}

/**
 * Walks the ranking and keeps the first entry of each person. `personOf` maps a public id to an
 * opaque person token (published with the results); an entry with no token is its own person.
 */
export function selectWinners(
  ranking: readonly string[],
  personOf: Readonly<Record<string, string>>,
  winnersCount: number,
  substitutesCount: number
): { winners: string[]; substitutes: string[] } {
  const seen = new Set<string>();
  const picked: string[] = [];
  for (const id of ranking) {
    if (picked.length >= winnersCount + substitutesCount) break;
    const person = personOf[id] ?? `entry:${id}`;
    if (seen.has(person)) continue;
    seen.add(person);
    picked.push(id);
  }
  return { winners: picked.slice(0, winnersCount), substitutes: picked.slice(winnersCount) };
}

export type DrawInput = {
  seed: string;
  beacon: string;
  /** The frozen list of valid entries. */
  entryIds: readonly string[];
  personOf: Readonly<Record<string, string>>;
  winnersCount: number;
  substitutesCount: number;
};

export type DrawResult = {
  entriesHash: string;
  entryIds: string[];
  ranking: string[];
  winners: string[];
  substitutes: string[];
};

export function runDraw(input: DrawInput): DrawResult {
  const entryIds = sortedIds(input.entryIds);
  const ranking = rankingOf(input.seed, input.beacon, entryIds);
  return {
    entriesHash: entriesHashOf(entryIds),
    entryIds,
    ranking,
    ...selectWinners(ranking, input.personOf, input.winnersCount, input.substitutesCount),
  };
}
