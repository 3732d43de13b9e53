/**
 * Gives rollups counted before languages were kept their languages, a few at a time on listening's
 * ticks (a report filtered by language leaves a row without one out meanwhile): each row is taken
 * away and its counts added again per language, in one transaction; a row another instance took
 * first is left to it.
 */
import type { Core } from '@strapi/strapi';

import { rollupLanguages } from '../../domain/listening/rollup-languages';
import { commentsRepository } from '../../repositories/comments.repository';
import { listeningHoursRepository } from '../../repositories/listening-hours.repository';

const HOUR_MS = 3_600_000;

/** Rows given their languages in one call; answers how many (fewer than `limit`: none are left). */
export async function giveRollupsLanguages(strapi: Core.Strapi, limit: number): Promise<number> {
  const hours = listeningHoursRepository(strapi);
  const comments = commentsRepository(strapi);
  const rows = await hours.withoutLanguage(limit);
  for (const row of rows) {
    const from = new Date(`${row.hour}:00:00Z`);
    const mentions = await comments.mentionCounts(
      row.searchId,
      row.network,
      from,
      new Date(from.getTime() + HOUR_MS)
    );
    await hours.replaceWithoutLanguage(row.id, rollupLanguages(row, mentions));
  }
  return rows.length;
}
