/**
 * The only code that touches listening alerts. An open episode has `openKey` 'open'; the unique
 * (search, kind, openKey) index lets one instance open it, so an episode is raised (and e-mailed)
 * once however many instances look; closing it clears the key (NULLs never collide).
 */
import type { Core } from '@strapi/strapi';

import { LISTENING_ALERT_UID } from '../utils/uids';

export type AlertKind = 'volume' | 'negative';

export const listeningAlertsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(LISTENING_ALERT_UID);
  return {
    openOnes: (): Promise<any[]> => query().findMany({ where: { openKey: 'open' } }),

    /** Opens an episode; false when one is open already (raised by another instance meanwhile). */
    async open(alert: {
      searchId: number;
      searchName: string;
      kind: AlertKind;
      startedAt: Date;
      level: number;
      threshold: number;
    }): Promise<boolean> {
      try {
        await query().create({ data: { ...alert, openKey: 'open' } });
        return true;
      } catch (error) {
        if (await query().findOne({ where: { searchId: alert.searchId, kind: alert.kind, openKey: 'open' } }))
          return false;
        throw error;
      }
    },

    close: (id: number, endedAt: Date) =>
      query().updateMany({ where: { id, openKey: 'open' }, data: { openKey: null, endedAt } }),

    recent: (limit: number): Promise<any[]> =>
      query().findMany({ orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], limit }),
  };
};
