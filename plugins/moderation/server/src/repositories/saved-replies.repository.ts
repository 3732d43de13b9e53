/** The only code that touches saved replies: ready answers in French or English. */
import type { Core } from '@strapi/strapi';

import { SAVED_REPLY_UID } from '../utils/uids';

export type SavedReplyRow = {
  id: number;
  title: string;
  body: string;
  language: 'fr' | 'en';
  updatedByName: string | null;
  updatedAt: string;
};

const FIELDS = ['id', 'title', 'body', 'language', 'updatedByName', 'updatedAt'];

export const savedRepliesRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(SAVED_REPLY_UID);
  return {
    /** In one language or both, by language then title. */
    list: (language?: 'fr' | 'en'): Promise<SavedReplyRow[]> =>
      query().findMany({
        where: language ? { language } : {},
        select: FIELDS,
        orderBy: [{ language: 'asc' }, { title: 'asc' }, { id: 'asc' }],
        limit: 500,
      }) as Promise<SavedReplyRow[]>,
    findById: (id: number): Promise<SavedReplyRow | null> =>
      query().findOne({ where: { id }, select: FIELDS }) as Promise<SavedReplyRow | null>,
    count: (): Promise<number> => query().count({}),
    create: (data: Omit<SavedReplyRow, 'id' | 'updatedAt'>): Promise<SavedReplyRow> =>
      query().create({ data, select: FIELDS }) as Promise<SavedReplyRow>,
    update: (id: number, data: Partial<Omit<SavedReplyRow, 'id' | 'updatedAt'>>): Promise<SavedReplyRow> =>
      query().update({ where: { id }, data, select: FIELDS }) as Promise<SavedReplyRow>,
    delete: (id: number): Promise<unknown> => query().delete({ where: { id } }),
  };
};
