import { z } from 'zod';

import type { SearchAccount } from '../services/listening/cross-post-search';
import { LANGUAGE_FILTERS } from '../repositories/comments.repository';

/** The networks whose search listening can run, through one of cross-post's accounts. */
export const SEARCH_NETWORKS = ['bluesky', 'mastodon', 'x'] as const;
export type SearchNetwork = (typeof SEARCH_NETWORKS)[number];

const term = z
  .string()
  .trim()
  .min(2, 'a term has at least 2 characters')
  .max(100, 'a term has at most 100 characters')
  .refine((value) => !/[\r\n"]/.test(value), 'a term has no line break or double quote');

const unique = <T>(values: T[]) => new Set(values.map((v) => String(v).toLowerCase())).size === values.length;

const feedUrl = z
  .string()
  .trim()
  .max(2000, 'a feed address has at most 2,000 characters')
  .url('a feed is an http(s) address')
  .refine((value) => /^https?:\/\//i.test(value), 'a feed is an http(s) address');

export const savedSearchSchema = z
  .object({
    name: z.string().trim().min(1, 'give the search a name').max(120, 'at most 120 characters'),
    kind: z.enum(['brand', 'competitor'], { errorMap: () => ({ message: 'must be brand or competitor' }) }),
    terms: z
      .array(term)
      .min(1, 'give at least one term: a brand, product, person or #hashtag')
      .max(20, 'at most 20 terms')
      .refine(unique, 'each term once'),
    exclusions: z
      .array(term)
      .max(20, 'at most 20 exclusions')
      .refine(unique, 'each exclusion once')
      .default([]),
    languages: z
      .array(z.enum(['fr', 'en'], { errorMap: () => ({ message: 'must be fr or en' }) }))
      .min(1, 'choose fr, en or both')
      .refine(unique, 'each language once'),
    networks: z
      .array(
        z.enum(SEARCH_NETWORKS, {
          errorMap: () => ({ message: `must be one of ${SEARCH_NETWORKS.join(', ')}` }),
        })
      )
      .refine(unique, 'each network once')
      .default([]),
    feeds: z.array(feedUrl).max(20, 'at most 20 feeds').refine(unique, 'each feed once').default([]),
    enabled: z.boolean().default(true),
  })
  .strict()
  .refine((search) => search.networks.length + search.feeds.length > 0, {
    message: 'choose at least one network or feed to run the search on',
    path: ['networks'],
  });

export type SavedSearchInput = z.infer<typeof savedSearchSchema>;

export const savedSearchIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'must be a saved search id')
  .transform(Number);

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day such as 2026-05-01')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a day such as 2026-05-01');

const timeZone = z
  .string()
  .max(64)
  .refine((value) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, 'must be a time zone such as Europe/Paris');

/**
 * A listening report: from and to (days, to included, at most 92 days), its time zone, some searches,
 * one network, one language.
 */
export const listeningReportQuerySchema = z
  .object({
    from: day,
    to: day,
    timeZone: timeZone.default('UTC'),
    search: z
      .union([z.string(), z.array(z.string())])
      .transform((value) => (Array.isArray(value) ? value : value.split(',')))
      .pipe(
        z.array(
          z
            .string()
            .regex(/^[1-9]\d{0,9}$/, 'must be saved search ids')
            .transform(Number)
        )
      )
      .optional(),
    /** One network's mentions only (a feed's are `rss`): every figure of the report, not only its lines. */
    network: z
      .string()
      .regex(/^[a-z]{1,40}$/, 'must be a network, as the report names them (bluesky, mastodon, x, rss)')
      .optional(),
    /** French, English, or any other language (unknown included): every figure of the report. */
    language: z
      .enum(LANGUAGE_FILTERS, {
        errorMap: () => ({ message: `must be one of ${LANGUAGE_FILTERS.join(', ')}` }),
      })
      .optional(),
  })
  .strict()
  .refine((query) => query.from <= query.to, { message: 'from must be on or before to', path: ['from'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 92 * 86_400_000, {
    message: 'a report covers at most 92 days',
    path: ['to'],
  });

export const sendToInboxSchema = z
  .object({ accountId: z.number().int().positive('must be a cross-post account id').optional() })
  .strict();

/**
 * The account that answers a mention: one of cross-post's accounts of the mention's network. It may
 * be left out only when that network has a single account: with several, answering as the wrong
 * brand is worse than asking.
 */
export const answeringAccountSchema = (network: string, accounts: SearchAccount[]) => {
  const ofNetwork = accounts.filter((a) => a.network === network);
  const choices = ofNetwork.map((a) => `${a.accountId} (${a.name})`).join(', ');
  return sendToInboxSchema.superRefine(({ accountId }, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: 'custom', path: ['accountId'], message });
    if (ofNetwork.length === 0)
      return fail(
        `no ${network} account is connected to answer this mention: connect one in Settings → Cross-post`
      );
    if (accountId === undefined) {
      if (ofNetwork.length > 1) fail(`choose which ${network} account answers: one of ${choices}`);
      return;
    }
    const account = accounts.find((a) => a.accountId === accountId);
    if (!account)
      return fail(
        `account ${accountId} is none of the accounts that answer mentions: choose one of ${choices}`
      );
    if (account.network !== network)
      fail(
        `account ${accountId} (${account.name}) is on ${account.network}, this mention on ${network}: choose one of ${choices}`
      );
  });
};

export const attachToCampaignSchema = z
  .object({
    campaign: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a campaign document id, or null to detach')
      .nullable(),
  })
  .strict();
