import type { RuleId } from '../config/schema';
import type { WordMatch } from './wordlist';

export type CommentStatus = 'approved' | 'pending' | 'rejected';

/** What a rule decided: reject, hold for review, or only note something for moderators. */
export type RuleOutcome = 'reject' | 'hold' | 'note';

export type SanctionKind = 'warning' | 'suspension' | 'ban' | 'premoderation';

/**
 * Why a rule fired, as a stable code: the admin shows it in the moderator's language (its key
 * `reason.<code>` with the finding's `params`), and the author's message is chosen by it.
 */
export const FINDING_CODES = [
  'author_banned',
  'author_suspended',
  'author_premoderated',
  'author_warned',
  'banned_word',
  'suspect_word',
  'threat',
  'link',
  'shouting',
  'repeated_characters',
  'repeated_words',
  'duplicate',
  'author_history',
  'new_author',
  'premoderation',
  'scorer',
  'scorer_unavailable',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** The values a finding's message needs (words found, counts, dates as ISO text): plain values only. */
export type FindingParams = Record<string, string | number | boolean>;

export type Finding = {
  rule: RuleId;
  outcome: RuleOutcome;
  code: FindingCode;
  params: FindingParams;
  /** Highlights for the moderator's card: offsets in the field's text. */
  matches?: (WordMatch & { field: 'content' | 'authorName' })[];
  data?: Record<string, unknown>;
};

export type Decision = {
  status: CommentStatus;
  /** Every rule that fired, in rule order. */
  findings: Finding[];
};

export type CommentInput = {
  content: string;
  authorName: string;
  locale?: string;
};

/** What the rules need to know beyond the text, looked up by the submission service. */
export type SubmissionContext = {
  now: Date;
  sanction: { kind: SanctionKind; until?: string | null; note?: string | null } | null;
  author: {
    approved: number;
    /** Comments in the history window, and how many of them were rejected. */
    recent: number;
    recentRejected: number;
  };
  /** Comments with the same text in the duplicates window: by this author, and by anyone. */
  duplicates: { sameAuthor: number; anyone: number };
  /** Why every comment on this target is held, if it is: 'all', 'target' or 'campaign'. */
  premoderated: null | 'all' | 'target' | 'campaign';
};

export const emptyContext = (now = new Date()): SubmissionContext => ({
  now,
  sanction: null,
  author: { approved: 0, recent: 0, recentRejected: 0 },
  duplicates: { sameAuthor: 0, anyone: 0 },
  premoderated: null,
});
