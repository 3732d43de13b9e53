import type { Core } from '@strapi/strapi';

import { DAY_MS } from '../domain/contest-settings';

import { entriesRepository } from '../repositories/entries.repository';
import { stateRepository, type Claim, type ContestState } from '../repositories/state.repository';
import { ContestError } from '../utils/errors';
import { getService } from '../utils/get-service';
import type { Actor } from './audit.service';

/**
 * Winners' claims: each winner is told by email and has until a deadline; a prize not claimed in
 * time (or forfeited by the organiser) passes to the next substitute, in ranking order.
 */
const claimsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const states = stateRepository(strapi);
  const entries = entriesRepository(strapi);
  const audit = () => getService(strapi, 'audit');

  async function drawnState(eventDocumentId: string): Promise<ContestState> {
    const state = await states.find(eventDocumentId);
    if (!state?.drawnAt)
      throw new ContestError(409, 'not_drawn', 'The draw has not run yet: there are no claims.');
    return state;
  }

  /** Re-reads and retries when another instance changed the state in between. */
  async function changeClaims(
    eventDocumentId: string,
    change: (claims: Claim[], state: ContestState) => Claim[] | null
  ): Promise<Claim[] | null> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const state = await drawnState(eventDocumentId);
      const next = change(structuredClone(state.claims ?? []), state);
      if (!next) return null;
      if (await states.update(state, { claims: next })) return next;
    }
    throw new ContestError(409, 'busy', 'The claims changed several times meanwhile: try again.');
  }

  function findClaim(claims: Claim[], publicId: string): Claim {
    const claim = claims.find(
      (candidate) => candidate.publicId === publicId && candidate.status !== 'forfeited'
    );
    if (!claim)
      throw new ContestError(404, 'claim_not_found', `Entry "${publicId}" has no open prize claim.`);
    return claim;
  }

  /** The substitute after all those already called, or null when none are left. */
  function nextSubstitute(claims: Claim[], state: ContestState): string | null {
    const called = new Set(claims.map((claim) => claim.publicId));
    return (state.substitutes ?? []).find((publicId) => !called.has(publicId)) ?? null;
  }

  async function passOn(
    eventDocumentId: string,
    forfeited: Claim,
    claimDays: number,
    now: Date,
    actor: Actor
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
          deadline: new Date(now.getTime() + claimDays * DAY_MS).toISOString(),
          notification: 'no_email',
          notifiedAt: null,
          replaces: claim.publicId,
        });
      }
      return claims;
    });
    if (!applied) return false;
    await audit().record(
      eventDocumentId,
      'prize_forfeited',
      actor,
      { reason: forfeited.forfeitReason, passedTo: promoted },
      forfeited.publicId
    );
    if (!promoted) {
      await audit().record(eventDocumentId, 'no_substitute_left', actor, { forfeited: forfeited.publicId });
    }
    await notifyPending(eventDocumentId);
    return true;
  }

  /**
   * Emails every pending claim not yet told. The claims to send are first marked `sending` by a
   * compare-and-set, so two instances never email the same winner twice.
   */
  async function notifyPending(eventDocumentId: string) {
    let waiting: Claim[] = [];
    const startedAt = new Date().toISOString();
    await changeClaims(eventDocumentId, (claims) => {
      waiting = claims.filter((claim) => claim.status === 'pending' && !claim.notifiedAt);
      if (waiting.length === 0) return null;
      for (const claim of waiting) {
        claim.notification = 'sending';
        claim.notifiedAt = startedAt;
      }
      return claims;
    });
    if (waiting.length === 0) return;

    const contest = await getService(strapi, 'events').anyContest(eventDocumentId);
    const people = new Map(
      (await entries.findManyByPublicIds(waiting.map((claim) => claim.publicId))).map((entry) => [
        entry.publicId,
        entry,
      ])
    );
    const outcomes = new Map<string, Claim['notification']>();
    for (const claim of waiting) {
      const entry = people.get(claim.publicId);
      if (!entry?.email) {
        outcomes.set(claim.publicId, 'no_email');
        continue;
      }
      try {
        await strapi
          .plugin('email')
          .service('email')
          .send(winnerEmail(entry.email, entry.name, contest.title, claim));
        outcomes.set(claim.publicId, 'sent');
      } catch (error) {
        strapi.log.warn(`[contests] Could not email winner ${claim.publicId}: ${(error as Error).message}`);
        outcomes.set(claim.publicId, 'failed');
      }
    }
    await changeClaims(eventDocumentId, (claims) => {
      for (const claim of claims) {
        const outcome = outcomes.get(claim.publicId);
        if (outcome && claim.notification === 'sending') claim.notification = outcome;
      }
      return claims;
    });
    for (const [publicId, outcome] of outcomes) {
      await audit().record(eventDocumentId, 'winner_notified', 'system', { outcome }, publicId);
    }
  }

  return {
    notifyPending,

    async markClaimed(eventDocumentId: string, publicId: string, actor: Actor, now = new Date()) {
      await changeClaims(eventDocumentId, (claims) => {
        const claim = findClaim(claims, publicId);
        if (claim.status === 'claimed')
          throw new ContestError(409, 'already_claimed', 'This prize is already claimed.');
        claim.status = 'claimed';
        claim.claimedAt = now.toISOString();
        return claims;
      });
      await audit().record(eventDocumentId, 'prize_claimed', actor, {}, publicId);
    },

    /** The organiser sets a winner aside (e.g. not eligible after checks): the prize passes on. */
    async forfeit(eventDocumentId: string, publicId: string, reason: string, actor: Actor, now = new Date()) {
      const state = await drawnState(eventDocumentId);
      const claim = findClaim(state.claims ?? [], publicId);
      if (claim.status !== 'pending')
        throw new ContestError(409, 'already_claimed', 'This prize was already claimed.');
      const { settings } = await getService(strapi, 'events').anyContest(eventDocumentId);
      await passOn(eventDocumentId, { ...claim, forfeitReason: reason }, settings.claimDays, now, actor);
    },

    /** Passes every prize whose claim deadline is over to the next substitute. */
    async sweepDeadlines(now = new Date()) {
      let passed = 0;
      for (const contest of await getService(strapi, 'events').allContests()) {
        const state = await states.find(contest.documentId);
        const overdue = (state?.claims ?? []).filter(
          (claim) => claim.status === 'pending' && Date.parse(claim.deadline) <= now.getTime()
        );
        for (const claim of overdue) {
          const forfeited = { ...claim, forfeitReason: 'deadline_passed' };
          if (await passOn(contest.documentId, forfeited, contest.settings.claimDays, now, 'system'))
            passed += 1;
        }
      }
      return passed;
    },
  };
};

function winnerEmail(to: string, name: string | null, title: string, claim: Claim) {
  const deadline = new Date(claim.deadline);
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
    `Vous avez gagné au jeu-concours « ${title} » (participation ${claim.publicId}).`,
    `Répondez à ce message avant le ${fr} (heure de Paris) pour réclamer votre lot ; passé ce délai, il sera attribué au suppléant suivant.`,
    '',
    '---',
    '',
    `Hello${hello},`,
    '',
    `You won the contest “${title}” (entry ${claim.publicId}).`,
    `Reply to this message before ${en} (Paris time) to claim your prize; after that, it goes to the next substitute.`,
  ].join('\n');
  return { to, subject: `Vous avez gagné ! / You won: ${title}`, text };
}

export default claimsService;
