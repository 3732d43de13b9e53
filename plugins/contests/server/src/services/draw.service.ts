import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { conflict } from '@porte-voix/kit/http-errors';

import { contestPhase } from '../domain/contest-settings';
import { publicDisplayName } from '../domain/display-name';
import { commitmentOf, newSeed, runDraw } from '../domain/draw';
import { rulesAllowEntries } from '../domain/eligibility';
import { entriesRepository } from '../repositories/entries.repository';
import { stateRepository, type Claim, type ContestState } from '../repositories/state.repository';
import { getService } from '../utils/get-service';
import type { Actor } from './audit.service';

/** Commit, draw and the public state: the commit–reveal protocol of the README. */
const drawService = ({ strapi }: { strapi: Core.Strapi }) => {
  const states = stateRepository(strapi);
  const entries = entriesRepository(strapi);
  const events = () => getService(strapi, 'events');
  const audit = () => getService(strapi, 'audit');

  return {
    findState: (eventDocumentId: string) => states.find(eventDocumentId),

    /** Draws the secret seed and publishes its hash. Once only, and before the close. */
    async commit(eventDocumentId: string, actor: Actor, now = new Date()) {
      const contest = await events().anyContest(eventDocumentId);
      if (contestPhase(contest.settings, now) === 'closed') {
        throw conflict(
          'Entries are closed: a commitment made now would come after the entry list is known. Commit before the close.',
          { reason: 'window_closed' }
        );
      }
      const seed = newSeed();
      const commitment = commitmentOf(seed);
      const state = await states.createCommitted(eventDocumentId, commitment, seed, now);
      if (!state) {
        throw conflict('This contest already has a commitment: it cannot change.', {
          reason: 'already_committed',
        });
      }
      const beforeOpening = now.getTime() < Date.parse(contest.settings.entryOpensAt);
      await audit().record({
        eventDocumentId,
        action: 'committed',
        actor,
        details: { commitment, committedBeforeOpening: beforeOpening },
      });
      return { commitment, committedAt: now.toISOString(), committedBeforeOpening: beforeOpening };
    },

    /**
     * Freezes the valid entries, ranks them and reveals the seed. Refused before the close, without
     * a commitment, twice, or while entries still wait for an organiser's review.
     */
    async draw(eventDocumentId: string, beacon: string, actor: Actor, now = new Date()) {
      const contest = await events().anyContest(eventDocumentId);
      const { settings } = contest;
      if (contestPhase(settings, now) !== 'closed') {
        throw conflict(`Entries are still open until ${settings.entryClosesAt}: draw after the close.`, {
          reason: 'not_closed',
        });
      }
      const state = await states.findSummary(eventDocumentId);
      if (!state) {
        throw conflict('There is no commitment: without one the draw could not be verified.', {
          reason: 'not_committed',
        });
      }
      if (state.drawnAt)
        throw conflict(`The draw already ran at ${state.drawnAt}.`, { reason: 'already_drawn' });
      const { review } = await entries.countByStatus(eventDocumentId);
      if (review > 0) {
        throw conflict(
          `${review} entries are waiting for review: restore or invalidate them before the draw.`,
          { reason: 'entries_in_review', review }
        );
      }

      const valid = await entries.validForDraw(eventDocumentId);
      // Opaque person tokens: they let anyone check "distinct persons" without saying who.
      const tokens = new Map<string, string>();
      const entryPersons: Record<string, string> = {};
      for (const { publicId, personKey } of valid) {
        if (!tokens.has(personKey)) tokens.set(personKey, `p${randomBytes(8).toString('hex')}`);
        entryPersons[publicId] = tokens.get(personKey)!;
      }
      const result = runDraw({
        seed: state.seed,
        beacon,
        entryIds: valid.map((entry) => entry.publicId),
        personOf: entryPersons,
        winnersCount: settings.winnersCount,
        substitutesCount: settings.substitutesCount,
      });

      // Deadlines start when each winner's e-mail is actually sent (claims.service, winnerNotices).
      const claims: Claim[] = result.winners.map((publicId) => ({
        publicId,
        role: 'winner',
        status: 'pending',
        deadline: null,
        notification: 'queued',
        notifiedAt: null,
      }));
      const saved = await states.update(state, {
        beacon,
        entriesHash: result.entriesHash,
        entryIds: result.entryIds,
        entryPersons,
        ranking: result.ranking,
        winners: result.winners,
        substitutes: result.substitutes,
        drawnAt: now.toISOString(),
        claims,
      });
      if (!saved)
        throw conflict('Another draw of this contest ran at the same moment.', { reason: 'already_drawn' });

      await audit().record({
        eventDocumentId,
        action: 'drawn',
        actor,
        details: {
          beacon,
          entriesHash: result.entriesHash,
          entries: result.entryIds.length,
          winners: result.winners,
          substitutes: result.substitutes,
        },
      });
      await getService(strapi, 'claims').notifyPending(eventDocumentId, now);
      // The full lists are in the public state; the organiser gets the outcome.
      return {
        drawnAt: now.toISOString(),
        beacon,
        entriesHash: result.entriesHash,
        entries: result.entryIds.length,
        winners: result.winners,
        substitutes: result.substitutes,
      };
    },

    publicState,
  };

  /** What anyone may know: everything needed to recompute the draw, and no personal data. */
  async function publicState(eventDocumentId: string, now = new Date()) {
    const contest = await events().publishedContest(eventDocumentId);
    const { settings } = contest;
    const [state, counts] = await Promise.all([
      states.find(eventDocumentId),
      entries.countByStatus(eventDocumentId),
    ]);
    const phase = state?.drawnAt ? 'drawn' : contestPhase(settings, now);
    return {
      eventDocumentId,
      title: contest.title,
      phase,
      /** Entries wait for the rules text to be approved (editorial approval): false until it is, and after a change. */
      rulesApproved: rulesAllowEntries(contest.rulesApproval),
      window: {
        opensAt: settings.entryOpensAt,
        closesAt: settings.entryClosesAt,
        timeZone: contest.timeZone,
      },
      entryCount: counts.valid + counts.review,
      entriesPerPerson: settings.entriesPerPerson,
      winnersCount: settings.winnersCount,
      substitutesCount: settings.substitutesCount,
      beaconSource: settings.beaconSource,
      commitment: state?.commitment ?? null,
      committedAt: state?.committedAt ?? null,
      committedBeforeOpening: state
        ? Date.parse(state.committedAt) < Date.parse(settings.entryOpensAt)
        : null,
      ...(state?.drawnAt ? await revealed(state) : {}),
    };
  }

  async function revealed(state: ContestState) {
    const claims = state.claims ?? [];
    const shown = await entries.findManyByPublicIds(claims.map((claim) => claim.publicId));
    const byId = new Map(shown.map((entry) => [entry.publicId, entry]));
    const displayName = (publicId: string) => {
      const entry = byId.get(publicId);
      return entry?.name && entry.consents?.publishName ? publicDisplayName(entry.name) : null;
    };
    return {
      drawnAt: state.drawnAt,
      seed: state.seed,
      beacon: state.beacon ?? '',
      entriesHash: state.entriesHash,
      entryIds: state.entryIds ?? [],
      entryPersons: state.entryPersons ?? {},
      ranking: state.ranking ?? [],
      winners: state.winners ?? [],
      substitutes: state.substitutes ?? [],
      results: claims.map((claim) => ({
        id: claim.publicId,
        role: claim.role,
        status: claim.status,
        displayName: displayName(claim.publicId),
        ...(claim.replaces && { replaces: claim.replaces }),
      })),
    };
  }
};

export default drawService;
