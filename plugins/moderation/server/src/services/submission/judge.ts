import type { Core } from '@strapi/strapi';

import type { ModerationSettings } from '../../config/schema';
import { getService } from '../../utils/get-service';
import { statusOf } from '../../rules/engine';
import type { Decision, SubmissionContext } from '../../rules/types';
import { commentsRepository } from '../../repositories/comments.repository';
import { sanctionsRepository, type SanctionsInForce } from '../../repositories/sanctions.repository';
import type { Target } from '../targets.service';
import type { Identity } from './identify-author';

/** The author-history rule judges the rejection rate of an author's latest comments, at most this many. */
const AUTHOR_HISTORY_SAMPLE = 100;

function sanctionOf(sanctions: SanctionsInForce): SubmissionContext['sanction'] {
  if (sanctions.ban) return { kind: 'ban' };
  if (sanctions.suspendedUntil) return { kind: 'suspension', until: sanctions.suspendedUntil.toISOString() };
  if (sanctions.premoderation) return { kind: 'premoderation' };
  if (sanctions.warning) return { kind: 'warning' };
  return null;
}

/** Why every comment on this target waits for a moderator, if it does. */
function premoderationOf(settings: ModerationSettings, target: Target): SubmissionContext['premoderated'] {
  const { all, targets } = settings.premoderation;
  if (all) return 'all';
  if (targets.includes(target.key)) return 'target';
  if (target.campaignDocumentId && targets.includes(`campaign:${target.campaignDocumentId}`)) {
    return 'campaign';
  }
  return null;
}

/**
 * The verdict on a comment: the rules judge the text against the author's sanctions, history
 * and duplicates; the external scorer, when enabled, adds its finding unless the rules already
 * rejected it.
 */
export async function judge(
  strapi: Core.Strapi,
  settings: ModerationSettings,
  comment: { content: string; authorName: string; locale: string; target: Target; now: Date },
  { authorKey, fingerprint }: Identity
): Promise<Decision> {
  const { now } = comment;
  const stats = await commentsRepository(strapi).submissionStats(
    {
      authorKey,
      fingerprint,
      historySince: new Date(now.getTime() - settings.authorHistory.windowDays * 86_400_000),
      duplicatesSince: new Date(now.getTime() - settings.duplicates.windowMinutes * 60_000),
      bounds: { sameText: settings.duplicates.maxSameText, authorHistory: AUTHOR_HISTORY_SAMPLE },
    },
    // The sanctions in force, read in the same round trip.
    sanctionsRepository(strapi).inForceColumns(authorKey, now)
  );
  const context: SubmissionContext = {
    now,
    sanction: sanctionOf(stats.alongside),
    author: {
      approved: stats.authorApproved,
      recent: stats.authorRecent,
      recentRejected: stats.authorRecentRejected,
    },
    duplicates: { sameAuthor: stats.sameTextAuthor, anyone: stats.sameTextAnyone },
    premoderated: premoderationOf(settings, comment.target),
  };

  const engine = await getService(strapi, 'settings').engine();
  const decision = engine.evaluate(
    { content: comment.content, authorName: comment.authorName, locale: comment.locale },
    context
  );
  const scorer = settings.externalScorer;
  if (
    !scorer.enabled ||
    decision.status === 'rejected' ||
    settings.rules.disabled.includes('externalScorer')
  ) {
    return decision;
  }
  const finding = await getService(strapi, 'external-scorer').score(
    { content: comment.content, locale: comment.locale, authorKey },
    scorer
  );
  if (!finding) return decision;
  const findings = [...decision.findings, finding];
  return { status: statusOf(findings), findings };
}
