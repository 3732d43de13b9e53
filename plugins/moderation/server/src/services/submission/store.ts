import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

import { getService } from '../../utils/get-service';
import type { Decision } from '../../rules/types';
import type { Submission } from '../../validators/client.validators';
import type { Target } from '../targets.service';
import { verdictEntry } from '../../rules/verdict-entry';
import type { Identity } from './identify-author';
import { commentsRepository } from '../../repositories/comments.repository';
import { guessIntent, INTENT_PRIORITY } from '../../domain/intent';

/** A document id shaped like Strapi's own (24 characters, a-z0-9, starting with a letter). */
function newDocumentId(): string {
  const bytes = randomBytes(24);
  let id = String.fromCharCode(97 + (bytes[0] % 26));
  for (let i = 1; i < 24; i++) id += (bytes[i] % 36).toString(36);
  return id;
}

export type JudgedComment = {
  submission: Submission;
  content: string;
  authorName: string;
  target: Target;
  threadId: string | null;
  identity: Identity;
  decision: Decision;
};

/**
 * Stores the comment with its verdict and the audit entry that explains it, in one transaction,
 * each written without reading it back. Returns the new comment's document id.
 */
export async function storeComment(strapi: Core.Strapi, judged: JudgedComment): Promise<string> {
  const { submission, target, identity, decision } = judged;
  const documentId = newDocumentId();
  const intent = guessIntent(judged.content);
  await strapi.db.transaction(async () => {
    await commentsRepository(strapi).insert({
      intent,
      priority: INTENT_PRIORITY[intent],
      documentId,
      targetType: submission.target.type,
      targetDocumentId: submission.target.documentId,
      targetKey: target.key,
      targetTitle: target.title.slice(0, 255),
      campaignDocumentId: target.campaignDocumentId,
      parentId: submission.parent ?? null,
      threadId: judged.threadId,
      authorName: judged.authorName,
      authorEmail: submission.authorEmail.trim(),
      authorKey: identity.authorKey,
      ipHash: identity.ipHash,
      content: judged.content,
      locale: submission.locale,
      status: decision.status,
      reasons: decision.findings,
      fingerprint: identity.fingerprint,
    });
    await getService(strapi, 'audit').record(
      verdictEntry(decision, { commentDocumentId: documentId, authorKey: identity.authorKey })
    );
  });
  return documentId;
}
