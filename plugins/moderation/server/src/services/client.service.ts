import { createHash, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

import { COMMENT_UID, REPORT_UID } from '../utils/uids';
import { ModerationError } from '../utils/errors';
import { toPlainText } from '../utils/plain-text';
import { getService } from '../utils/get-service';
import { fingerprintOf } from '../rules/normalise';
import { statusOf } from '../rules/engine';
import type { Decision, SubmissionContext } from '../rules/types';
import type { ModerationSettings, ReportReason } from '../config/schema';
import { reportTotals, submissionStats, type SubmissionStats } from '../repositories/sql';
import type { Submission } from '../validators/client.validators';
import { authorMessage } from './messages';
import { SYSTEM } from './audit.service';

/** The fields a frontend may see of an approved comment: never an e-mail, a key or an IP hash. */
const PUBLIC_FIELDS = ['documentId', 'parentId', 'threadId', 'authorName', 'content', 'locale', 'createdAt'];

export type PublicComment = {
  id: string;
  parent: string | null;
  authorName: string;
  content: string;
  locale: string | null;
  createdAt: string;
  replies: PublicComment[];
};

/** A document id shaped like Strapi's own (24 characters, a-z0-9, starting with a letter). */
function newDocumentId(): string {
  const bytes = randomBytes(24);
  let id = String.fromCharCode(97 + (bytes[0] % 26));
  for (let i = 1; i < 24; i++) id += (bytes[i] % 36).toString(36);
  return id;
}

/** The author-history rule judges the rejection rate of an author's latest comments, at most this many. */
const AUTHOR_HISTORY_SAMPLE = 100;

export type ReportInput = { reason: ReportReason; note?: string };

const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);

function retryAfter(oldest: Date | null, now: Date): number {
  if (!oldest) return 60;
  return Math.max(1, Math.ceil((oldest.getTime() + 60_000 - now.getTime()) / 1000));
}

function enforceRateLimits(stats: SubmissionStats, limits: ModerationSettings['rateLimits'], now: Date) {
  if (limits.perIpPerMinute > 0 && stats.ipLastMinute >= limits.perIpPerMinute) {
    const wait = retryAfter(stats.ipOldest, now);
    throw new ModerationError(
      429,
      `Too many comments from your network: try again in ${wait} seconds`,
      { limit: 'perIpPerMinute' },
      wait
    );
  }
  if (limits.perAuthorPerMinute > 0 && stats.authorLastMinute >= limits.perAuthorPerMinute) {
    const wait = retryAfter(stats.authorOldest, now);
    throw new ModerationError(
      429,
      `Too many comments from this author: try again in ${wait} seconds`,
      { limit: 'perAuthorPerMinute' },
      wait
    );
  }
}

function sanctionOf(stats: SubmissionStats): SubmissionContext['sanction'] {
  const { sanctions } = stats;
  if (sanctions.ban) return { kind: 'ban' };
  if (sanctions.suspendedUntil) return { kind: 'suspension', until: sanctions.suspendedUntil.toISOString() };
  if (sanctions.premoderation) return { kind: 'premoderation' };
  if (sanctions.warning) return { kind: 'warning' };
  return null;
}

