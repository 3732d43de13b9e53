/**
 * The editorial calendar: posts planned and deliveries due or published in a range, each with its
 * campaign's colour; moving a post's planned time, with the checks the Content Manager would make.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { forbidden } from '@porte-voix/kit/http-errors';

import { plannedPostsRepository, type CampaignLabel } from '../repositories/planned-posts.repository';
import { POST_UID } from '../repositories/uids';
import { assertFuture } from '../utils/future';
import { getService } from '../utils/get-service';
import type { PublicDelivery } from './deliveries.service';

export type CalendarQuery = { from: Date; to: Date; network?: string; campaign?: string };

export type PlannedPost = {
  documentId: string;
  locale: string;
  title: string | null;
  plannedAt: string;
  editorialStatus: string;
  published: boolean;
  campaign: CampaignLabel | null;
};

export type CalendarDelivery = PublicDelivery & { campaign: CampaignLabel | null };

const calendarService = ({ strapi }: { strapi: Core.Strapi }) => {
  const posts = plannedPostsRepository(strapi);

  const defaultLocale = async (): Promise<string> => {
    try {
      return (await strapi.plugin('i18n').service('locales').getDefaultLocale()) ?? 'fr';
    } catch {
      return 'fr';
    }
  };

  return {
    /** What the calendar shows in [from, to]; with a network, only the deliveries to it (a plan goes nowhere yet). */
    async find(query: CalendarQuery): Promise<{ posts: PlannedPost[]; deliveries: CalendarDelivery[] }> {
      const planned = query.network ? [] : await posts.inRange(query, await defaultLocale());
      const deliveries = await getService(strapi, 'deliveries').list({
        from: query.from,
        to: query.to,
        network: query.network ? [query.network] : undefined,
        campaign: query.campaign,
      });
      const campaigns = await posts.campaigns([
        ...new Set(deliveries.map((d) => d.campaignDocumentId).filter((id): id is string => !!id)),
      ]);
      return {
        posts: planned.map((p) => ({ ...p, plannedAt: p.plannedAt.toISOString() })),
        deliveries: deliveries.map((d) => ({
          ...d,
          campaign: (d.campaignDocumentId && campaigns.get(d.campaignDocumentId)) || null,
        })),
      };
    },

    /**
     * Moves a post's planned time: to the future only, and only for someone the Content Manager would
     * let edit that post's planned time (role, conditions such as "is creator", locales).
     */
    async movePost(
      documentId: string,
      plannedAt: Date,
      userAbility: any
    ): Promise<{ documentId: string; plannedAt: string }> {
      const checker = strapi
        .plugin('content-manager')
        .service('permission-checker')
        .create({ userAbility, model: POST_UID });
      const refuse = () =>
        forbidden('You may not change the planned time of this post.', { reason: 'post_not_editable' });
      if (checker.cannot.update(undefined, 'plannedAt')) throw refuse();
      const draft = await posts.findDraft(documentId);
      if (!draft)
        throw new errors.NotFoundError(`No post with documentId ${documentId}.`, {
          reason: 'post_not_found',
        });
      if (checker.cannot.update(draft, 'plannedAt')) throw refuse();
      assertFuture(plannedAt, 'plannedAt');
      await posts.setPlannedAt(documentId, draft.locale, plannedAt);
      return { documentId, plannedAt: plannedAt.toISOString() };
    },
  };
};

export type CalendarService = ReturnType<typeof calendarService>;
export default calendarService;
