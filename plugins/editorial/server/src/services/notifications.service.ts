/** The admin's notices: one person's notifications, newest first, and marking them read. */
import type { Core } from '@strapi/strapi';

import { notificationsRepository, type NotificationRow } from '../repositories/notifications.repository';

const view = (row: NotificationRow) => ({
  id: row.id,
  kind: row.kind,
  type: row.subjectUid,
  documentId: row.subjectDocumentId,
  locale: row.subjectLocale,
  title: row.title,
  actorName: row.actorName,
  comment: row.comment,
  createdAt: row.createdAt,
  read: row.readAt != null,
});

const notificationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const notifications = notificationsRepository(strapi);

  return {
    async list(userId: number, options: { unread: boolean; page: number; pageSize: number }) {
      const [{ rows, total }, unread] = await Promise.all([
        notifications.page(userId, options),
        notifications.unreadCount(userId),
      ]);
      return {
        data: rows.map(view),
        meta: { pagination: { page: options.page, pageSize: options.pageSize, total }, unread },
      };
    },

    /** Only the user's own notifications: another person's ids change nothing. */
    async markRead(userId: number, ids: number[] | 'all') {
      const marked = await notifications.markRead(userId, ids, new Date());
      return { marked, unread: await notifications.unreadCount(userId) };
    },
  };
};

export type NotificationsService = ReturnType<typeof notificationsService>;
export default notificationsService;
