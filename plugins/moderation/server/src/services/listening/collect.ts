/**
 * One round of listening on this instance: the due sources it could claim, each read from its
 * cursor (a network's search page by page, at most its pages per round; a feed once, with its
 * ETag), every page stored before its cursor moves. A source's failure (a 429, a feed that does not
 * parse or answer) is recorded on that source and waits; the other sources go on.
 */
import type { ListeningErrorKind } from '@porte-voix/kit/contracts';
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';

import { excluded, inLanguages, mentionsTerms, type SearchWords } from '../../domain/listening/match';
import { languageOf } from '../../domain/language';
import {
  afterBreak,
  afterRefusal,
  SOURCE_LEASE_MS,
  SOURCES_PER_ROUND,
  type ReadOutcome,
} from '../../domain/source-read';
import {
  listeningSourcesRepository,
  type ListeningSource,
} from '../../repositories/listening-sources.repository';
import { savedSearchesRepository, type SavedSearchRow } from '../../repositories/saved-searches.repository';
import { getService } from '../../utils/get-service';
import { crossPostSearch, type SearchAccount } from './cross-post-search';
import { checkAlerts } from './alerts';
import { FeedError, readFeed } from './feed-reader';
import { storeMention, type Mention } from './store-mention';

/** How often a feed is read (an unchanged one costs a 304). */
const FEED_POLL_MS = 15 * 60_000;
/** A search the account's plan does not offer is tried again a day later, never in a loop. */
const NOT_AVAILABLE_WAIT_MS = 86_400_000;
/** A paused or deleted search's sources are looked at again after this. */
const PAUSED_WAIT_MS = 10 * 60_000;
/** A new source reaches this far back (X's recent search reaches 7 days). */
const FIRST_READ_DAYS = 7;

export type ListeningRound = { claimed: number; collected: number };

type Outcome = ReadOutcome<ListeningErrorKind> & { notAvailable?: boolean };

const wordsOf = (search: SavedSearchRow): SearchWords => ({
  terms: search.terms ?? [],
  exclusions: search.exclusions ?? [],
  languages: search.languages ?? [],
});

/** Keeps a found post as a mention when it is in the search's languages and not excluded. */
function kept(search: SavedSearchRow, mention: Mention, mustMatchTerms: boolean): Mention | null {
  const words = wordsOf(search);
  const language = languageOf(mention.language, mention.text);
  if (!inLanguages(words, language) || excluded(words, mention.text)) return null;
  if (mustMatchTerms && !mentionsTerms(words, mention.text)) return null;
  return { ...mention, language };
}

const sinceOf = (source: ListeningSource) =>
  new Date(source.createdAt.getTime() - FIRST_READ_DAYS * 86_400_000);

async function collectNetwork(
  strapi: Core.Strapi,
  owner: string,
  source: ListeningSource,
  search: SavedSearchRow,
  account: SearchAccount | undefined
): Promise<Outcome> {
  if (!source.accountId || !account)
    return {
      collected: 0,
      inMs: 3_600_000,
      error: `No ${source.network} account can run this search any more: edit the search or reconnect one.`,
      errorKind: 'no_account',
    };
  const sources = listeningSourcesRepository(strapi);
  const settings = await getService(strapi, 'settings').get();
  let cursor = source.cursor;
  let collected = 0;
  for (let page = 0; page < account.pagesPerRound; page++) {
    const answer = await crossPostSearch(strapi).fetch(source.accountId, {
      ...wordsOf(search),
      since: sinceOf(source),
      cursor,
    });
    if (answer.ok === false) return afterRefusal(collected, answer);
    if (answer.notAvailable)
      return {
        collected,
        inMs: NOT_AVAILABLE_WAIT_MS,
        error: answer.notAvailable,
        errorKind: 'not_on_plan',
        notAvailable: true,
      };
    for (const post of answer.posts) {
      const mention = kept(
        search,
        {
          network: source.network,
          remoteId: post.remoteId,
          author: post.author,
          authorUrl: post.authorUrl ?? null,
          text: post.text,
          language: post.language ?? null,
          publishedAt: post.createdAt,
          url: post.url ?? null,
          sourceName: account.name,
          inReplyTo: post.inReplyTo ?? null,
        },
        false
      );
      if (mention && (await storeMention(strapi, settings, search, mention))) collected++;
    }
    // The page is kept: the cursor moves, only while this round still holds the source.
    if (!(await sources.saveCursor(source.id, owner, answer.cursor)))
      return { collected, inMs: 0, error: null };
    cursor = answer.cursor;
    if (!answer.more) break;
  }
  return { collected, inMs: account.pollEveryMs, error: null };
}

