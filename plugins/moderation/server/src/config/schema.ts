import { z } from 'zod';

/**
 * The moderation settings: defaults in `config/plugins.ts` (validated at boot: a bad value stops
 * the app with a message), then edited by moderators in the admin (`PUT /moderation/settings`).
 */

export const RULE_IDS = [
  'sanctions',
  'bannedWords',
  'suspectWords',
  'threats',
  'links',
  'shouting',
  'repetition',
  'duplicates',
  'authorHistory',
  'newAuthor',
  'premoderation',
  'externalScorer',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const REPORT_REASONS = ['spam', 'abuse', 'off_topic', 'illegal', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const TARGET_KINDS = ['post', 'event', 'campaign'] as const;

const count = (max: number) => z.number().int().min(0).max(max);
const ratio = z.number().min(0).max(1);
const word = z.string().trim().min(1).max(100);
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a domain name such as example.org');
const httpUrl = z
  .string()
  .trim()
  .refine((value) => value === '' || /^https?:\/\/[^\s]+$/i.test(value), 'must be an http(s) URL, or empty');
/** "post:<documentId>", "event:<documentId>" or "campaign:<documentId>". */
export const targetKeySchema = z
  .string()
  .regex(
    /^(post|event|campaign):[A-Za-z0-9_-]{1,64}$/,
    'must read post:DOCUMENT_ID, event:DOCUMENT_ID or campaign:DOCUMENT_ID'
  );

const ruleOrder = z
  .array(z.enum(RULE_IDS))
  .refine((ids) => new Set(ids).size === ids.length, 'lists a rule twice')
  .transform((ids) => [...ids, ...RULE_IDS.filter((id) => !ids.includes(id))]);

export const settingsSchema = z
  .object({
    /** Hold the first comment of an author until a moderator has approved one. */
    newAuthorPremoderation: z.boolean(),
    rateLimits: z
      .object({
        /** Submissions per minute from one IP address; 0 turns the limit off. */
        perIpPerMinute: count(100_000),
        /** Submissions per minute from one author (e-mail); 0 turns the limit off. */
        perAuthorPerMinute: count(100_000),
      })
      .strict(),
    premoderation: z
      .object({
        /** Hold every comment everywhere. */
        all: z.boolean(),
        /** Hold every comment on these targets, or on every post and event of these campaigns. */
        targets: z.array(targetKeySchema).max(10_000),
      })
      .strict(),
    rules: z
      .object({
        /** The order in which rules run and are listed in a decision; missing rules are appended. */
        order: ruleOrder,
        disabled: z.array(z.enum(RULE_IDS)),
      })
      .strict(),
    words: z
      .object({
        /** Use the lists shipped with the plugin (French and English) as well as the words below. */
        useDefaultLists: z.boolean(),
        banned: z.array(word).max(5_000),
        suspect: z.array(word).max(5_000),
        /** Never flagged, whatever the lists say (a word or a phrase). */
        allowed: z.array(word).max(5_000),
      })
      .strict(),
    links: z
      .object({
        /** What a comment with a link gets, unless every link is on an allowed domain. */
        action: z.enum(['hold', 'reject', 'allow']),
        allowedDomains: z.array(domain).max(1_000),
      })
      .strict(),
    shouting: z
      .object({
        minLetters: count(10_000),
        maxCapitalsRatio: ratio,
      })
      .strict(),
    repetition: z
      .object({
        /** The same character this many times in a row ("!!!!!!!!!!!!"). */
        maxCharacterRun: z.number().int().min(3).max(1_000),
        /** The same word this many times in a row. */
        maxWordRun: z.number().int().min(2).max(1_000),
      })
      .strict(),
    duplicates: z
      .object({
        windowMinutes: z
          .number()
          .int()
          .min(1)
          .max(60 * 24 * 30),
        /** Held when this many comments with the same text were posted by anyone in the window. */
        maxSameText: z.number().int().min(1).max(100_000),
      })
      .strict(),
    authorHistory: z
      .object({
        windowDays: z.number().int().min(1).max(3650),
        /** Only judged once the author wrote this many comments in the window. */
        minComments: z.number().int().min(1).max(10_000),
        /** Held when this share of the author's comments in the window was rejected. */
        maxRejectedRatio: ratio,
      })
      .strict(),
    reports: z
      .object({
        /** A comment whose report score reaches this is hidden until a moderator decides. */
        hideScore: z.number().min(0.5).max(10_000),
        weights: z
          .object(
            Object.fromEntries(
              REPORT_REASONS.map((reason) => [reason, z.number().min(0).max(100)])
            ) as Record<ReportReason, z.ZodNumber>
          )
          .strict(),
      })
      .strict(),
    limits: z
      .object({
        maxContentLength: z.number().int().min(10).max(100_000),
        maxAuthorNameLength: z.number().int().min(2).max(200),
        maxNoteLength: z.number().int().min(10).max(10_000),
      })
      .strict(),
    externalScorer: z
      .object({
        enabled: z.boolean(),
        /** Receives `{ content, locale, authorKey }`, answers `{ score: 0..1, labels?: string[] }`. */
        url: httpUrl,
        timeoutMs: z.number().int().min(50).max(30_000),
        holdAbove: ratio,
        rejectAbove: ratio,
      })
      .strict()
      .refine((scorer) => !scorer.enabled || scorer.url !== '', {
        message: 'needs a url when enabled',
        path: ['url'],
      }),
    notifications: z
      .object({
        /** Held and reported comments are gathered this long and sent as one message. */
        debounceSeconds: z.number().int().min(0).max(86_400),
        webhookUrl: httpUrl,
        emails: z.array(z.string().trim().email()).max(100),
        /** Where links in notifications point (the admin's URL), e.g. https://cms.example.org/admin. */
        adminUrl: httpUrl,
      })
      .strict(),
    /** Replies and mentions from the networks: how fast an answer is due, per network (minutes). */
    inbox: z
      .object({
        responseGoalMinutes: z.number().int().min(1).max(43_200),
        perNetwork: z.record(
          z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be a network id such as mastodon'),
          z.number().int().min(1).max(43_200)
        ),
      })
      .strict(),
  })
  .strict();

export type ModerationSettings = z.output<typeof settingsSchema>;
export type ModerationSettingsInput = z.input<typeof settingsSchema>;

export const defaultSettings: ModerationSettings = {
  newAuthorPremoderation: true,
  rateLimits: { perIpPerMinute: 10, perAuthorPerMinute: 5 },
  premoderation: { all: false, targets: [] },
  rules: { order: [...RULE_IDS], disabled: [] },
  words: { useDefaultLists: true, banned: [], suspect: [], allowed: [] },
  links: { action: 'hold', allowedDomains: [] },
  shouting: { minLetters: 20, maxCapitalsRatio: 0.7 },
  repetition: { maxCharacterRun: 12, maxWordRun: 4 },
  duplicates: { windowMinutes: 60, maxSameText: 3 },
  authorHistory: { windowDays: 30, minComments: 3, maxRejectedRatio: 0.5 },
  reports: { hideScore: 3, weights: { spam: 1, abuse: 1, off_topic: 0.5, illegal: 2, other: 0.5 } },
  limits: { maxContentLength: 5_000, maxAuthorNameLength: 80, maxNoteLength: 1_000 },
  externalScorer: { enabled: false, url: '', timeoutMs: 800, holdAbove: 0.7, rejectAbove: 0.95 },
  notifications: { debounceSeconds: 60, webhookUrl: '', emails: [], adminUrl: '' },
  inbox: { responseGoalMinutes: 240, perNetwork: {} },
};

/** Zod's first problem as one sentence an editor can act on: "rateLimits.perIpPerMinute: ...". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}

/** Deep merge of plain objects; arrays and scalars from `patch` replace those of `base`. */
export function mergeSettings<T>(base: T, patch: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(patch)) return (patch === undefined ? base : patch) as T;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    merged[key] = key in merged ? mergeSettings(merged[key], value) : value;
  }
  return merged as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