const clientService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Runs a comment from a frontend through the rules and stores it with the decision. */
  async submit(submission: Submission, request: { ip?: string }) {
    const settingsService = getService(strapi, 'settings');
    const settings = await settingsService.get();
    const now = new Date();

    const content = toPlainText(submission.content);
    const authorName = toPlainText(submission.authorName).replace(/\s+/g, ' ');
    if (!content)
      throw new ModerationError(400, 'content: is empty once markup is removed: write some text', {
        field: 'content',
      });
    if (content.length > settings.limits.maxContentLength) {
      throw new ModerationError(
        400,
        `content: is too long (${content.length} characters): at most ${settings.limits.maxContentLength}`,
        {
          field: 'content',
        }
      );
    }
    if (!authorName) throw new ModerationError(400, 'authorName: is required', { field: 'authorName' });
    if (authorName.length > settings.limits.maxAuthorNameLength) {
      throw new ModerationError(
        400,
        `authorName: is too long: at most ${settings.limits.maxAuthorNameLength} characters`,
        {
          field: 'authorName',
        }
      );
    }

    const { type, documentId } = submission.target;
    const target = await getService(strapi, 'targets').find(type, documentId, submission.locale);
    if (!target) {
      throw new ModerationError(
        404,
        `No published ${type} has the documentId "${documentId}": comments are only taken on published content`,
        {
          field: 'target',
        }
      );
    }

    let threadId: string | null = null;
    if (submission.parent) {
      const parent = await strapi.db.query(COMMENT_UID).findOne({
        where: { documentId: submission.parent },
        select: ['documentId', 'threadId', 'targetKey', 'status'],
      });
      if (!parent || parent.status !== 'approved' || parent.targetKey !== target.key) {
        throw new ModerationError(
          400,
          `parent: no published comment "${submission.parent}" on this ${type}`,
          { field: 'parent' }
        );
      }
      threadId = parent.threadId ?? parent.documentId;
    }

    const identity = getService(strapi, 'identity');
    const authorKey = identity.authorKey(submission.authorEmail);
    const ipHash = identity.ipHash(request.ip);
    const fingerprint = createHash('sha1').update(fingerprintOf(content)).digest('hex');

    const stats = await submissionStats(strapi, {
      ipHash,
      authorKey,
      fingerprint,
      now,
      historySince: new Date(now.getTime() - settings.authorHistory.windowDays * 86_400_000),
      duplicatesSince: new Date(now.getTime() - settings.duplicates.windowMinutes * 60_000),
      bounds: {
        ipPerMinute: settings.rateLimits.perIpPerMinute,
        authorPerMinute: settings.rateLimits.perAuthorPerMinute,
        sameText: settings.duplicates.maxSameText,
        authorHistory: AUTHOR_HISTORY_SAMPLE,
      },
    });
    enforceRateLimits(stats, settings.rateLimits, now);

    const premoderated = settings.premoderation.all
      ? 'all'
      : settings.premoderation.targets.includes(target.key)
        ? 'target'
        : target.campaignDocumentId &&
            settings.premoderation.targets.includes(`campaign:${target.campaignDocumentId}`)
          ? 'campaign'
          : null;
    const context: SubmissionContext = {
      now,
      sanction: sanctionOf(stats),
      author: {
        approved: stats.authorApproved,
        recent: stats.authorRecent,
        recentRejected: stats.authorRecentRejected,
      },
      duplicates: { sameAuthor: stats.sameTextAuthor, anyone: stats.sameTextAnyone },
      premoderated,
    };

    const engine = await settingsService.engine();
    let decision: Decision = engine.evaluate({ content, authorName, locale: submission.locale }, context);
    const scorer = settings.externalScorer;
    if (
      scorer.enabled &&
      decision.status !== 'rejected' &&
      !settings.rules.disabled.includes('externalScorer')
    ) {
      const finding = await getService(strapi, 'external-scorer').score(
        { content, locale: submission.locale, authorKey },
        scorer
      );
      if (finding) {
        const findings = [...decision.findings, finding];
        decision = { status: statusOf(findings), findings };
      }
    }

    // Comment and audit entry in one transaction, each written without reading it back.
    const comment = { documentId: newDocumentId(), status: decision.status };
    await strapi.db.transaction(async () => {
      await strapi.db.query(COMMENT_UID).createMany({
        data: [
          {
            documentId: comment.documentId,
            targetType: type,
            targetDocumentId: documentId,
            targetKey: target.key,
            targetTitle: target.title.slice(0, 255),
            campaignDocumentId: target.campaignDocumentId,
            parentId: submission.parent ?? null,
            threadId,
            authorName,
            authorEmail: submission.authorEmail.trim(),
            authorKey,
            ipHash,
            content,
            locale: submission.locale,
            status: decision.status,
            reasons: decision.findings,
            fingerprint,
          },
        ],
      });
      await getService(strapi, 'audit').record({
        action: 'auto_decision',
        actor: SYSTEM,
        commentDocumentId: comment.documentId,
        authorKey,
        toStatus: decision.status,
        reason: decision.findings.map((finding) => finding.detail).join('; ') || null,
        details: { rules: decision.findings.map(({ rule, outcome, code }) => ({ rule, outcome, code })) },
      });
    });

    if (decision.status === 'pending') {
      void getService(strapi, 'notifier')
        .notify({
          kind: 'held',
          commentId: comment.documentId,
          targetKey: target.key,
          targetTitle: target.title,
          authorName,
          excerpt: excerpt(content),
          reasons: decision.findings
            .filter((finding) => finding.outcome !== 'note')
            .map((finding) => finding.code),
        })
        .catch((error) => strapi.log.warn(`[moderation] ${error.message}`));
    }

    const deciding = decision.findings.find((finding) => finding.outcome === 'reject');
    return {
      id: comment.documentId as string,
      status: decision.status,
      message: deciding
        ? authorMessage(deciding.code, submission.locale, { until: String(deciding.data?.until ?? '') })
        : authorMessage(decision.status, submission.locale),
      ...(deciding ? { rule: deciding.rule } : {}),
    };
  },

  /** Approved comments of a target, threaded: newest threads first, replies in reading order. */
  async listApproved(targetKey: string, page: number, pageSize: number) {
    const query = strapi.db.query(COMMENT_UID);
    const where = { targetKey, status: 'approved', parentId: null };
    const [roots, total] = await Promise.all([
      query.findMany({
        where,
        select: PUBLIC_FIELDS,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        offset: (page - 1) * pageSize,
        limit: pageSize,
      }),
      query.count({ where }),
    ]);
    const rootIds = roots.map((root: any) => root.documentId);
    const replies = rootIds.length
      ? await query.findMany({
          where: { threadId: { $in: rootIds }, status: 'approved' },
          select: PUBLIC_FIELDS,
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        })
      : [];

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
    return { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
  },

  /** A reader's report; enough reports hide the comment until a moderator decides. */
  async report(commentDocumentId: string, input: ReportInput, request: { ip?: string }) {
    const settings = await getService(strapi, 'settings').get();
    const comment = await strapi.db.query(COMMENT_UID).findOne({ where: { documentId: commentDocumentId } });
    if (!comment || comment.status !== 'approved') {
      throw new ModerationError(404, `No published comment has the id "${commentDocumentId}"`);
    }
    const note = input.note === undefined ? null : toPlainText(input.note) || null;
    if (note && note.length > settings.limits.maxNoteLength) {
      throw new ModerationError(
        400,
        `note: is too long: at most ${settings.limits.maxNoteLength} characters`,
        { field: 'note' }
      );
    }

    const ipHash = getService(strapi, 'identity').ipHash(request.ip);
    const reports = strapi.db.query(REPORT_UID);
    if (ipHash) {
      const already = await reports.findOne({ where: { commentDocumentId, ipHash }, select: ['id'] });
      if (already) return { created: false, data: { id: commentDocumentId, reported: true } };
      const limit = settings.rateLimits.perIpPerMinute;
      if (limit > 0) {
        const recent = await reports.count({
          where: { ipHash, createdAt: { $gt: new Date(Date.now() - 60_000) } },
        });
        if (recent >= limit)
          throw new ModerationError(429, 'Too many reports from your network: try again in a minute', {}, 60);
      }
    }

    const weight = settings.reports.weights[input.reason];
    await reports.create({ data: { commentDocumentId, reason: input.reason, note, weight, ipHash } });
    const totals = await reportTotals(
      strapi,
      commentDocumentId,
      comment.moderatedAt ? new Date(comment.moderatedAt) : null
    );
    const hide = comment.status === 'approved' && totals.score >= settings.reports.hideScore;

    await strapi.db.query(COMMENT_UID).update({
      where: { id: comment.id },
      data: {
        reportCount: totals.count,
        reportScore: totals.score,
        reportReasons: totals.reasons,
        reportState: 'open',
        ...(hide ? { status: 'pending' } : {}),
      },
    });
    const audit = getService(strapi, 'audit');
    await audit.record({
      action: 'reported',
      actor: { type: 'public', name: 'Reader' },
      commentDocumentId,
      authorKey: comment.authorKey,
      reason: input.reason,
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
        reason: `Report score ${totals.score} reached ${settings.reports.hideScore}`,
      });
    }
    void getService(strapi, 'notifier')
      .notify({
        kind: 'reported',
        commentId: commentDocumentId,
        targetKey: comment.targetKey,
        targetTitle: comment.targetTitle,
        authorName: comment.authorName,
        excerpt: excerpt(comment.content),
        reasons: [input.reason],
      })
      .catch((error) => strapi.log.warn(`[moderation] ${error.message}`));
    return { created: true, data: { id: commentDocumentId, reported: true } };
  },
});

export default clientService;
