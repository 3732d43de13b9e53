/**
 * A reply or mention collected from a network, into the queue beside frontend comments: placed in
 * its thread (our post, or the reply it answers), judged by the same rules, given an intent guess,
 * stored once per (network, remote id) with the audit entry that explains its status.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

import type { ModerationSettings } from '../../config/schema';
import { guessIntent, INTENT_PRIORITY } from '../../domain/intent';
import { languageOf } from '../../domain/language';
import { commentsRepository } from '../../repositories/comments.repository';
import { fingerprintOf } from '../../rules/normalise';
import { toPlainText } from '../../utils/plain-text';
import { getService } from '../../utils/get-service';
import type { Target } from '../targets.service';
import { judge } from '../submission/judge';
import { notifyModerators } from '../submission/notify';
import { verdictEntry } from '../../rules/verdict-entry';
import type { CollectedReply } from './cross-post-replies';

/** A document id shaped like Strapi's own (24 characters, a-z0-9, starting with a letter). */
export function newDocumentId(): string {
  const bytes = randomBytes(24);
  let id = String.fromCharCode(97 + (bytes[0] % 26));
  for (let i = 1; i < 24; i++) id += (bytes[i] % 36).toString(36);
  return id;
}

/** Where a reply sits: under our post, under the collected reply it answers, or on the account (a mention). */
type Placement = {
  target: Target;
  parentId: string | null;
  threadId: string | null;
  remotePostId: string | null;
  remotePostUrl: string | null;
};

function placementOf(reply: CollectedReply, parent: any | undefined): Placement {
  if (reply.repliesTo) {
    return {
      target: {
        type: 'post',
        documentId: reply.repliesTo.postDocumentId,
        key: `post:${reply.repliesTo.postDocumentId}`,
        title: reply.repliesTo.postTitle ?? '',
        campaignDocumentId: reply.repliesTo.campaignDocumentId,
      },
      parentId: null,
      threadId: null,
      remotePostId: reply.repliesTo.remoteId,
      remotePostUrl: reply.repliesTo.url,
    };
  }
  if (parent) {
    return {
      target: {
        type: parent.targetType,
        documentId: parent.targetDocumentId,
        key: parent.targetKey,
        title: parent.targetTitle ?? '',
        campaignDocumentId: parent.campaignDocumentId ?? null,
      },
      parentId: parent.documentId,
      threadId: parent.threadId ?? parent.documentId,
      remotePostId: parent.remotePostId ?? null,
      remotePostUrl: parent.remotePostUrl ?? null,
    };
  }
  return {
    target: {
      type: 'account' as Target['type'],
      documentId: String(reply.accountId),
      key: `account:${reply.accountId}`,
      title: reply.accountName,
      campaignDocumentId: null,
    },
    parentId: null,
    threadId: null,
    remotePostId: null,
    remotePostUrl: null,
  };
}

/** Stores the reply unless it is already in the queue; answers whether it was new. */
export async function storeReply(
  strapi: Core.Strapi,
  settings: ModerationSettings,
  reply: CollectedReply,
  known: { parent?: any }
): Promise<boolean> {
  const comments = commentsRepository(strapi);
  const content = (toPlainText(reply.text) || '—').slice(0, settings.limits.maxContentLength);
  const handle = reply.author.slice(0, 200);
  const authorName = handle.slice(0, settings.limits.maxAuthorNameLength);
  // Most networks do not say a comment's language: guessed then (French or English), else unknown.
  const locale = languageOf(reply.language, content) ?? 'und';
  const identity = {
    // The same person on the same network is one author, across their replies.
    authorKey: getService(strapi, 'identity').authorKey(`${reply.network}:${handle.toLowerCase()}`),
    ipHash: null,
    fingerprint: createHash('sha1').update(fingerprintOf(content)).digest('hex'),
  };
  const placement = placementOf(reply, known.parent);
  const now = new Date();
  const decision = await judge(
    strapi,
    settings,
    { content, authorName, locale, target: placement.target, now },
    identity
  );
  const intent = guessIntent(content);
  const documentId = newDocumentId();
  try {
    await strapi.db.transaction(async () => {
      await comments.insert({
        documentId,
        targetType: placement.target.type,
        targetDocumentId: placement.target.documentId,
        targetKey: placement.target.key,
        targetTitle: placement.target.title.slice(0, 255),
        campaignDocumentId: placement.target.campaignDocumentId,
        parentId: placement.parentId,
        threadId: placement.threadId,
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
        sourceNetwork: reply.network,
        sourceAccountId: reply.accountId,
        sourceAccountName: reply.accountName.slice(0, 200),
        remoteId: reply.remoteId,
        remoteParentId: reply.inReplyTo ?? null,
        remotePostId: placement.remotePostId,
        remoteUrl: reply.url ?? null,
        remotePostUrl: placement.remotePostUrl,
        authorHandle: handle,
        authorUrl: reply.authorUrl ?? null,
        privateMessage: reply.private === true,
      });
      await getService(strapi, 'audit').record(
        verdictEntry(decision, {
          commentDocumentId: documentId,
          authorKey: identity.authorKey,
          details: { source: reply.network },
        })
      );
    });
  } catch (error) {
    // The unique (network, remote id) index: it was stored meanwhile (a read repeated after a crash).
    if ((await comments.findByRemoteIds(reply.network, [reply.remoteId])).length > 0) return false;
    throw error;
  }
  if (decision.status === 'pending') {
    notifyModerators(strapi, {
      kind: 'held',
      commentId: documentId,
      targetKey: placement.target.key,
      targetTitle: placement.target.title,
      authorName,
      content,
      reasons: decision.findings.filter((f) => f.outcome !== 'note').map((f) => f.code),
    });
  }
  return true;
}
