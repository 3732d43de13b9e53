import type { Core } from '@strapi/strapi';

import { PARTNER_SHARE_UID } from '../content-types';

export type PartnerShareRow = {
  id: number;
  /** SHA-256 of the token, hex: the token itself is never stored. */
  tokenHash: string;
  partnershipDocumentId: string;
  language: 'en' | 'fr';
  fromDay: string;
  /** Null: "to date", the figures up to the day the partner looks. */
  toDay: string | null;
  expiresAt: string;
  revokedAt: string | null;
  sharedByUserId: number | null;
  createdAt: string;
};

export type NewPartnerShare = Omit<PartnerShareRow, 'id' | 'createdAt' | 'revokedAt'>;

/** Partner share links: only this file reads or writes the table. */
export const partnerSharesRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(PARTNER_SHARE_UID as any);

  return {
    create(share: NewPartnerShare, at: Date): Promise<PartnerShareRow> {
      return query().create({ data: { ...share, revokedAt: null, createdAt: at, updatedAt: at } });
    },

    findByHash(tokenHash: string): Promise<PartnerShareRow | null> {
      return query().findOne({ where: { tokenHash } });
    },

    findById(id: number): Promise<PartnerShareRow | null> {
      return query().findOne({ where: { id } });
    },

    async ofPartnership(partnershipDocumentId: string): Promise<PartnerShareRow[]> {
      return (await query().findMany({
        where: { partnershipDocumentId },
        orderBy: { id: 'desc' },
        limit: 200,
      })) as PartnerShareRow[];
    },

    /** Revokes a share once: the first revocation's time is kept. */
    async revoke(id: number, at: Date): Promise<PartnerShareRow | null> {
      await query().updateMany({
        where: { id, revokedAt: { $null: true } },
        data: { revokedAt: at, updatedAt: at },
      });
      return this.findById(id);
    },
  };
};

export type PartnerSharesRepository = ReturnType<typeof partnerSharesRepository>;
