/**
 * What a moderator does with a listening mention beyond the queue's decisions: send it to the inbox
 * (it gets the account that may answer it, and from then on is answered, liked and timed like any
 * inbox item), or attach it to a campaign as earned media (the queue's campaign filter finds it).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { commentsRepository } from '../repositories/comments.repository';
import { getService } from '../utils/get-service';
import { CAMPAIGN_UID } from '../utils/uids';
import type { Actor } from './audit.service';
import { crossPostSearch } from './listening/cross-post-search';

const mentionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const comments = commentsRepository(strapi);

  async function mention(documentId: string) {
    const row = await comments.findByDocumentId(documentId);
    if (!row)
      throw new errors.NotFoundError(`No comment has the id "${documentId}"`, {
        reason: 'comment_not_found',
      });
    if (!row.savedSearchId)
      throw new errors.ApplicationError('Only a mention found by a saved search can be sent or attached.', {
        reason: 'not_a_mention',
      });
    return row;
  }

  return {
    /** Names the account that answers the mention: the one given, or the first of its network. */
    async sendToInbox(documentId: string, accountId: number | undefined, actor: Actor) {
      const row = await mention(documentId);
      const accounts = (await crossPostSearch(strapi).accounts()).filter(
        (a) => a.network === row.sourceNetwork
      );
      const account = accountId === undefined ? accounts[0] : accounts.find((a) => a.accountId === accountId);
      if (!account)
        throw new errors.ApplicationError(
          accountId === undefined
            ? `No connected ${row.sourceNetwork} account can answer this mention: connect one under Cross-post → Accounts.`
            : `Account ${accountId} is not a connected ${row.sourceNetwork} account: choose one of ${row.sourceNetwork}.`,
          { reason: 'no_account_to_answer' }
        );
      await comments.update(row.id, {
        sourceAccountId: account.accountId,
        sourceAccountName: account.name.slice(0, 200),
        sentToInboxAt: row.sentToInboxAt ?? new Date(),
      });
      await getService(strapi, 'audit').record({
        action: 'sent_to_inbox',
        actor,
        commentDocumentId: documentId,
        authorKey: row.authorKey,
        details: { network: row.sourceNetwork, accountId: account.accountId },
      });
      return { documentId, accountId: account.accountId, accountName: account.name };
    },

    /** Attaches the mention to a campaign as earned media (null detaches it). */
    async attachToCampaign(documentId: string, campaignDocumentId: string | null, actor: Actor) {
      const row = await mention(documentId);
      if (campaignDocumentId) {
        const campaign = await strapi.db
          .query(CAMPAIGN_UID as any)
          .findOne({ where: { documentId: campaignDocumentId }, select: ['id'] });
        if (!campaign)
          throw new errors.NotFoundError(`No campaign has the id "${campaignDocumentId}"`, {
            reason: 'campaign_not_found',
          });
      }
      await comments.update(row.id, { campaignDocumentId });
      await getService(strapi, 'audit').record({
        action: campaignDocumentId ? 'attached_to_campaign' : 'detached_from_campaign',
        actor,
        commentDocumentId: documentId,
        authorKey: row.authorKey,
        details: { campaign: campaignDocumentId ?? row.campaignDocumentId ?? null },
      });
      return { documentId, campaignDocumentId };
    },
  };
};

export default mentionsService;
