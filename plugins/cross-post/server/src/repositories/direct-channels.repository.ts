/**
 * The private conversations a network pushed to us and will not list (a Discord DM with the bot):
 * one row per account and channel (a unique index: two instances hearing the same message keep one
 * row), with the newest message id heard, which tells the inbox which conversations moved.
 */
import type { Core } from '@strapi/strapi';

import { DIRECT_CHANNEL_UID } from './uids';

export type DirectChannel = { channelId: string; lastMessageId: string | null };

/** Discord-style ids: longer is newer, then by text. */
const newerId = (a: string, b: string | null) => !b || (a.length === b.length ? a > b : a.length > b.length);

export const directChannelsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(DIRECT_CHANNEL_UID);
  return {
    /** The account's conversations, by channel id. */
    async ofAccount(accountId: number): Promise<DirectChannel[]> {
      const rows = await query().findMany({
        where: { accountId },
        select: ['channelId', 'lastMessageId'],
        orderBy: [{ channelId: 'asc' }],
      });
      return rows.map((row: any) => ({
        channelId: String(row.channelId),
        lastMessageId: row.lastMessageId ?? null,
      }));
    },

    /** The account is deleted: its conversations go with it. */
    async removeForAccount(accountId: number): Promise<void> {
      await query().deleteMany({ where: { accountId } });
    },

    /** A message was heard in a conversation: it is known from now on, and moved up to `messageId`. */
    async heard(accountId: number, message: { channelId: string; messageId: string; recipientName: string }) {
      const where = { accountId, channelId: message.channelId };
      const existing = await query().findOne({ where, select: ['id', 'lastMessageId'] });
      if (existing) {
        if (newerId(message.messageId, existing.lastMessageId))
          await query().update({ where: { id: existing.id }, data: { lastMessageId: message.messageId } });
        return;
      }
      try {
        await query().create({
          data: {
            ...where,
            recipientName: message.recipientName.slice(0, 200),
            lastMessageId: message.messageId,
          },
        });
      } catch (error) {
        // Another instance heard it first: the unique index kept one row; move it up if need be.
        const row = await query().findOne({ where, select: ['id', 'lastMessageId'] });
        if (!row) throw error;
        if (newerId(message.messageId, row.lastMessageId))
          await query().update({ where: { id: row.id }, data: { lastMessageId: message.messageId } });
      }
    },
  };
};
