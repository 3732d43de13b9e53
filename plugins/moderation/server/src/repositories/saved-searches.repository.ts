/** The only code that touches saved searches: what listening looks for, and where. */
import type { Core } from '@strapi/strapi';

import { SAVED_SEARCH_UID } from '../utils/uids';

export type SavedSearchRow = {
  id: number;
  name: string;
  kind: 'brand' | 'competitor';
  terms: string[];
  exclusions: string[] | null;
  languages: ('fr' | 'en')[];
  networks: string[] | null;
  feeds: string[] | null;
  enabled: boolean;
  updatedByName: string | null;
  updatedAt: string;
};

const FIELDS = [
  'id',
  'name',
  'kind',
  'terms',
  'exclusions',
  'languages',
  'networks',
  'feeds',
  'enabled',
  'updatedByName',
  'updatedAt',
];

/** Names are unique whatever their case or accents (MariaDB's collation would say so anyway). */
export const nameKeyOf = (name: string) =>
  name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 120);

export const savedSearchesRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(SAVED_SEARCH_UID);
  return {
    list: (): Promise<SavedSearchRow[]> =>
      query().findMany({ select: FIELDS, orderBy: [{ name: 'asc' }, { id: 'asc' }], limit: 500 }) as Promise<
        SavedSearchRow[]
      >,
    findById: (id: number): Promise<SavedSearchRow | null> =>
      query().findOne({ where: { id }, select: FIELDS }) as Promise<SavedSearchRow | null>,
    findByIds: (ids: number[]): Promise<SavedSearchRow[]> =>
      ids.length === 0
        ? Promise.resolve([])
        : (query().findMany({ where: { id: { $in: ids } }, select: FIELDS }) as Promise<SavedSearchRow[]>),
    idByName: async (name: string): Promise<number | null> =>
      ((await query().findOne({ where: { nameKey: nameKeyOf(name) }, select: ['id'] })) as any)?.id ?? null,
    count: (): Promise<number> => query().count({}),
    create: (data: Omit<SavedSearchRow, 'id' | 'updatedAt'>): Promise<SavedSearchRow> =>
      query().create({
        data: { ...data, nameKey: nameKeyOf(data.name) },
        select: FIELDS,
      }) as Promise<SavedSearchRow>,
    update: (id: number, data: Omit<SavedSearchRow, 'id' | 'updatedAt'>): Promise<SavedSearchRow> =>
      query().update({
        where: { id },
        data: { ...data, nameKey: nameKeyOf(data.name) },
        select: FIELDS,
      }) as Promise<SavedSearchRow>,
    delete: (id: number): Promise<unknown> => query().delete({ where: { id } }),
  };
};
