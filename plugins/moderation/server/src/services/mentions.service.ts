/**
 * What a moderator does with a listening mention beyond the queue's decisions: send it to the inbox
 * (it gets the account that may answer it, and from then on is answered, liked and timed like any
 * inbox item), or attach it to a campaign as earned media (the queue's campaign filter finds it).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parse } from '@porte-voix/kit/server';

import { commentsRepository } from '../repositories/comments.repository';
import { getService } from '../utils/get-service';
import { CAMPAIGN_UID } from '../utils/uids';
import { answeringAccountSchema } from '../validators/listening.validators';
import type { Actor } from './audit.service';
import { crossPostSearch, type SearchAccount } from './listening/cross-post-search';

const ofNetwork = (accounts: SearchAccount[], network: string) =>
  accounts.filter((a) => a.network === network);

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
    /** The accounts that may answer the mention: cross-post's accounts of its network. */
    async answeringAccounts(documentId: string) {
      const row = await mention(documentId);
      const accounts = ofNetwork(await crossPostSearch(strapi).accounts(), row.sourceNetwork);
      return {
        network: row.sourceNetwork as string,
        accounts: accounts.map(({ accountId, name }) => ({ accountId, name })),
      };
    },

    /** Names the account that answers the mention: the one chosen, or the only one of its network. */
    async sendToInbox(documentId: string, accountId: number | undefined, actor: Actor) {
      const row = await mention(documentId);
      const accounts = await crossPostSearch(strapi).accounts();
      const chosen = parse(
        answeringAccountSchema(row.sourceNetwork, accounts),
        { accountId },
        { reason: 'no_account_to_answer' }
      );
      // The schema let it through: the account chosen is of the network, or it is the only one.
      const candidates = ofNetwork(accounts, row.sourceNetwork);
      const account = candidates.find((a) => a.accountId === chosen.accountId) ?? candidates[0];
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
