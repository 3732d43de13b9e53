import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { toPlainText } from '../utils/plain-text';
import { getService } from '../utils/get-service';
import type { ReportReason } from '../config/schema';
import { commentsRepository } from '../repositories/comments.repository';
import { reportsRepository } from '../repositories/reports.repository';
import type { Submission } from '../validators/client.validators';
import { authorMessage } from './messages';
import { SYSTEM } from './audit.service';
import { cleanText } from './submission/clean-text';
import { placeComment } from './submission/place';
import { identifyAuthor, takeSubmissionPlaces } from './submission/identify-author';
import { judge } from './submission/judge';
import { storeComment } from './submission/store';
import { notifyModerators } from './submission/notify';

export type PublicComment = {
  id: string;
  parent: string | null;
  authorName: string;
  content: string;
  locale: string | null;
  createdAt: string;
  replies: PublicComment[];
};

export type ReportInput = { reason: ReportReason; note?: string };

const clientService = ({ strapi }: { strapi: Core.Strapi }) => {
  const comments = commentsRepository(strapi);
  const reports = reportsRepository(strapi);
  return {
    /** Runs a comment from a frontend through the rules and stores it with the decision. */
    async submit(submission: Submission, request: { ip?: string }) {
      const settings = await getService(strapi, 'settings').get();
      const now = new Date();
      const { content, authorName } = cleanText(submission, settings.limits);
      const { target, threadId } = await placeComment(strapi, submission);
      const identity = identifyAuthor(strapi, {
        authorEmail: submission.authorEmail,
        ip: request.ip,
        content,
      });
      await takeSubmissionPlaces(strapi, settings.rateLimits, identity);

      const decision = await judge(
        strapi,
        settings,
        { content, authorName, locale: submission.locale, target, now },
        identity
      );
      const id = await storeComment(strapi, {
        submission,
        content,
        authorName,
        target,
        threadId,
        identity,
        decision,
      });

      if (decision.status === 'pending') {
        notifyModerators(strapi, {
          kind: 'held',
          commentId: id,
          targetKey: target.key,
          targetTitle: target.title,
          authorName,
          content,
          reasons: decision.findings
            .filter((finding) => finding.outcome !== 'note')
            .map((finding) => finding.code),
        });
      }

      const deciding = decision.findings.find((finding) => finding.outcome === 'reject');
      return {
        id,
        status: decision.status,
        message: deciding
          ? authorMessage(deciding.code, submission.locale, { until: String(deciding.data?.until ?? '') })
          : authorMessage(decision.status, submission.locale),
        ...(deciding ? { rule: deciding.rule } : {}),
      };
    },

    /** Approved comments of a target, threaded: newest threads first, replies in reading order. */
    async listApproved(targetKey: string, page: number, pageSize: number) {
      const { roots, replies, total } = await comments.approvedThreads(targetKey, page, pageSize);

      const toPublic = (row: any): PublicComment => ({
        id: row.documentId,
        parent: row.parentId ?? null,
        authorName: row.authorName,
        content: row.content,
        locale: row.locale ?? null,
        createdAt: new Date(row.createdAt).toISOString(),
        replies: [],
      });
      const nodes = new Map<string, PublicComment>();
      const data = roots.map((row: any) => {
        const node = toPublic(row);
        nodes.set(node.id, node);
        return node;
      });
      for (const row of replies) nodes.set(row.documentId, toPublic(row));
      for (const row of replies) {
        // A reply whose parent is not visible (held or rejected since) hangs under the thread's root.
        const parent = nodes.get(row.parentId) ?? nodes.get(row.threadId);
        parent?.replies.push(nodes.get(row.documentId)!);
      }
      return {
        data,
        meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
      };
    },

    /** A reader's report; enough reports hide the comment until a moderator decides. */
    async report(commentDocumentId: string, input: ReportInput, request: { ip?: string }) {
      const settings = await getService(strapi, 'settings').get();
      const comment = await comments.findByDocumentId(commentDocumentId);
      // What the public listing never shows (anything collected from a network, a private message
      // above all) cannot be reported as if a reader had seen it.
      if (!comment || comment.status !== 'approved' || comment.sourceNetwork) {
        throw new errors.NotFoundError(`No published comment has the id "${commentDocumentId}"`, {
          reason: 'comment_not_found',
        });
      }
      const note = input.note === undefined ? null : toPlainText(input.note) || null;
      if (note && note.length > settings.limits.maxNoteLength) {
        throw new errors.ValidationError(
          `note: is too long: at most ${settings.limits.maxNoteLength} characters`,
          { reason: 'invalid_input', field: 'note' }
        );
      }

      const ipHash = getService(strapi, 'identity').ipHash(request.ip);
      const alreadyReported = { created: false, data: { id: commentDocumentId, reported: true } };
      const reportedBefore = async () =>
        ipHash !== null && (await reports.countFrom(commentDocumentId, ipHash)) > 0;
      // A repeat costs no place in the rate window; the unique index settles the parallel ones.
      if (await reportedBefore()) return alreadyReported;
      if (ipHash) {
        await getService(strapi, 'rate-limits').take(
          `report:ip:${ipHash}`,
          settings.rateLimits.perIpPerMinute,
          {
            message: 'Too many reports from your network',
            limit: 'perIpPerMinute',
          }
        );
      }

      const weight = settings.reports.weights[input.reason];
      try {
        await reports.create({ commentDocumentId, reason: input.reason, note, weight, ipHash });
      } catch (error) {
        // One report per reader and comment (unique index): a parallel twin got there first.
        if (await reportedBefore()) return alreadyReported;
        throw error;
      }
      const totals = await reports.totalsSince(
        commentDocumentId,
        comment.moderatedAt ? new Date(comment.moderatedAt) : null
      );
      const hide = comment.status === 'approved' && totals.score >= settings.reports.hideScore;

      await comments.update(comment.id, {
        reportCount: totals.count,
        reportScore: totals.score,
        reportReasons: totals.reasons,
        reportState: 'open',
        ...(hide ? { status: 'pending' } : {}),
      });
      const audit = getService(strapi, 'audit');
      await audit.record({
        action: 'reported',
        actor: { type: 'public', name: 'Reader' },
        commentDocumentId,
        authorKey: comment.authorKey,
        reasonCode: input.reason,
        details: { note, weight, score: totals.score },
      });
      if (hide) {
        await audit.record({
          action: 'hidden_by_reports',
          actor: SYSTEM,
          commentDocumentId,
          authorKey: comment.authorKey,
          fromStatus: 'approved',
          toStatus: 'pending',
          reasonCode: 'report_score',
          reasonParams: { score: totals.score, threshold: settings.reports.hideScore },
        });
      }
      notifyModerators(strapi, {
        kind: 'reported',
        commentId: commentDocumentId,
        targetKey: comment.targetKey,
        targetTitle: comment.targetTitle,
        authorName: comment.authorName,
        content: comment.content,
        reasons: [input.reason],
      });
      return { created: true, data: { id: commentDocumentId, reported: true } };
    },
  };
};

export default clientService;
