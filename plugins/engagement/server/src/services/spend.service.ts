import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { paidFigures } from '../domain/paid';
import { spendRepository, type SpendRow } from '../repositories/spend.repository';
import type { SpendBody } from '../validators/spend.validator';

const CAMPAIGN_UID = 'api::campaign.campaign';
const POST_UID = 'api::post.post';

export type SpendView = Omit<SpendRow, 'campaignDocumentId' | 'postDocumentId'> & {
  campaign: string;
  post: string | null;
};

const view = ({ campaignDocumentId, postDocumentId, ...row }: SpendRow): SpendView => ({
  ...row,
  campaign: campaignDocumentId,
  post: postDocumentId,
});

/**
 * Paid reach: what was spent on a campaign or a boosted post, and what it bought. Campaigns and posts
 * are the app's content types, read through the Document Service (drafts included: spend is recorded
 * while a campaign is being prepared).
 */
const spendService = ({ strapi }: { strapi: Core.Strapi }) => {
  const spends = spendRepository(strapi);

  async function exists(uid: typeof CAMPAIGN_UID | typeof POST_UID, documentId: string) {
    const found = await strapi.documents(uid).findOne({ documentId, status: 'draft', fields: ['id'] } as any);
    return Boolean(found);
  }

  async function checkTargets(body: SpendBody) {
    if (!(await exists(CAMPAIGN_UID, body.campaign)))
      throw new errors.NotFoundError(`No campaign ${body.campaign}`, { reason: 'campaign_not_found' });
    if (body.post) {
      if (!(await exists(POST_UID, body.post)))
        throw new errors.NotFoundError(`No post ${body.post}`, { reason: 'post_not_found' });
      const post = await strapi.documents(POST_UID).findOne({
        documentId: body.post,
        status: 'draft',
        populate: { campaign: { fields: ['documentId'] } },
      } as any);
      if ((post as any)?.campaign?.documentId !== body.campaign)
        throw new errors.ValidationError('The boosted post does not belong to this campaign', {
          reason: 'post_not_in_campaign',
          field: 'post',
        });
    }
  }

  const toRow = (body: SpendBody, recordedById: number | null) => ({
    campaignDocumentId: body.campaign,
    postDocumentId: body.post ?? null,
    network: body.network ?? null,
    spentOn: body.spentOn,
    amountMinor: body.amountMinor,
    currency: body.currency,
    paidImpressions: body.paidImpressions ?? null,
    paidClicks: body.paidClicks ?? null,
    paidInteractions: body.paidInteractions ?? null,
    note: body.note ?? null,
    recordedById,
  });

  async function found(id: number): Promise<SpendRow> {
    const row = await spends.find(id);
    if (!row) throw new errors.NotFoundError(`No spend ${id}`, { reason: 'spend_not_found' });
    return row;
  }

  return {
    /** A campaign's spends and their figures, one per currency. */
    async ofCampaign(campaignDocumentId: string) {
      const rows = await spends.ofCampaigns([campaignDocumentId]);
      return { spends: rows.map(view), figures: paidFigures(rows) };
    },

    async record(body: SpendBody, recordedById: number | null): Promise<SpendView> {
      await checkTargets(body);
      return view(await spends.create(toRow(body, recordedById)));
    },

    async replace(id: number, body: SpendBody, recordedById: number | null): Promise<SpendView> {
      await found(id);
      await checkTargets(body);
      return view((await spends.update(id, toRow(body, recordedById)))!);
    },

    async remove(id: number): Promise<void> {
      await found(id);
      await spends.remove(id);
    },
  };
};

export default spendService;
