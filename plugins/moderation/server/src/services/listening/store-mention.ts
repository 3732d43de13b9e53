/**
 * A mention found by a saved search, into the queue beside frontend comments and inbox items:
 * judged by the same rules, given an intent guess, stored once per (network, remote id) with the
 * audit entry that explains its status. It sits on its search (`search:<id>`), with no account:
 * sending it to the inbox names the account that may answer it.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';

import type { ModerationSettings } from '../../config/schema';
import { guessIntent, INTENT_PRIORITY } from '../../domain/intent';
import { sentimentOf } from '../../domain/listening/sentiment';
import { commentsRepository } from '../../repositories/comments.repository';
import { listeningHoursRepository } from '../../repositories/listening-hours.repository';
import type { SavedSearchRow } from '../../repositories/saved-searches.repository';
import { fingerprintOf } from '../../rules/normalise';
import { toPlainText } from '../../utils/plain-text';
import { getService } from '../../utils/get-service';
import { newDocumentId } from '../inbox/store-reply';
import { judge } from '../submission/judge';
import { notifyModerators } from '../submission/notify';
import { verdictEntry } from '../../rules/verdict-entry';
import type { Target } from '../targets.service';

export type Mention = {
  network: string;
  remoteId: string;
  author: string;
  authorUrl: string | null;
  text: string;
  language: string | null;
  publishedAt: string | null;
  url: string | null;
  /** Where it was found, as the admin names it (a feed's title, the account that searched). */
  sourceName: string | null;
  inReplyTo: string | null;
};

/** Stores the mention unless it is already in the queue; answers whether it was new. */
export async function storeMention(
  strapi: Core.Strapi,
  settings: ModerationSettings,
  search: SavedSearchRow,
  mention: Mention
): Promise<boolean> {
  const comments = commentsRepository(strapi);
  const content = (toPlainText(mention.text) || '—').slice(0, settings.limits.maxContentLength);
  const handle = mention.author.slice(0, 200);
  const authorName = handle.slice(0, settings.limits.maxAuthorNameLength);
  const locale = mention.language ?? 'und';
  const identity = {
    authorKey: getService(strapi, 'identity').authorKey(`${mention.network}:${handle.toLowerCase()}`),
    ipHash: null,
    fingerprint: createHash('sha1').update(fingerprintOf(content)).digest('hex'),
  };
  const target = {
    type: 'search' as Target['type'],
    documentId: String(search.id),
    key: `search:${search.id}`,
    title: search.name,
    campaignDocumentId: null,
  };
  const now = new Date();
  const decision = await judge(strapi, settings, { content, authorName, locale, target, now }, identity);
  const intent = guessIntent(content);
  const documentId = newDocumentId();
  const sentiment = sentimentOf(content, locale);
  const publishedAt =
    mention.publishedAt && Number.isFinite(Date.parse(mention.publishedAt))
      ? new Date(mention.publishedAt)
      : now;
  try {
    await strapi.db.transaction(async () => {
      await comments.insert({
        documentId,
        targetType: target.type,
        targetDocumentId: target.documentId,
        targetKey: target.key,
        targetTitle: target.title.slice(0, 255),
        campaignDocumentId: null,
        parentId: null,
        threadId: null,
        authorName,
        authorEmail: null as unknown as string,
        authorKey: identity.authorKey,
        ipHash: null,
        content,
        locale,
        status: decision.status,
        reasons: decision.findings,
        fingerprint: identity.fingerprint,
        intent,
        priority: INTENT_PRIORITY[intent],
        sourceNetwork: mention.network,
        sourceAccountId: null,
        sourceAccountName: mention.sourceName ? mention.sourceName.slice(0, 200) : null,
        remoteId: mention.remoteId,
        remoteParentId: mention.inReplyTo,
        remotePostId: null,
        remoteUrl: mention.url,
        remotePostUrl: null,
        authorHandle: handle,
        authorUrl: mention.authorUrl,
        savedSearchId: search.id,
        publishedOnNetworkAt: publishedAt,
        sentiment,
      } as any);
      await getService(strapi, 'audit').record(
        verdictEntry(decision, {
          commentDocumentId: documentId,
          authorKey: identity.authorKey,
          details: { source: mention.network, search: search.id },
        })
      );
    });
  } catch (error) {
    // The unique (network, remote id) index: found meanwhile by another search or instance.
    if ((await comments.findByRemoteIds(mention.network, [mention.remoteId])).length > 0) return false;
    throw error;
  }
  // Counted once stored (a crash in between leaves the mention uncounted, never counted twice).
  await listeningHoursRepository(strapi).add({
    searchId: search.id,
    at: publishedAt,
    network: mention.network,
    language: locale,
    sentiment,
  });
  if (decision.status === 'pending') {
    notifyModerators(strapi, {
      kind: 'held',
      commentId: documentId,
      targetKey: target.key,
      targetTitle: target.title,
      authorName,
      content,
      reasons: decision.findings.filter((f) => f.outcome !== 'note').map((f) => f.code),
    });
  }
  return true;
}
