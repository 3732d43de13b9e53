import type { Core } from '@strapi/strapi';

import { contestPhase } from '../domain/contest-settings';
import { foldIntoLocalDays } from '../domain/local-days';
import { entriesRepository } from '../repositories/entries.repository';
import { stateRepository, type ContestState } from '../repositories/state.repository';
import { getService } from '../utils/get-service';

/** What the admin page shows of each contest: window, counts per day, signals, draw and claims. */
const overviewService = ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = entriesRepository(strapi);
  const states = stateRepository(strapi);

  /** The state for the admin page: the seed once revealed, and counts instead of the long lists. */
  function summary(state: ContestState | null) {
    if (!state) return { commitment: null, committedAt: null, drawnAt: null };
    const { seed: _seed, entryIds, ranking: _ranking, entryPersons: _persons, ...rest } = state;
    return { ...rest, seed: state.drawnAt ? state.seed : null, drawnEntries: entryIds?.length ?? 0 };
  }

  return {
    async list(now = new Date()) {
      const contests = await getService(strapi, 'events').allContests();
      const stateByEvent = new Map(
        (await states.findMany(contests.map((c) => c.documentId))).map((s) => [s.eventDocumentId, s])
      );
      return Promise.all(
        contests.map(async (contest) => {
          const state = stateByEvent.get(contest.documentId) ?? null;
          return {
            eventDocumentId: contest.documentId,
            title: contest.title,
            published: contest.published,
            phase: state?.drawnAt ? 'drawn' : contestPhase(contest.settings, now),
            opensAt: contest.settings.entryOpensAt,
            closesAt: contest.settings.entryClosesAt,
            counts: await entries.countByStatus(contest.documentId),
            committed: Boolean(state),
          };
        })
      );
    },

    async detail(eventDocumentId: string, now = new Date()) {
      const contest = await getService(strapi, 'events').anyContest(eventDocumentId);
      const [state, counts, quarters, signals] = await Promise.all([
        states.find(eventDocumentId),
        entries.countByStatus(eventDocumentId),
        entries.entriesPerQuarterHour(eventDocumentId),
        entries.signalCounts(eventDocumentId),
      ]);
      // The organiser needs to know who won: names and emails of everyone the draw picked.
      const picked = state?.drawnAt ? [...(state.winners ?? []), ...(state.substitutes ?? [])] : [];
      const people = Object.fromEntries(
        (await entries.findManyByPublicIds(picked)).map((entry) => [
          entry.publicId,
          { name: entry.name, email: entry.email, erased: Boolean(entry.erasedAt) },
        ])
      );
      return {
        eventDocumentId,
        title: contest.title,
        published: contest.published,
        people,
        phase: state?.drawnAt ? 'drawn' : contestPhase(contest.settings, now),
        settings: contest.settings,
        timeZone: contest.timeZone,
        counts,
        // Days in the contest's time zone: an entry at 23:30 in Paris counts for that Paris day.
        perDay: foldIntoLocalDays(quarters, contest.timeZone),
        signals,
        state: summary(state),
      };
    },
  };
};

export default overviewService;
