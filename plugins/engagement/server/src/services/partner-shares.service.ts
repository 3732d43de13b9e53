/**
 * Read-only links that show one partnership's figures to the partner, without an admin login, until
 * they expire or are revoked. The token is shown once, at creation; only its SHA-256 is stored, so
 * the table alone opens nothing. The public page is rate limited per visitor (guessing a 256-bit
 * token is hopeless anyway, but a page that reads reports must not be a free load generator).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { tooManyRequests } from '@porte-voix/kit/server';

import type { EngagementConfig } from '../config';
import { localDay } from '../domain/local-day';
import { PLUGIN_ID } from '../plugin-id';
import { beaconRateWindowsRepository } from '../repositories/beacon-rate-windows.repository';
import { partnerSharesRepository, type PartnerShareRow } from '../repositories/partner-shares.repository';
import { getService } from '../utils/get-service';
import { partnershipsFor } from './partners/partnerships';
import { partnerReport, type PartnerReport } from './partners/report';
import type { RequestTraits } from './visitors.service';

export const SHARE_EXPIRY_DAYS = [7, 30, 90] as const;
export type ShareInput = {
  expiresInDays: (typeof SHARE_EXPIRY_DAYS)[number];
  from: string;
  /** Absent: "to date", the figures up to the day the partner looks. */
  to?: string | null;
  language: 'en' | 'fr';
};

export type ShareStatus = 'active' | 'expired' | 'revoked';
export type ShareOpening =
  | { outcome: 'missing' }
  | { outcome: 'expired' | 'revoked'; language: 'en' | 'fr' }
  | { outcome: 'shown'; language: 'en' | 'fr'; expiresAt: string; report: PartnerReport };

/** Page reads one visitor may make per window before a 429. */
const MAX_PER_WINDOW = 30;
const WINDOW_SECONDS = 60;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const SHARE_PATH = '/share/';

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const partnerSharesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const shares = partnerSharesRepository(strapi);
  const windows = beaconRateWindowsRepository(strapi);
  const timeZone = () => strapi.plugin(PLUGIN_ID).config('timeZone') as EngagementConfig['timeZone'];
  const publicBase = () =>
    (strapi.config.get('server.url') as string | undefined)?.replace(/\/+$/, '') || null;

  const statusOf = (share: PartnerShareRow, now: number): ShareStatus =>
    share.revokedAt ? 'revoked' : new Date(share.expiresAt).getTime() <= now ? 'expired' : 'active';

  const present = (share: PartnerShareRow, now = Date.now()) => ({
    id: share.id,
    partnership: share.partnershipDocumentId,
    language: share.language,
    from: share.fromDay,
    to: share.toDay,
    expiresAt: new Date(share.expiresAt).toISOString(),
    revokedAt: share.revokedAt ? new Date(share.revokedAt).toISOString() : null,
    createdAt: new Date(share.createdAt).toISOString(),
    sharedByUserId: share.sharedByUserId,
    status: statusOf(share, now),
  });

  /** One more page read from this visitor in the current window; a 429 with Retry-After past the allowance. */
  async function limit(traits: RequestTraits, now: number) {
    const visitorHash = await getService(strapi, 'visitors').visitorHash(
      traits.ip,
      traits.userAgent,
      new Date(now)
    );
    const windowMs = WINDOW_SECONDS * 1000;
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const resetAt = windowStart + windowMs;
    const hits = await windows.hit(`share:${visitorHash}:${windowStart}`, resetAt);
    if (hits > MAX_PER_WINDOW) {
      const retryAfter = Math.max(1, Math.ceil((resetAt - now) / 1000));
      tooManyRequests(
        strapi.requestContext.get(),
        retryAfter,
        `Too many requests for shared reports: try again in ${retryAfter} s.`,
        { reason: 'rate_limited', retryAfter }
      );
    }
  }

  return {
    /**
     * A new share link for a published partnership. The answer carries the token and the URL once:
     * they cannot be read again, only revoked.
     */
    async create(partnershipDocumentId: string, input: ShareInput, sharedByUserId: number | null) {
      const [published] = await partnershipsFor(strapi, 'partner', { documentIds: [partnershipDocumentId] });
      if (!published) {
        const [draft] = await partnershipsFor(strapi, 'admin', { documentIds: [partnershipDocumentId] });
        if (!draft)
          throw new errors.NotFoundError(`No partnership with documentId ${partnershipDocumentId}.`, {
            reason: 'partnership_not_found',
          });
        throw new errors.ValidationError(
          'This partnership is not published: publish it first, a partner only ever sees published content.',
          { reason: 'partnership_not_published', field: 'partnership' }
        );
      }
      const token = randomBytes(32).toString('base64url');
      const now = new Date();
      const share = await shares.create(
        {
          tokenHash: hashToken(token),
          partnershipDocumentId,
          language: input.language,
          fromDay: input.from,
          toDay: input.to ?? null,
          expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
          sharedByUserId,
        },
        now
      );
      const path = `${SHARE_PATH}${token}`;
      const base = publicBase();
      return { ...present(share), token, path, url: base ? `${base}${path}` : null };
    },

    async list(partnershipDocumentId: string) {
      const now = Date.now();
      return (await shares.ofPartnership(partnershipDocumentId)).map((share) => present(share, now));
    },

    /** Revoked at once and for good: the page answers 410 from the next request. */
    async revoke(id: number) {
      const share = await shares.revoke(id, new Date());
      if (!share) throw new errors.NotFoundError(`No share link ${id}.`, { reason: 'share_not_found' });
      return present(share);
    },

    /** What the public page shows for a token: the figures, or why not (never a figure then). */
    async open(token: string, traits: RequestTraits, now = Date.now()): Promise<ShareOpening> {
      await limit(traits, now);
      if (!TOKEN_PATTERN.test(token)) return { outcome: 'missing' };
      const share = await shares.findByHash(hashToken(token));
      if (!share) return { outcome: 'missing' };
      const status = statusOf(share, now);
      if (status !== 'active') return { outcome: status, language: share.language };
      const today = localDay(new Date(now), timeZone());
      const to = share.toDay ?? (today < share.fromDay ? share.fromDay : today);
      try {
        const report = await partnerReport(
          strapi,
          share.partnershipDocumentId,
          { from: share.fromDay, to },
          { audience: 'partner', locale: share.language, timeZone: timeZone() }
        );
        return {
          outcome: 'shown',
          language: share.language,
          expiresAt: new Date(share.expiresAt).toISOString(),
          report,
        };
      } catch (error) {
        // Unpublished or deleted since: as if the link did not exist.
        if (error instanceof errors.NotFoundError) return { outcome: 'missing' };
        throw error;
      }
    },
  };
};

export type PartnerSharesService = ReturnType<typeof partnerSharesService>;
export default partnerSharesService;
