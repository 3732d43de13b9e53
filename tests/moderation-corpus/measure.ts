import { readFileSync } from 'node:fs';
import path from 'node:path';

import { defaultSettings, mergeSettings } from '../../plugins/moderation/server/src/config/schema';
import { createRulesEngine } from '../../plugins/moderation/server/src/rules/engine';
import { emptyContext, type CommentStatus } from '../../plugins/moderation/server/src/rules/types';

/**
 * The labelled corpus of issue #8: comments a cycling brand in Lyon receives, in French and
 * English, each with what a moderator expects (`pass`, `hold` or `reject`) and its category.
 * Shared by the corpus test and `npm run bench:moderation`.
 */

export type Expected = 'pass' | 'hold' | 'reject';
export type CorpusLine = { text: string; language: 'fr' | 'en'; expected: Expected; category: string };

export type Tally = {
  language: string;
  category: string;
  expected: Expected;
  total: number;
  pass: number;
  hold: number;
  reject: number;
  /** Lines whose outcome is not the expected one, for whoever tunes the rules. */
  misses: { text: string; got: Expected }[];
};

export const CORPUS_DIR = __dirname;

/** The site's own and partner domains: links to them are welcome, as on a real site. */
export const CORPUS_SETTINGS = mergeSettings(defaultSettings, {
  links: {
    allowedDomains: ['velo-lyon.fr', 'strava.com', 'openstreetmap.org', 'lyon.fr', 'youtube.com', 'tcl.fr'],
  },
});

export function loadCorpus(): CorpusLine[] {
  return ['fr', 'en'].flatMap((language) =>
    readFileSync(path.join(CORPUS_DIR, `${language}.jsonl`), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as CorpusLine)
  );
}

const OUTCOME: Record<CommentStatus, Expected> = { approved: 'pass', pending: 'hold', rejected: 'reject' };

/** Every line judged as written by an approved author with a clean record: only the text decides. */
export function measureCorpus(lines = loadCorpus(), settings = CORPUS_SETTINGS): Tally[] {
  const engine = createRulesEngine(settings);
  const context = { ...emptyContext(), author: { approved: 3, recent: 3, recentRejected: 0 } };
  const tallies = new Map<string, Tally>();
  for (const line of lines) {
    const key = `${line.language}/${line.category}`;
    let tally = tallies.get(key);
    if (!tally) {
      tally = {
        language: line.language,
        category: line.category,
        expected: line.expected,
        total: 0,
        pass: 0,
        hold: 0,
        reject: 0,
        misses: [],
      };
      tallies.set(key, tally);
    }
    const got =
      OUTCOME[
        engine.evaluate({ content: line.text, authorName: 'Camille', locale: line.language }, context).status
      ];
    tally.total++;
    tally[got]++;
    // A harmful line held instead of rejected (or the reverse) still reached a moderator.
    if ((got === 'pass') !== (line.expected === 'pass')) tally.misses.push({ text: line.text, got });
  }
  return [...tallies.values()];
}

/** Harmful lines kept from publication (held or rejected), or clean lines kept from it (false alarms). */
export const stoppedRate = (tally: Pick<Tally, 'total' | 'hold' | 'reject'>) =>
  (tally.hold + tally.reject) / tally.total;
