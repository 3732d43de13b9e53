import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';

import { readContestSettings, type ContestSettings } from '../domain/contest-settings';
import type { RulesApproval } from '../domain/eligibility';

const EVENT_UID = 'api::event.event';

export type ContestEvent = {
  documentId: string;
  title: string;
  timeZone: string;
  /** The language the contest is read in (its default locale): entrants are answered in it unless they ask for another. */
  locale: string;
  published: boolean;
  settings: ContestSettings;
  /**
   * Whether the published rules text is the approved one (entries wait for it); `not_required`
   * without editorial approval of events; null where it was not asked (the list of every contest).
   */
  rulesApproval: RulesApproval | null;
};

const populate = { contest: { populate: ['prizes'] } } as const;

/**
 * Every entry reads its contest: a few seconds of memory spare the event queries on the hot path.
 * Writes to events through the Document Service clear it at once (see register.ts); another
 * instance sees an edit at most this long after it.
 */
const CACHE_MS = 5000;

/**
 * Reads contests from the host app's events, through the Document Service. The contest component
 * is localised: the default locale's version is the reference, another locale is used only when
 * the event has no version in the default one.
 */
const eventsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(EVENT_UID as any);

  async function findVersion(documentId: string, status: 'published' | 'draft') {
    const inDefault = await documents().findOne({ documentId, status, populate } as any);
    if (inDefault) return inDefault as any;
    const [other] = await documents().findMany({
      filters: { documentId },
      status,
      locale: '*',
      populate,
      limit: 1,
    } as any);
    return (other as any) ?? null;
  }

  /**
   * Asked of the editorial plugin, through its services, when the app has it review events: is the
   * rules text entrants read (this published version) exactly the approved one?
   */
  async function rulesApprovalOf(event: any): Promise<RulesApproval> {
    const editorial = strapi.plugin('editorial');
    if (!editorial) return 'not_required';
    return editorial
      .service('workflow')
      .gate({ uid: EVENT_UID, documentId: event.documentId, locale: event.locale || 'fr' }, event);
  }

  function toContest(event: any, published: boolean, rulesApproval: RulesApproval | null): ContestEvent {
    return {
      documentId: event.documentId,
      title: event.title,
      timeZone: event.timeZone || 'Europe/Paris',
      locale: event.locale || 'fr',
      published,
      settings: readContestSettings(event.contest),
      rulesApproval,
    };
  }

  function ensureContest(event: any): void {
    if (event.kind !== 'contest' || !event.contest) {
      throw new errors.NotFoundError('This event is not a contest: it takes no entries.', {
        reason: 'not_a_contest',
      });
    }
    if (!event.contest.entryOpensAt || !event.contest.entryClosesAt) {
      throw new errors.NotFoundError('This contest has no entry window yet.', { reason: 'not_a_contest' });
    }
  }

  async function loadPublishedContest(documentId: string): Promise<ContestEvent> {
    const published = await findVersion(documentId, 'published');
    if (!published) {
      const draft = await findVersion(documentId, 'draft');
      if (draft)
        throw new errors.NotFoundError('This event is not published: it takes no entries yet.', {
          reason: 'not_published',
        });
      throw new errors.NotFoundError(`There is no event with the id "${documentId}".`, {
        reason: 'event_not_found',
      });
    }
    ensureContest(published);
    return toContest(published, true, await rulesApprovalOf(published));
  }

  const cache = new Map<string, { expires: number; contest: Promise<ContestEvent> }>();

  return {
    /** Forgets cached contests, after an event was written. */
    forget() {
      cache.clear();
    },

    /** The published contest, as the public sees it (cached briefly); a clear 404 for anything else. */
    publishedContest(documentId: string): Promise<ContestEvent> {
      const now = Date.now();
      const cached = cache.get(documentId);
      if (cached && cached.expires > now) return cached.contest;
      if (cache.size > 1000) cache.clear();
      const contest = loadPublishedContest(documentId);
      cache.set(documentId, { expires: now + CACHE_MS, contest });
      contest.catch(() => cache.delete(documentId));
      return contest;
    },

    /** The contest as organisers see it: the published version, else the draft. */
    async anyContest(documentId: string): Promise<ContestEvent> {
      const published = await findVersion(documentId, 'published');
      const event = published ?? (await findVersion(documentId, 'draft'));
      if (!event)
        throw new errors.NotFoundError(`There is no event with the id "${documentId}".`, {
          reason: 'event_not_found',
        });
      ensureContest(event);
      return toContest(
        event,
        Boolean(published),
        published ? await rulesApprovalOf(published) : 'not_approved'
      );
    },

    /** Every event of kind contest (drafts included), for the admin list and the sweeps. */
    async allContests(): Promise<ContestEvent[]> {
      const drafts = (await documents().findMany({
        filters: { kind: 'contest' },
        status: 'draft',
        populate,
        sort: 'startsAt:desc',
        limit: 500,
      } as any)) as any[];
      const published = new Set(
        (
          (await documents().findMany({
            filters: { kind: 'contest' },
            status: 'published',
            fields: ['documentId'],
          } as any)) as any[]
        ).map((event) => event.documentId)
      );
      return (
        drafts
          .filter((event) => event.contest?.entryOpensAt && event.contest?.entryClosesAt)
          // Not asked here (one question per contest): the contest's own state says it.
          .map((event) => toContest(event, published.has(event.documentId), null))
      );
    },
  };
};

export default eventsService;
