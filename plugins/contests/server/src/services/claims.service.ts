import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import { conflict } from '@porte-voix/kit/http-errors';

import { DAY_MS } from '../domain/contest-settings';

import { entriesRepository } from '../repositories/entries.repository';
import { stateRepository, type Claim, type ContestStateSummary } from '../repositories/state.repository';
import { getService } from '../utils/get-service';
import { REASON_CODES, SYSTEM, type Actor } from './audit.service';
import type { OutboxHandler } from './outbox.service';

/**
 * Winners' claims: each winner is told by email and has until a deadline; a prize not claimed in
 * time (or forfeited by the organiser) passes to the next substitute, in ranking order.
 */
const claimsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const states = stateRepository(strapi);
  const entries = entriesRepository(strapi);
  const audit = () => getService(strapi, 'audit');

  async function drawnState(eventDocumentId: string): Promise<ContestStateSummary> {
    const state = await states.findSummary(eventDocumentId);
    if (!state?.drawnAt)
      throw conflict('The draw has not run yet: there are no claims.', { reason: 'not_drawn' });
    return state;
  }

  /** Re-reads and retries when another instance changed the state in between. */
  async function changeClaims(
    eventDocumentId: string,
    change: (claims: Claim[], state: ContestStateSummary) => Claim[] | null
  ): Promise<Claim[] | null> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const state = await drawnState(eventDocumentId);
      const next = change(structuredClone(state.claims ?? []), state);
      if (!next) return null;
      if (await states.update(state, { claims: next })) return next;
    }
    throw conflict('The claims changed several times meanwhile: try again.', { reason: 'busy' });
  }

  function findClaim(claims: Claim[], publicId: string): Claim {
    const claim = claims.find(
      (candidate) => candidate.publicId === publicId && candidate.status !== 'forfeited'
    );
    if (!claim)
      throw new errors.NotFoundError(`Entry "${publicId}" has no open prize claim.`, {
        reason: 'claim_not_found',
      });
    return claim;
  }

  /** The substitute after all those already called, or null when none are left. */
  function nextSubstitute(claims: Claim[], state: ContestStateSummary): string | null {
    const called = new Set(claims.map((claim) => claim.publicId));
    return (state.substitutes ?? []).find((publicId) => !called.has(publicId)) ?? null;
  }

  /** `why`: the organiser's reason as typed, or the code of the plugin's own (a deadline passed). */
  async function passOn(
    eventDocumentId: string,
    forfeited: Claim,
    now: Date,
    actor: Actor,
    why: { reason?: string; reasonCode?: string }
  ) {
    let promoted: string | null = null;
    const applied = await changeClaims(eventDocumentId, (claims, state) => {
      const claim = claims.find((candidate) => candidate.publicId === forfeited.publicId);
      // Another instance (or click) may have passed it on already: then there is nothing to do.
      if (!claim || claim.status !== 'pending') return null;
      claim.status = 'forfeited';
      claim.forfeitedAt = now.toISOString();
      claim.forfeitReason = forfeited.forfeitReason;
      promoted = nextSubstitute(claims, state);
      if (promoted) {
        claims.push({
          publicId: promoted,
          role: 'substitute',
          status: 'pending',
          deadline: null,
          notification: 'queued',
          notifiedAt: null,
          replaces: claim.publicId,
        });
      }
      return claims;
    });
    if (!applied) return false;
    await audit().record({
      eventDocumentId,
      action: 'prize_forfeited',
      actor,
      ...why,
      details: { passedTo: promoted },
      entryPublicId: forfeited.publicId,
    });
    if (!promoted) {
      await audit().record({
        eventDocumentId,
        action: 'no_substitute_left',
        actor,
        details: { forfeited: forfeited.publicId },
        entryPublicId: forfeited.publicId,
      });
    }
    await notifyPending(eventDocumentId, now);
    return true;
  }

  /**
   * Queues the winner's e-mail of every pending claim not yet queued, in the durable outbox, and
   * sends what is due. The claim's deadline starts only once its e-mail has actually gone out.
   */
  async function notifyPending(eventDocumentId: string, now = new Date()) {
    const state = await drawnState(eventDocumentId);
    for (const claim of state.claims ?? []) {
      if (claim.status !== 'pending') continue;
      await getService(strapi, 'outbox').enqueue(
        {
          kind: 'winner_notice',
          eventDocumentId,
          entryPublicId: claim.publicId,
          dedupeKey: `winner:${eventDocumentId}:${claim.publicId}`,
        },
        now
      );
    }
    await getService(strapi, 'outbox').deliverDue(now);
  }

  /** How the outbox writes a winner's e-mail and what it changes once it is sent or given up. */
  const winnerNotices: OutboxHandler = {
    async compose(message, attemptAt) {
      const state = await states.findSummary(message.eventDocumentId);
      const claim = state?.claims?.find(
        (candidate) => candidate.publicId === message.entryPublicId && candidate.status === 'pending'
      );
      if (!claim) return { skip: 'claim_closed' };
      const [entry] = await entries.findManyByPublicIds([message.entryPublicId]);
      if (!entry?.email) return { skip: 'no_email' };
      const contest = await getService(strapi, 'events').anyContest(message.eventDocumentId);
      const deadline = new Date(attemptAt.getTime() + contest.settings.claimDays * DAY_MS);
      return { email: winnerEmail(entry.email, entry.name, contest.title, claim.publicId, deadline) };
    },

    async settled(message, outcome) {
      const contest = await getService(strapi, 'events').anyContest(message.eventDocumentId);
      await changeClaims(message.eventDocumentId, (claims) => {
        const claim = claims.find(
          (candidate) => candidate.publicId === message.entryPublicId && candidate.status === 'pending'
        );
        if (!claim) return null;
        if ('at' in outcome) {
          claim.notification = 'sent';
          claim.notifiedAt = outcome.at.toISOString();
          claim.deadline = new Date(outcome.at.getTime() + contest.settings.claimDays * DAY_MS).toISOString();
        } else {
          // Never told: no deadline runs; the organiser sees it and decides.
          claim.notification = 'reason' in outcome && outcome.reason === 'no_email' ? 'no_email' : 'failed';
        }
        return claims;
      });
      await audit().record({
        eventDocumentId: message.eventDocumentId,
        action: 'winner_notified',
        actor: SYSTEM,
        details: { outcome: 'reason' in outcome ? outcome.reason : 'sent' },
        entryPublicId: message.entryPublicId,
      });
    },
  };

  return {
    notifyPending,
    winnerNotices,

    async markClaimed(eventDocumentId: string, publicId: string, actor: Actor, now = new Date()) {
      await changeClaims(eventDocumentId, (claims) => {
        const claim = findClaim(claims, publicId);
        if (claim.status === 'claimed')
          throw conflict('This prize is already claimed.', { reason: 'already_claimed' });
        claim.status = 'claimed';
        claim.claimedAt = now.toISOString();
        return claims;
      });
      await audit().record({ eventDocumentId, action: 'prize_claimed', actor, entryPublicId: publicId });
    },

    /** The organiser sets a winner aside (e.g. not eligible after checks): the prize passes on. */
    async forfeit(eventDocumentId: string, publicId: string, reason: string, actor: Actor, now = new Date()) {
      const state = await drawnState(eventDocumentId);
      const claim = findClaim(state.claims ?? [], publicId);
      if (claim.status !== 'pending')
        throw conflict('This prize was already claimed.', { reason: 'already_claimed' });
      await passOn(eventDocumentId, { ...claim, forfeitReason: reason }, now, actor, { reason });
    },

    /** Passes every prize whose claim deadline is over (by the database's clock) to the next substitute. */
    async sweepDeadlines(at?: Date) {
      const now = at ?? (await states.databaseNow());
      let passed = 0;
      for (const contest of await getService(strapi, 'events').allContests()) {
        const state = await states.findSummary(contest.documentId);
        const overdue = (state?.claims ?? []).filter(
          (claim) =>
            claim.status === 'pending' &&
            claim.deadline !== null &&
            Date.parse(claim.deadline) <= now.getTime()
        );
        for (const claim of overdue) {
          const forfeited = { ...claim, forfeitReason: REASON_CODES.deadlinePassed };
          const why = { reasonCode: REASON_CODES.deadlinePassed };
          if (await passOn(contest.documentId, forfeited, now, SYSTEM, why)) passed += 1;
        }
      }
      return passed;
    },
  };
};

function winnerEmail(to: string, name: string | null, title: string, publicId: string, deadline: Date) {
  const fr = new Intl.DateTimeFormat('fr-FR', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(deadline);
  const en = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(deadline);
  const hello = name ? ` ${name}` : '';
  const text = [
    `Bonjour${hello},`,
    '',
    `Vous avez gagné au jeu-concours « ${title} » (participation ${publicId}).`,
    `Répondez à ce message avant le ${fr} (heure de Paris) pour réclamer votre lot ; passé ce délai, il sera attribué au suppléant suivant.`,
    '',
    '---',
    '',
    `Hello${hello},`,
    '',
    `You won the contest “${title}” (entry ${publicId}).`,
    `Reply to this message before ${en} (Paris time) to claim your prize; after that, it goes to the next substitute.`,
  ].join('\n');
  return { to, subject: `Vous avez gagné ! / You won: ${title}`, text };
}

export default claimsService;
