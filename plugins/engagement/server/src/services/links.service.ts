/** Tracked links as editors manage them: create, list with their counts, disable and enable, counts per day. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { EngagementConfig } from '../config';
import { generateLinkCode } from '../domain/link-code';
import { addDays, daysBetween, localDay, monthsBefore } from '../domain/local-day';
import { normaliseDestination, type DestinationProblem, type Utm } from '../domain/tracked-url';
import { PLUGIN_ID } from '../plugin-id';
import type { DailyCounts } from '../repositories/daily-counts';
import { linkDailyRepository } from '../repositories/link-daily.repository';
import {
  trackedLinksRepository,
  type LinkFilters,
  type TrackedLinkRow,
} from '../repositories/tracked-links.repository';
import { getService } from '../utils/get-service';
import type { ResolvedTarget, TargetInput } from './link-targets.service';

export type LinkInput = {
  target: TargetInput;
  destinationUrl?: string;
  label?: string;
  utm?: Utm;
};

const DESTINATION_PROBLEMS: Record<DestinationProblem, string> = {
  not_a_url: 'destinationUrl must be a full address, e.g. https://example.org/page',
  not_http: 'destinationUrl must start with http:// or https://',
  has_credentials: 'destinationUrl must not carry a user name or password (user:password@)',
  too_long: 'destinationUrl is at most 2,048 characters once encoded',
};

const NO_COUNTS: DailyCounts = { humans: 0, uniques: 0, bots: 0 };
const CODE_ATTEMPTS = 5;

const linksService = ({ strapi }: { strapi: Core.Strapi }) => {
  const links = trackedLinksRepository(strapi);
  const daily = linkDailyRepository(strapi);
  const traffic = () => strapi.plugin(PLUGIN_ID).config('traffic') as EngagementConfig['traffic'];

  /** The public short URL when the app knows its public address (PUBLIC_URL), else the path. */
  const shortPath = (code: string) => `/l/${code}`;
  const publicBase = () =>
    (strapi.config.get('server.url') as string | undefined)?.replace(/\/+$/, '') || null;

  function present(link: TrackedLinkRow, counts: DailyCounts, names: Map<string, string>, location: string) {
    const base = publicBase();
    const name = (type: string, documentId: string | null) =>
      documentId ? (names.get(`${type}:${documentId}`) ?? null) : null;
    return {
      id: link.id,
      code: link.code,
      shortPath: shortPath(link.code),
      shortUrl: base ? `${base}${shortPath(link.code)}` : null,
      label: link.label,
      destinationUrl: link.destinationUrl,
      redirectsTo: location,
      enabled: Boolean(link.enabled),
      target: {
        type: link.targetType,
        post: link.postDocumentId
          ? { documentId: link.postDocumentId, title: name('post', link.postDocumentId) }
          : null,
        delivery: link.deliveryId ? { id: link.deliveryId, network: link.network } : null,
        campaign: link.campaignDocumentId
          ? { documentId: link.campaignDocumentId, name: name('campaign', link.campaignDocumentId) }
          : null,
        partnership: link.partnershipDocumentId
          ? {
              documentId: link.partnershipDocumentId,
              name: name('partnership', link.partnershipDocumentId),
              deliverable: link.deliverable,
            }
          : null,
        event: link.eventDocumentId
          ? { documentId: link.eventDocumentId, title: name('event', link.eventDocumentId) }
          : null,
      },
      utm: {
        source: link.utmSource,
        medium: link.utmMedium,
        campaign: link.utmCampaign,
        term: link.utmTerm,
        content: link.utmContent,
      },
      timeZone: link.timeZone,
      counts: { humanClicks: counts.humans, uniqueVisitors: counts.uniques, botClicks: counts.bots },
      createdAt: new Date(link.createdAt).toISOString(),
    };
  }

  async function presentAll(rows: TrackedLinkRow[]) {
    const [totals, names] = await Promise.all([
      daily.totals(rows.map((row) => String(row.id))),
      getService(strapi, 'linkTargets').labels({
        post: rows.map((row) => row.postDocumentId).filter(Boolean) as string[],
        campaign: rows.map((row) => row.campaignDocumentId).filter(Boolean) as string[],
        partnership: rows.map((row) => row.partnershipDocumentId).filter(Boolean) as string[],
        event: rows.map((row) => row.eventDocumentId).filter(Boolean) as string[],
      }),
    ]);
    const redirects = getService(strapi, 'redirects');
    return Promise.all(
      rows.map(async (row) =>
        present(row, totals.get(String(row.id)) ?? NO_COUNTS, names, await redirects.locationOf(row))
      )
    );
  }

  function destinationFor(input: LinkInput, target: ResolvedTarget): string {
    const raw = input.destinationUrl?.trim() || target.defaultDestination;
    if (!raw) {
      throw new errors.ValidationError(
        `This ${target.targetType} has no address to send visitors to: give a destinationUrl.`,
        { reason: 'destination_required', field: 'destinationUrl' }
      );
    }
    const checked = normaliseDestination(raw);
    if ('problem' in checked) {
      throw new errors.ValidationError(DESTINATION_PROBLEMS[checked.problem], {
        reason: 'invalid_destination',
        field: 'destinationUrl',
        problem: checked.problem,
      });
    }
    return checked.url;
  }

  /** Stores a link under a fresh code; a code already taken (unique index) is drawn again. */
  async function insert(link: Omit<TrackedLinkRow, 'id' | 'createdAt' | 'code'>): Promise<TrackedLinkRow> {
    const { codeLength } = traffic().links;
    for (let attempt = 1; ; attempt += 1) {
      const code = generateLinkCode(codeLength);
      try {
        return await links.create({ ...link, code }, new Date());
      } catch (error) {
        if (attempt >= CODE_ATTEMPTS || !(await links.codeTaken(code))) throw error;
      }
    }
  }

  return {
    /**
     * Creates the link, or with `perDelivery` one link per delivery of the post (each network's
     * audience counted apart, each tagged with its network as the source unless the campaign names one).
     */
    async create(input: LinkInput, createdByUserId: number | null) {
      const targets = getService(strapi, 'linkTargets');
      const target = await targets.resolve(input.target);
      const destinationUrl = destinationFor(input, target);
      const utm = input.utm ?? {};
      const base = {
        destinationUrl,
        enabled: true,
        targetType: target.targetType,
        postDocumentId: target.postDocumentId,
        campaignDocumentId: target.campaignDocumentId,
        partnershipDocumentId: target.partnershipDocumentId,
        deliverable: target.deliverable,
        eventDocumentId: target.eventDocumentId,
        utmSource: utm.source ?? null,
        utmMedium: utm.medium ?? null,
        utmCampaign: utm.campaign ?? null,
        utmTerm: utm.term ?? null,
        utmContent: utm.content ?? null,
        timeZone: target.timeZone,
        createdByUserId,
      };

      const perDelivery = input.target.type === 'post' && input.target.perDelivery && !target.deliveryId;
      if (!perDelivery) {
        const created = await insert({
          ...base,
          label: input.label ?? target.defaultLabel.slice(0, 200),
          deliveryId: target.deliveryId,
          network: target.network,
        });
        return presentAll([created]);
      }
      const deliveries = await targets.deliveriesOf(target.postDocumentId as string);
      if (deliveries.length === 0) {
        throw new errors.ValidationError(
          'This post has no deliveries yet: schedule it on some accounts first, or create one link for the post.',
          { reason: 'post_without_deliveries', field: 'target.perDelivery' }
        );
      }
      const created: TrackedLinkRow[] = [];
      for (const delivery of deliveries) {
        created.push(
          await insert({
            ...base,
            label: `${input.label ?? target.defaultLabel} (${delivery.network})`.slice(0, 200),
            deliveryId: delivery.id,
            network: delivery.network,
          })
        );
      }
      return presentAll(created);
    },

    async list(filters: LinkFilters) {
      const { rows, total } = await links.list(filters);
      return {
        data: await presentAll(rows),
        pagination: {
          page: filters.page,
          pageSize: filters.pageSize,
          total,
          pageCount: Math.max(1, Math.ceil(total / filters.pageSize)),
        },
      };
    },

    async findOne(id: number) {
      const link = await links.findById(id);
      if (!link) throw new errors.NotFoundError(`No tracked link ${id}.`, { reason: 'link_not_found' });
      const [presented] = await presentAll([link]);
      return presented;
    },

    /** Disables (410 from then on) or enables again; the counts are kept either way. */
    async setEnabled(id: number, enabled: boolean) {
      const link = await links.setEnabled(id, enabled, new Date());
      if (!link) throw new errors.NotFoundError(`No tracked link ${id}.`, { reason: 'link_not_found' });
      getService(strapi, 'redirects').forget(link.code);
      const [presented] = await presentAll([link]);
      return presented;
    },

    /**
     * The counts of each day from `from` to `to` in the link's time zone (the last 30 days unless
     * asked), days without traffic included as zeros.
     */
    async daily(id: number, range: { from?: string; to?: string }) {
      const link = await links.findById(id);
      if (!link) throw new errors.NotFoundError(`No tracked link ${id}.`, { reason: 'link_not_found' });
      const to = range.to ?? localDay(new Date(), link.timeZone);
      const from = range.from ?? addDays(to, -29);
      if (from > to) {
        throw new errors.ValidationError('from must be on or before to.', {
          reason: 'invalid_range',
          field: 'from',
        });
      }
      const oldest = monthsBefore(to, traffic().retention.dailyMonths);
      const days = daysBetween(from < oldest ? oldest : from, to);
      const rows = new Map((await daily.series(String(id), days[0], to)).map((row) => [row.day, row]));
      return {
        linkId: id,
        timeZone: link.timeZone,
        from: days[0],
        to,
        days: days.map((day) => {
          const row = rows.get(day) ?? NO_COUNTS;
          return { day, humanClicks: row.humans, uniqueVisitors: row.uniques, botClicks: row.bots };
        }),
      };
    },
  };
};

export default linksService;
