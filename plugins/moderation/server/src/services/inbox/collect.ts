/**
 * One round of the inbox's collection on this instance: new sources for accounts that published,
 * then the due sources this instance could claim, each read page by page from its cursor (at most
 * its network's pages per round), every page stored before its cursor is confirmed. A failure of
 * the network (429, expired token) is the network's answer, not an exception: the source waits for
 * the time the network named.
 */
import type { Core } from '@strapi/strapi';

import { commentsRepository } from '../../repositories/comments.repository';
import type { InboxErrorKind } from '@porte-voix/kit/contracts';

import {
  afterBreak,
  afterRefusal,
  SOURCE_LEASE_MS,
  SOURCES_PER_ROUND,
  type ReadOutcome,
} from '../../domain/source-read';
import { inboxSourcesRepository, type InboxSource } from '../../repositories/inbox-sources.repository';
import { getService } from '../../utils/get-service';
import { crossPostReplies, type InboxAccount } from './cross-post-replies';
import { storeReply } from './store-reply';

export type InboxRound = { claimed: number; collected: number };

export async function addNewSources(strapi: Core.Strapi): Promise<InboxAccount[]> {
  const replies = crossPostReplies(strapi);
  const sources = inboxSourcesRepository(strapi);
  const accounts = await replies.accounts();
  const known = await sources.accountIds();
  for (const account of accounts.filter((a) => !known.has(a.accountId))) {
    await sources.add({
      accountId: account.accountId,
      network: account.network,
      accountName: account.name,
      since: new Date(account.since),
    });
  }
  return accounts;
}

/** Reads one claimed source: answers how many new items it stored and when to read it again. */
async function collectSource(
  strapi: Core.Strapi,
  source: InboxSource,
  profile: InboxAccount | undefined
): Promise<ReadOutcome<InboxErrorKind> & { notices?: string[] }> {
  const replies = crossPostReplies(strapi);
  const comments = commentsRepository(strapi);
  if (!profile) return { collected: 0, inMs: 3_600_000, at: null, error: null, errorKind: null };
  const settings = await getService(strapi, 'settings').get();
  const since = source.since ?? new Date(profile.since);
  let collected = 0;
  // What the network says the account cannot collect (X without search): shown on the source.
  let notice: string | null = null;
  let notices: string[] = [];
  for (let page = 0; page < profile.pagesPerRound; page++) {
    const answer = await replies.fetch(source.accountId, since);
    if (answer.ok === false) return afterRefusal(collected, answer);
    const ids = answer.replies.map((r) => r.remoteId);
    const parentIds = answer.replies.map((r) => r.inReplyTo).filter(Boolean) as string[];
    const [already, parents, ownAnswers] = await Promise.all([
      comments.findByRemoteIds(source.network, ids),
      comments.findByRemoteIds(source.network, parentIds),
      replies.ownAnswers(source.accountId, ids),
    ]);
    // Our own answers, read back in their thread, are not readers' comments: skipped like the stored.
    const stored = new Set([...already.map((row) => String(row.remoteId)), ...ownAnswers]);
    const known = new Map(parents.map((row) => [String(row.remoteId), row]));
    // Oldest first, so that a reply to a reply of the same page finds its parent stored.
    for (const reply of [...answer.replies].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
      if (stored.has(reply.remoteId)) continue;
      const parent = reply.inReplyTo
        ? (known.get(reply.inReplyTo) ??
          (await comments.findByRemoteIds(source.network, [reply.inReplyTo]))[0])
        : undefined;
      if (await storeReply(strapi, settings, reply, { parent })) collected++;
      stored.add(reply.remoteId);
    }
    await replies.confirm(source.accountId, answer.cursor);
    if (answer.notice) [notice, notices] = [answer.notice, answer.notices];
    if (!answer.more) break;
  }
  return {
    collected,
    inMs: profile.pollEveryMs,
    at: null,
    error: notice,
    errorKind: notice ? 'notice' : null,
    notices,
  };
}

/** One round: answers how many sources were claimed and how many items were stored. */
export async function collectRound(strapi: Core.Strapi, owner: string): Promise<InboxRound> {
  const replies = crossPostReplies(strapi);
  if (!replies.available()) return { claimed: 0, collected: 0 };
  const sources = inboxSourcesRepository(strapi);
  const accounts = await addNewSources(strapi);
  const profiles = new Map(accounts.map((a) => [a.accountId, a]));
  const claimed = await sources.claimDue({ owner, leaseMs: SOURCE_LEASE_MS, limit: SOURCES_PER_ROUND });
  let collected = 0;
  for (const source of claimed) {
    let outcome;
    try {
      outcome = await collectSource(strapi, source, profiles.get(source.accountId));
    } catch (error: any) {
      strapi.log.error(
        `[moderation] inbox: ${source.network} account ${source.accountId}: ${error?.stack ?? error}`
      );
      outcome = afterBreak(error);
    }
    collected += outcome.collected;
    await sources.release(source.id, owner, outcome);
  }
  return { claimed: claimed.length, collected };
}
