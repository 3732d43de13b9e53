/**
 * What one plugin answers and another reads, in one place: plain values with no dependency, for
 * servers and admins alike.
 */

/**
 * The counters a network may report for one published delivery: cross-post's providers read them,
 * its `metrics` service answers them, engagement stores and shows them. null means "this network
 * does not measure it", never 0: every figure built on a null counter is absent, not zero.
 */
export const METRIC_COUNTERS = [
  'impressions',
  'reach',
  'views',
  'reactions',
  'comments',
  'shares',
  'quotes',
  'bookmarks',
  'linkClicks',
  'profileClicks',
] as const;
export type MetricCounter = (typeof METRIC_COUNTERS)[number];
export type MetricCounters = Record<MetricCounter, number | null>;

/** The counters that are someone interacting with a post (Buffer's and Metricool's "engagements"). */
export const INTERACTION_COUNTERS = [
  'reactions',
  'comments',
  'shares',
  'quotes',
  'bookmarks',
  'linkClicks',
  'profileClicks',
] as const satisfies readonly MetricCounter[];

/**
 * How fast the inbox answered one network's replies and mentions collected in one week: moderation
 * measures it (its `inbox-report` service), engagement's reports read it. Minutes are from the
 * item's arrival in the queue; `withinGoal` counts the items answered or resolved within the goal set
 * for that network in the moderation settings, `overdue` those still neither, past it.
 */
export type ResponseTimeWeek = {
  network: string;
  /** The ISO week, `2026-W49`, and its Monday (`YYYY-MM-DD`), in the report's time zone. */
  week: string;
  weekStart: string;
  items: number;
  answered: number;
  medianFirstResponseMinutes: number | null;
  resolved: number;
  medianResolutionMinutes: number | null;
  goalMinutes: number;
  withinGoal: number;
  /** withinGoal / items, 0–1; null when the week had no item. */
  withinGoalRate: number | null;
  overdue: number;
};

/**
 * How much was said of the brand in one week: the mentions listening's brand searches found,
 * published in that week, and share of voice against what its competitor searches found. Moderation
 * counts them (its `listening-report` service), engagement's reports read them.
 */
export type MentionWeek = {
  /** The ISO week, `2026-W49`, and its Monday (`YYYY-MM-DD`), in the report's time zone. */
  week: string;
  weekStart: string;
  /** Mentions found by brand searches, by sentiment. */
  mentions: number;
  positive: number;
  neutral: number;
  negative: number;
  /** Mentions found by competitor searches. */
  competitorMentions: number;
  /** mentions / (mentions + competitorMentions), 0–1; null when neither was mentioned. */
  brandShare: number | null;
};

/**
 * Why cross-post could not read an account's network now (its metrics, its replies): the network asked
 * to wait, the account must be reconnected, the network failed or refused, or the account's posts go
 * out first. Moderation's inbox keeps it on the account's source and says it in the editor's language.
 */
export const READ_FAILURE_REASONS = [
  'rate_limited',
  'reconnect',
  'network_error',
  'paused_for_publishing',
] as const;
export type ReadFailureReason = (typeof READ_FAILURE_REASONS)[number];

/**
 * What an inbox source's last read met: a read failure, `notice` (the network says what this account
 * cannot collect, the rest is read) or `failed` (the read itself broke).
 */
export const INBOX_ERROR_KINDS = [...READ_FAILURE_REASONS, 'notice', 'failed'] as const;
export type InboxErrorKind = (typeof INBOX_ERROR_KINDS)[number];

/**
 * What a listening source's last read met: a network's read failure, a feed that could not be read
 * (`feed_unreadable`, the details in the feed's own terms), no account left to run the search, a
 * network plan without search (`not_on_plan`), or `failed` (the read itself broke). The admin says
 * it in the editor's language, then the details.
 */
export const LISTENING_ERROR_KINDS = [
  ...READ_FAILURE_REASONS,
  'feed_unreadable',
  'no_account',
  'not_on_plan',
  'failed',
] as const;
export type ListeningErrorKind = (typeof LISTENING_ERROR_KINDS)[number];

/**
 * Why an answer sent from the inbox is not (known to be) online: its outcome is unknown and sending
 * it again is safe (`uncertain_resend`: the network recognises it) or not (`uncertain_check`: look on
 * the network first); the network asks to wait, refuses the account's token, accepts no answer in a
 * private conversation this late (Messenger's and Instagram's 24 hours), or refused it. Cross-post
 * keeps it on the answer; the queue says it in the editor's language, then the network's words.
 */
export const ANSWER_FAILURE_KINDS = [
  'uncertain_resend',
  'uncertain_check',
  'rate_limited',
  'reconnect',
  'window_closed',
  'refused',
] as const;
export type AnswerFailureKind = (typeof ANSWER_FAILURE_KINDS)[number];

/**
 * What an account's inbox cannot collect, and why, as the source shows it until it changes: the
 * token does not allow the private messages (per network: each says how to allow them), X's plan
 * has no recent search or no direct messages, Discord's gateway is not connected. Cross-post says
 * them with a code (and in English, `notice`); the queue's source panel in the editor's language.
 */
export const INBOX_NOTICES = [
  'bluesky.messagesRefused',
  'discord.gatewayAway',
  'discourse.messagesRefused',
  'facebook.messagesRefused',
  'instagram.messagesRefused',
  'x.searchUnavailable',
  'x.messagesUnavailable',
] as const;
export type InboxNotice = (typeof INBOX_NOTICES)[number];
