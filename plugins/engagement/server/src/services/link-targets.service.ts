/**
 * What a tracked link points at, read from the host app's content (posts, campaigns, partnerships,
 * events) and from cross-post's deliveries through its service: does the target exist, what is its
 * default destination, its campaign, its time zone, and what the campaign's UTM defaults are.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { EngagementConfig } from '../config';
import type { Utm } from '../domain/tracked-url';
import { PLUGIN_ID } from '../plugin-id';
import type { LinkTargetType } from '../repositories/tracked-links.repository';
import { HOST_UIDS, LABEL_FIELD, type HostType } from './host-content';

export type TargetInput =
  | { type: 'post'; documentId: string; deliveryId?: number; perDelivery?: boolean; campaign?: string }
  | { type: 'campaign'; documentId: string }
  | { type: 'partnership'; documentId: string; deliverable?: string; campaign?: string }
  | { type: 'event'; documentId: string; campaign?: string };

export type ResolvedTarget = {
  targetType: LinkTargetType;
  postDocumentId: string | null;
  deliveryId: number | null;
  network: string | null;
  campaignDocumentId: string | null;
  partnershipDocumentId: string | null;
  deliverable: string | null;
  eventDocumentId: string | null;
  timeZone: string;
  /** Where the link goes when the editor gives no destination (the post's link, the registration page…). */
  defaultDestination: string | null;
  /** A name for the link when the editor gives none. */
  defaultLabel: string;
};

export type TargetOption = {
  documentId: string;
  label: string;
  defaultDestination: string | null;
  deliverables?: string[];
  campaigns?: { documentId: string; label: string }[];
  deliveries?: { id: number; network: string; status: string }[];
};

const isTimeZone = (name: unknown): name is string => {
  if (typeof name !== 'string' || !name) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
};

const notFound = (type: string, documentId: string) =>
  new errors.NotFoundError(`No ${type} with documentId ${documentId}: pick one that exists.`, {
    reason: `${type}_not_found`,
    field: 'target.documentId',
  });

const linkTargetsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.plugin(PLUGIN_ID).config('timeZone') as EngagementConfig['timeZone'];
  const available = (type: HostType) => Boolean(strapi.contentTypes[HOST_UIDS[type] as any]);

  /** One row of a document, its draft first (what editors work on), with relations as asked. */
  async function findDocument(type: HostType, documentId: string, populate: Record<string, unknown> = {}) {
    if (!available(type)) return null;
    const query = strapi.db.query(HOST_UIDS[type] as any);
    return (
      (await query.findOne({ where: { documentId, publishedAt: { $null: true } }, populate })) ??
      (await query.findOne({ where: { documentId }, populate }))
    );
  }

  async function campaignOf(documentId: string) {
    const campaign: any = await findDocument('campaign', documentId);
    if (!campaign) throw notFound('campaign', documentId);
    return campaign;
  }

  /** A campaign's own time zone when it has one, else the plugin's. */
  const timeZoneOf = (campaign: any) => (isTimeZone(campaign?.timeZone) ? campaign.timeZone : settings());

  async function delivery(deliveryId: number, postDocumentId: string) {
    const crossPost = strapi.plugin('cross-post');
    const found = crossPost ? await crossPost.service('deliveries').findOne(deliveryId) : null;
    if (!found || found.postDocumentId !== postDocumentId) {
      throw new errors.ValidationError(
        `Delivery ${deliveryId} is not one of this post's deliveries: pick one from the post's list.`,
        { reason: 'delivery_not_of_post', field: 'target.deliveryId' }
      );
    }
    return found as { id: number; network: string };
  }

  const blank = {
    postDocumentId: null,
    deliveryId: null,
    network: null,
    campaignDocumentId: null,
    partnershipDocumentId: null,
    deliverable: null,
    eventDocumentId: null,
  };

  return {
    /** The target as stored on a link, checked against the content: a 404 names what does not exist. */
    async resolve(target: TargetInput): Promise<ResolvedTarget> {
      const chosenCampaign =
        'campaign' in target && target.campaign ? await campaignOf(target.campaign) : null;

      if (target.type === 'campaign') {
        const campaign = await campaignOf(target.documentId);
        return {
          ...blank,
          targetType: 'campaign',
          campaignDocumentId: target.documentId,
          timeZone: timeZoneOf(campaign),
          defaultDestination: null,
          defaultLabel: campaign.name,
        };
      }

      if (target.type === 'post') {
        const post: any = await findDocument('post', target.documentId, { campaign: true });
        if (!post) throw notFound('post', target.documentId);
        const campaign = chosenCampaign ?? post.campaign ?? null;
        const found = target.deliveryId ? await delivery(target.deliveryId, target.documentId) : null;
        return {
          ...blank,
          targetType: 'post',
          postDocumentId: target.documentId,
          deliveryId: found?.id ?? null,
          network: found?.network ?? null,
          campaignDocumentId: campaign?.documentId ?? null,
          timeZone: timeZoneOf(campaign),
          defaultDestination: post.link ?? null,
          defaultLabel: found ? `${post.title} (${found.network})` : post.title,
        };
      }

      if (target.type === 'event') {
        const event: any = await findDocument('event', target.documentId, { campaign: true });
        if (!event) throw notFound('event', target.documentId);
        const campaign = chosenCampaign ?? event.campaign ?? null;
        return {
          ...blank,
          targetType: 'event',
          eventDocumentId: target.documentId,
          campaignDocumentId: campaign?.documentId ?? null,
          // The event's own zone: its registrations are counted on the days of the place it happens.
          timeZone: isTimeZone(event.timeZone) ? event.timeZone : timeZoneOf(campaign),
          defaultDestination: event.registrationUrl ?? null,
          defaultLabel: event.title,
        };
      }

      const partnership: any = await findDocument('partnership', target.documentId, {
        deliverables: true,
        campaigns: true,
      });
      if (!partnership) throw notFound('partnership', target.documentId);
      const deliverable = target.deliverable?.trim() || null;
      if (deliverable && !(partnership.deliverables ?? []).some((d: any) => d.what?.trim() === deliverable)) {
        throw new errors.ValidationError(
          `"${deliverable}" is not one of ${partnership.partnerName}'s deliverables: pick one from the partnership.`,
          { reason: 'deliverable_not_of_partnership', field: 'target.deliverable' }
        );
      }
      const campaigns = partnership.campaigns ?? [];
      const campaign = chosenCampaign ?? (campaigns.length === 1 ? campaigns[0] : null);
      return {
        ...blank,
        targetType: 'partnership',
        partnershipDocumentId: target.documentId,
        deliverable,
        campaignDocumentId: campaign?.documentId ?? null,
        timeZone: timeZoneOf(campaign),
        defaultDestination: partnership.trackingUrl ?? partnership.website ?? null,
        defaultLabel: deliverable ? `${partnership.partnerName}: ${deliverable}` : partnership.partnerName,
      };
    },

    /** The post's deliveries, for one link per delivery (each network's audience counted apart). */
    async deliveriesOf(postDocumentId: string): Promise<{ id: number; network: string; status: string }[]> {
      const crossPost = strapi.plugin('cross-post');
      if (!crossPost) return [];
      const deliveries = await crossPost.service('deliveries').listForPost(postDocumentId);
      return deliveries
        .filter((d: any) => d.status !== 'cancelled')
        .map((d: any) => ({ id: d.id, network: d.network, status: d.status }));
    },

    /**
     * The campaign's UTM defaults as a redirect adds them: its UTM component, and its slug as
     * utm_campaign when the component names none (as cross-post does for the links it publishes).
     * The published version first: that is the campaign as it runs.
     */
    async campaignUtm(documentId: string): Promise<Utm | null> {
      if (!available('campaign')) return null;
      const query = strapi.db.query(HOST_UIDS.campaign as any);
      const campaign: any =
        (await query.findOne({
          where: { documentId, publishedAt: { $notNull: true } },
          populate: { utm: true },
        })) ?? (await query.findOne({ where: { documentId }, populate: { utm: true } }));
      if (!campaign) return null;
      const utm = campaign.utm ?? {};
      return {
        source: utm.source,
        medium: utm.medium,
        campaign: utm.campaign || campaign.slug,
        term: utm.term,
        content: utm.content,
      };
    },

    /** The names of documents, for lists of links (one query per type). */
    async labels(wanted: Partial<Record<HostType, string[]>>): Promise<Map<string, string>> {
      const names = new Map<string, string>();
      for (const [type, documentIds] of Object.entries(wanted) as [HostType, string[]][]) {
        const ids = [...new Set(documentIds.filter(Boolean))];
        if (ids.length === 0 || !available(type)) continue;
        const rows = await strapi.db.query(HOST_UIDS[type] as any).findMany({
          select: ['documentId', LABEL_FIELD[type]],
          where: { documentId: { $in: ids } },
        });
        for (const row of rows as any[]) {
          if (!names.has(`${type}:${row.documentId}`))
            names.set(`${type}:${row.documentId}`, row[LABEL_FIELD[type]]);
        }
      }
      return names;
    },

    /** Documents of a type whose name contains `q`, for the link form's picker. */
    async search(type: HostType, q: string | undefined): Promise<TargetOption[]> {
      if (!available(type)) return [];
      const field = LABEL_FIELD[type];
      const populate: Record<string, unknown> =
        type === 'partnership' ? { deliverables: true, campaigns: true } : {};
      const rows = await strapi.db.query(HOST_UIDS[type] as any).findMany({
        where: q ? { [field]: { $containsi: q } } : {},
        populate,
        orderBy: { updatedAt: 'desc' },
        limit: 60,
      });
      const options = new Map<string, TargetOption>();
      for (const row of rows as any[]) {
        if (options.has(row.documentId) || options.size >= 20) continue;
        options.set(row.documentId, {
          documentId: row.documentId,
          label: row[field],
          defaultDestination:
            (type === 'post' && row.link) ||
            (type === 'event' && row.registrationUrl) ||
            (type === 'partnership' && (row.trackingUrl || row.website)) ||
            null,
          ...(type === 'partnership' && {
            deliverables: (row.deliverables ?? []).map((d: any) => d.what).filter(Boolean),
            campaigns: (row.campaigns ?? []).map((c: any) => ({ documentId: c.documentId, label: c.name })),
          }),
        });
      }
      if (type === 'post') {
        for (const option of options.values()) option.deliveries = await this.deliveriesOf(option.documentId);
      }
      return [...options.values()];
    },

    /** A post or event that has a published version (page views count only those), with its time zone. */
    async publishedForViews(
      type: 'post' | 'event',
      documentId: string
    ): Promise<{ timeZone: string } | null> {
      if (!available(type)) return null;
      const row: any = await strapi.db.query(HOST_UIDS[type] as any).findOne({
        select: type === 'event' ? ['id', 'timeZone'] : ['id'],
        where: { documentId, publishedAt: { $notNull: true } },
      });
      if (!row) return null;
      return { timeZone: isTimeZone(row.timeZone) ? row.timeZone : settings() };
    },
  };
};

export default linkTargetsService;
