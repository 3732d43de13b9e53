import type { Core } from '@strapi/strapi';

import { VISITOR_SALT_UID } from '../content-types';

/** One random salt per day, shared by every instance; only this file reads or writes the table. */
export const visitorSaltsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(VISITOR_SALT_UID as any);

  return {
    async find(day: string): Promise<string | null> {
      const row = await query().findOne({ select: ['salt'], where: { day } });
      return row?.salt ?? null;
    },

    /**
     * Stores the day's salt unless an instance stored one first (the unique index on the day decides),
     * and answers the one that holds.
     */
    async findOrCreate(day: string, candidate: string): Promise<string> {
      try {
        await query().create({ data: { day, salt: candidate } });
        return candidate;
      } catch (error) {
        const stored = await this.find(day);
        if (stored) return stored;
        throw error;
      }
    },

    /** Deletes the salts of days before `day`: without it, no hash of that day can be recomputed. */
    async deleteBefore(day: string): Promise<number> {
      const { count } = await query().deleteMany({ where: { day: { $lt: day } } });
      return count;
    },
  };
};