type FeedCursor = { etag: string | null; newest: string | null };

/**
 * Feeds on private addresses (services/listening/public-address.ts): under `strapi develop` (autoReload) and in
 * tests (NODE_ENV=test), or where MODERATION_LISTENING_PRIVATE_FEEDS=true says an intranet's feeds are wanted.
 */
const mayReadPrivateFeeds = (strapi: Core.Strapi) =>
  process.env.MODERATION_LISTENING_PRIVATE_FEEDS === 'true' ||
  (process.env.NODE_ENV !== 'production' &&
    (strapi.config.get('autoReload') === true || process.env.NODE_ENV === 'test'));

async function collectFeed(
  strapi: Core.Strapi,
  owner: string,
  source: ListeningSource,
  search: SavedSearchRow
): Promise<Outcome> {
  const sources = listeningSourcesRepository(strapi);
  const settings = await getService(strapi, 'settings').get();
  const cursor: FeedCursor = source.cursor ? JSON.parse(source.cursor) : { etag: null, newest: null };
  let read;
  try {
    read = await readFeed(source.feedUrl!, cursor.etag, {
      allowPrivateAddresses: mayReadPrivateFeeds(strapi),
    });
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    return {
      collected: 0,
      inMs: FEED_POLL_MS,
      error: `The feed ${source.feedUrl} is ${error.message}.`,
      errorKind: 'feed_unreadable',
    };
  }
  if (!read.changed) return { collected: 0, inMs: FEED_POLL_MS, error: null };
  const floor = Math.max(sinceOf(source).getTime(), cursor.newest ? Date.parse(cursor.newest) : 0);
  let newest = cursor.newest;
  let collected = 0;
  // Oldest first, so that the queue reads in order.
  const entries = [...read.entries].sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''));
  for (const entry of entries) {
    // An entry without a date is judged by its key alone: stored once, whenever it shows up.
    if (entry.publishedAt && Date.parse(entry.publishedAt) < floor) continue;
    if (entry.publishedAt && (!newest || entry.publishedAt > newest)) newest = entry.publishedAt;
    const mention = kept(
      search,
      {
        network: 'rss',
        // One article is one mention, whichever feed (or search) brought it.
        remoteId: createHash('sha1')
          .update(entry.link ?? entry.id)
          .digest('hex'),
        author: entry.author || (read.title ?? new URL(source.feedUrl!).host),
        authorUrl: null,
        text: [entry.title, entry.text].filter(Boolean).join(' — ').slice(0, 5000),
        language: entry.language,
        publishedAt: entry.publishedAt,
        url: entry.link,
        sourceName: read.title ?? new URL(source.feedUrl!).host,
        inReplyTo: null,
      },
      true
    );
    if (mention && (await storeMention(strapi, settings, search, mention))) collected++;
  }
  await sources.saveCursor(source.id, owner, JSON.stringify({ etag: read.etag, newest }));
  return { collected, inMs: FEED_POLL_MS, error: null };
}

/** One round: answers how many sources were claimed and how many mentions were stored. */
export async function collectRound(strapi: Core.Strapi, owner: string): Promise<ListeningRound> {
  const sources = listeningSourcesRepository(strapi);
  const claimed = await sources.claimDue({ owner, leaseMs: SOURCE_LEASE_MS, limit: SOURCES_PER_ROUND });
  if (claimed.length === 0) return { claimed: 0, collected: 0 };
  const searches = new Map(
    (await savedSearchesRepository(strapi).findByIds([...new Set(claimed.map((s) => s.searchId))])).map(
      (row) => [row.id, row]
    )
  );
  const needsAccounts = claimed.some((s) => s.network !== 'rss');
  const accounts = needsAccounts ? await crossPostSearch(strapi).accounts() : [];
  let collected = 0;
  for (const source of claimed) {
    const search = searches.get(source.searchId);
    let outcome: Outcome;
    try {
      if (!search || !search.enabled) outcome = { collected: 0, inMs: PAUSED_WAIT_MS, error: null };
      else if (source.network === 'rss') outcome = await collectFeed(strapi, owner, source, search);
      else
        outcome = await collectNetwork(
          strapi,
          owner,
          source,
          search,
          accounts.find((a) => a.accountId === source.accountId)
        );
    } catch (error: any) {
      strapi.log.error(
        `[moderation] listening: source ${source.sourceKey} of search ${source.searchId}: ${error?.stack ?? error}`
      );
      outcome = afterBreak(error);
    }
    collected += outcome.collected;
    await sources.release(source.id, owner, outcome);
  }
  if (collected > 0) await checkAlerts(strapi);
  return { claimed: claimed.length, collected };
}
