import type { ModerationSettings, RuleId } from '../config/schema';
import { tokenize, type Tokens } from './normalise';
import { findThreats } from './threats';
import { compileWordLists, findWords, type WordListFile } from './wordlist';
import type { CommentInput, Decision, Finding, SubmissionContext } from './types';
import frWords from './words/fr.json';
import enWords from './words/en.json';

/**
 * The ordered rules, as a pure and synchronous function of (comment, context, settings): no I/O,
 * so that it is fast (see tests/bench) and testable without Strapi. The external scorer is the
 * one rule that needs the network: the submission service runs it after these.
 */

export const DEFAULT_WORD_LISTS: WordListFile[] = [frWords as WordListFile, enWords as WordListFile];

type Prepared = {
  input: CommentInput;
  content: Tokens;
  authorName: Tokens;
  wordMatches?: Finding['matches'];
};

type TextRule = (prepared: Prepared, context: SubmissionContext) => Finding | null;

const URL_PATTERN =
  /\b(?:https?:\/\/|www\.)[^\s<>"']+|\b(?:[a-z0-9-]+\.)+(?:com|net|org|fr|io|ly|co|me|info|biz|xyz|ru|cn|de|uk|eu|be|ch|ca|us|tk|app|dev|site|online|shop|link|click|gl|gg|tv)(?:\/[^\s<>"']*)?(?![\w.-])/gi;

export function linkDomains(text: string): string[] {
  const domains: string[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    // A link ends before the punctuation of the sentence around it ("see https://tcl.fr, then").
    const host = match[0]
      .replace(/[.,;:!?)\]]+$/, '')
      .replace(/^https?:\/\//i, '')
      .replace(/^www\./i, '')
      .split(/[/?#:]/)[0]
      .toLowerCase();
    if (host) domains.push(host);
  }
  return domains;
}

const onAllowedDomain = (host: string, allowed: string[]) =>
  allowed.some((domain) => host === domain || host.endsWith(`.${domain}`));

export type RulesEngine = {
  evaluate(input: CommentInput, context: SubmissionContext): Decision;
};

export function createRulesEngine(settings: ModerationSettings): RulesEngine {
  const wordLists = compileWordLists(
    settings.words.useDefaultLists ? DEFAULT_WORD_LISTS : [],
    settings.words
  );
  const disabled = new Set(settings.rules.disabled);

  // Both word rules read the same matches: they are found once per comment.
  const wordMatches = (prepared: Prepared): NonNullable<Finding['matches']> =>
    (prepared.wordMatches ??= [
      ...findWords(wordLists, prepared.content, prepared.input.locale).map((match) => ({
        ...match,
        field: 'content' as const,
      })),
      ...findWords(wordLists, prepared.authorName, prepared.input.locale).map((match) => ({
        ...match,
        field: 'authorName' as const,
      })),
    ]);

  const wordRule =
    (rule: 'bannedWords' | 'suspectWords', level: 'banned' | 'suspect'): TextRule =>
    (prepared) => {
      const matches = wordMatches(prepared).filter((match) => match.level === level);
      if (matches.length === 0) return null;
      const terms = [...new Set(matches.map((match) => match.term))];
      return {
        rule,
        outcome: level === 'banned' ? 'reject' : 'hold',
        code: level === 'banned' ? 'banned_word' : 'suspect_word',
        params: { count: terms.length, terms: terms.join(', ') },
        matches,
      };
    };

  const rules: Record<RuleId, TextRule> = {
    sanctions: (_prepared, { sanction, now }): Finding | null => {
      if (!sanction) return null;
      switch (sanction.kind) {
        case 'ban':
          return {
            rule: 'sanctions',
            outcome: 'reject',
            code: 'author_banned',
            params: {},
          };
        case 'suspension':
          return {
            rule: 'sanctions',
            outcome: 'reject',
            code: 'author_suspended',
            params: { hasEnd: Boolean(sanction.until), until: sanction.until ?? '' },
            data: { until: sanction.until ?? null },
          };
        case 'premoderation':
          return {
            rule: 'sanctions',
            outcome: 'hold',
            code: 'author_premoderated',
            params: {},
          };
        case 'warning':
          return {
            rule: 'sanctions',
            outcome: 'note',
            code: 'author_warned',
            params: { withNote: Boolean(sanction.note), note: sanction.note ?? '' },
            data: { at: now.toISOString() },
          };
        default:
          return null;
      }
    },
    bannedWords: wordRule('bannedWords', 'banned'),
    suspectWords: wordRule('suspectWords', 'suspect'),
    threats: ({ input, content }) => {
      const matches = findThreats(content, input.content);
      if (matches.length === 0) return null;
      return {
        rule: 'threats',
        outcome: 'hold',
        code: 'threat',
        params: { count: matches.length, terms: matches.map((match) => `"${match.term}"`).join(', ') },
        matches: matches.map((match) => ({ ...match, field: 'content' as const })),
      };
    },
    links: ({ input }) => {
      if (settings.links.action === 'allow') return null;
      const hosts = [...linkDomains(input.content), ...linkDomains(input.authorName)];
      const outside = [
        ...new Set(hosts.filter((host) => !onAllowedDomain(host, settings.links.allowedDomains))),
      ];
      if (outside.length === 0) return null;
      return {
        rule: 'links',
        outcome: settings.links.action === 'reject' ? 'reject' : 'hold',
        code: 'link',
        params: { domains: outside.join(', ') },
        data: { domains: outside },
      };
    },
    shouting: ({ input }) => {
      let upper = 0;
      let lower = 0;
      const text = input.content;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 65 && code <= 90) upper++;
        else if (code >= 97 && code <= 122) lower++;
        else if (code > 127) {
          const char = text[i];
          const lowered = char.toLowerCase();
          if (lowered !== char) upper++;
          else if (char.toUpperCase() !== char) lower++;
        }
      }
      const letters = upper + lower;
      if (letters < settings.shouting.minLetters || upper / letters <= settings.shouting.maxCapitalsRatio)
        return null;
      return {
        rule: 'shouting',
        outcome: 'hold',
        code: 'shouting',
        params: { percent: Math.round((100 * upper) / letters) },
      };
    },
    repetition: ({ input, content }) => {
      const text = input.content;
      let longest = 1;
      let run = 1;
      for (let i = 1; i < text.length; i++) {
        const char = text.charCodeAt(i);
        if (char === text.charCodeAt(i - 1) && char !== 32) {
          run++;
          if (run > longest) longest = run;
        } else run = 1;
      }
      if (longest >= settings.repetition.maxCharacterRun) {
        return {
          rule: 'repetition',
          outcome: 'hold',
          code: 'repeated_characters',
          params: { count: longest },
        };
      }
      let wordRun = 1;
      const list = content.words;
      for (let i = 1; i < list.length; i++) {
        if (list[i].skeleton === list[i - 1].skeleton) {
          wordRun++;
          if (wordRun >= settings.repetition.maxWordRun) {
            return {
              rule: 'repetition',
              outcome: 'hold',
              code: 'repeated_words',
              params: { count: wordRun },
            };
          }
        } else wordRun = 1;
      }
      return null;
    },
    duplicates: (_prepared, { duplicates }): Finding | null => {
      if (duplicates.sameAuthor > 0) {
        return {
          rule: 'duplicates',
          outcome: 'hold',
          code: 'duplicate',
          params: { byAuthor: true },
        };
      }
      if (duplicates.anyone >= settings.duplicates.maxSameText) {
        return {
          rule: 'duplicates',
          outcome: 'hold',
          code: 'duplicate',
          params: { byAuthor: false, count: duplicates.anyone, minutes: settings.duplicates.windowMinutes },
        };
      }
      return null;
    },
    authorHistory: (_prepared, { author }) => {
      const { minComments, maxRejectedRatio, windowDays } = settings.authorHistory;
      if (author.recent < minComments || author.recentRejected / author.recent < maxRejectedRatio)
        return null;
      return {
        rule: 'authorHistory',
        outcome: 'hold',
        code: 'author_history',
        params: { rejected: author.recentRejected, total: author.recent, days: windowDays },
      };
    },
    newAuthor: (_prepared, { author }) => {
      if (!settings.newAuthorPremoderation || author.approved > 0) return null;
      return {
        rule: 'newAuthor',
        outcome: 'hold',
        code: 'new_author',
        // Comments of theirs in the history window, none approved: 0 makes this their first.
        params: { earlier: author.recent },
      };
    },
    premoderation: (_prepared, { premoderated }) => {
      if (!premoderated) return null;
      return {
        rule: 'premoderation',
        outcome: 'hold',
        code: 'premoderation',
        params: { scope: premoderated },
      };
    },
    // Needs the network: run by the submission service (services/external-scorer.ts).
    externalScorer: () => null,
  };

  const ordered = settings.rules.order.filter((id) => !disabled.has(id)).map((id) => rules[id]);

  return {
    evaluate(input, context) {
      const prepared: Prepared = {
        input,
        content: tokenize(input.content),
        authorName: tokenize(input.authorName),
      };
      const findings: Finding[] = [];
      for (const rule of ordered) {
        const finding = rule(prepared, context);
        if (finding) findings.push(finding);
      }
      return { status: statusOf(findings), findings };
    },
  };
}

/** Any rejection wins; then any hold; notes change nothing. */
export function statusOf(findings: Finding[]): Decision['status'] {
  if (findings.some((finding) => finding.outcome === 'reject')) return 'rejected';
  if (findings.some((finding) => finding.outcome === 'hold')) return 'pending';
  return 'approved';
}
