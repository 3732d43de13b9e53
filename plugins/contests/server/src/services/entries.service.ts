import { createHmac, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { conflict, forbidden, unprocessable } from '@porte-voix/kit/http-errors';

import type { ContestsConfig } from '../config';
import { checkEligibility, type Refusal } from '../domain/eligibility';
import { emailDomain, isWellFormedEmail } from '../domain/email';
import {
  alreadyEnteredText,
  languageOr,
  malformedEmailText,
  malformedPhoneText,
  refusalText,
  type EntrantLanguage,
} from '../domain/entrant-messages';
import { detectFraudSignals, nameKey } from '../domain/fraud-signals';
import { personKeys } from '../domain/person-key';
import { normalisePhone } from '../domain/phone';
import {
  entriesRepository,
  type EntryFilters,
  type EntryRow,
  type NewEntry,
} from '../repositories/entries.repository';
import { getService } from '../utils/get-service';
import { parseEntryBody } from '../validators/entry.validator';
import type { Actor } from './audit.service';

const REFUSAL_STATUS: Record<Refusal['reason'], number> = {
  window_not_open: 403,
  window_closed: 403,
  rules_not_approved: 403,
  rules_not_accepted: 422,
  birth_date_required: 422,
  under_age: 422,
  country_required: 422,
  country_not_eligible: 422,
};

export const newPublicId = () => randomBytes(16).toString('hex');

/** What an organiser sees of an entry (never the IP hash or the person key). */
export function adminView(entry: EntryRow) {
  return {
    id: entry.publicId,
    name: entry.name,
    email: entry.email,
    phone: entry.phone,
    country: entry.country,
    birthDate: entry.birthDate,
    answers: entry.answers,
    consents: entry.consents,
    status: entry.entryStatus,
    invalidationReason: entry.invalidationReason,
    fraudSignals: entry.fraudSignals ?? [],
    erased: Boolean(entry.erasedAt),
    createdAt: entry.createdAt,
  };
}

const entriesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = entriesRepository(strapi);
  const config = <K extends keyof ContestsConfig>(key: K) =>
    strapi.plugin('contests').config(key) as ContestsConfig[K];

  const hashIp = (ip: string) => {
    const secret = config('ipHashSecret');
    if (!secret) throw new Error('CONTESTS_IP_HASH_SECRET is not set');
    return createHmac('sha256', secret).update(ip).digest('hex');
  };

  async function findEntry(publicId: string): Promise<EntryRow> {
    const entry = await repository.findByPublicId(publicId);
    if (!entry)
      throw new errors.NotFoundError(`There is no entry with the id "${publicId}".`, {
        reason: 'entry_not_found',
      });
    return entry;
  }

  /** Statuses decide what the draw freezes: once it has run, they no longer change. */
  async function findChangeableEntry(publicId: string): Promise<EntryRow> {
    const entry = await findEntry(publicId);
    const state = await getService(strapi, 'draw').findState(entry.eventDocumentId);
    if (state?.drawnAt) {
      throw conflict(
        'The draw has run and its entry list is frozen. To set a winner aside, forfeit their prize: it passes to the next substitute.',
        { reason: 'already_drawn' }
      );
    }
    return entry;
  }

  /**
   * With double opt-in the caller learns nothing about the address: whether it already entered,
   * waits for a confirmation or is new, the answer is the same. Only a new person (or one with a
   * free slot and nothing waiting) gets a stored entry and a confirmation e-mail; the slot is taken
   * when the link is followed, so the cap still holds.
   */
  async function awaitConfirmation(entry: NewEntry, cap: number, now: Date) {
    const { held, waiting } = await repository.personStanding(entry);
    if (held >= cap || waiting > 0) return;
    const stored = await repository.insertUnconfirmed(entry);
    const outbox = getService(strapi, 'outbox');
    await outbox.enqueue(
      {
        kind: 'entry_confirmation',
        eventDocumentId: entry.eventDocumentId,
        entryPublicId: stored.publicId,
        dedupeKey: `confirm:${stored.publicId}`,
      },
      now
    );
    outbox.kick();
  }

  return {
    hashIp,

    /** An entry from a frontend: refused with a clear 4xx, or stored as `valid` / `review`. */
    /** `asked`: the entrant's language when the request names one (else the contest's). */
    async submit(
      eventDocumentId: string,
      body: unknown,
      ip: string,
      now = new Date(),
      asked: EntrantLanguage | null = null
    ) {
      const ipHash = hashIp(ip);
      // Before the contest is read: the language asked, else the contests' default.
      const early = languageOr(asked, undefined);
      await getService(strapi, 'rateLimit').hit(ipHash, now.getTime(), early);

      const data = parseEntryBody(body);
      if (!isWellFormedEmail(data.email)) {
        throw new errors.ValidationError(malformedEmailText(data.email, early), {
          reason: 'malformed_email',
        });
      }
      if (data.phone && !normalisePhone(data.phone, data.country)) {
        throw new errors.ValidationError(malformedPhoneText(data.phone, early), {
          reason: 'malformed_phone',
        });
      }

      const contest = await getService(strapi, 'events').publishedContest(eventDocumentId);
      const { settings } = contest;
      const language = languageOr(asked, contest.locale);
      const consents = {
        rules: data.consents?.rules === true,
        marketing: data.consents?.marketing === true,
        publishName: data.consents?.publishName === true,
      };
      const refusal = checkEligibility(
        settings,
        { country: data.country, birthDate: data.birthDate, consents },
        now,
        contest.rulesApproval
      );
      if (refusal) {
        throw REFUSAL_STATUS[refusal.reason] === 403
          ? forbidden(refusalText(refusal, language, contest.timeZone), refusal)
          : unprocessable(refusalText(refusal, language, contest.timeZone), refusal);
      }

      const keys = personKeys({ email: data.email, phone: data.phone, country: data.country });
      const thresholds = config('fraud');
      const entryNameKey = nameKey(data.name);
      const evidence = await repository.fraudEvidence(
        eventDocumentId,
        ipHash,
        keys.personKey,
        new Date(now.getTime() - thresholds.burstWindowSeconds * 1000),
        { ipEntries: thresholds.ipEntryThreshold, burstEntries: thresholds.burstThreshold }
      );
      const signals = detectFraudSignals(
        { emailDomain: emailDomain(data.email)!, nameKey: entryNameKey, ...evidence },
        thresholds
      );

      const entry: NewEntry = {
        publicId: newPublicId(),
        eventDocumentId,
        ...keys,
        name: data.name,
        nameKey: entryNameKey,
        email: data.email.trim(),
        phone: data.phone,
        country: data.country ?? null,
        birthDate: data.birthDate ?? null,
        consents,
        answers: data.answers ?? null,
        ipHash,
        entryStatus: signals.length > 0 ? 'review' : 'valid',
        fraudSignals: signals,
        signalTypes: signals.map((signal) => signal.type).join(',') || null,
      };
      if (settings.doubleOptIn) {
        await awaitConfirmation(entry, settings.entriesPerPerson, now);
        return { awaitingConfirmation: true as const };
      }
      const stored = await repository.insertInFreeSlot(entry, settings.entriesPerPerson);
      if (!stored) {
        throw conflict(alreadyEnteredText(settings.entriesPerPerson, language), {
          reason: 'already_entered',
          entriesPerPerson: settings.entriesPerPerson,
        });
      }
      return { id: stored.publicId, status: stored.entryStatus };
    },

    list: (eventDocumentId: string, filters: EntryFilters) => repository.list(eventDocumentId, filters),

    findEntry,

    async invalidate(publicId: string, reason: string, actor: Actor) {
      const entry = await findChangeableEntry(publicId);
      if (entry.entryStatus === 'invalidated') {
        throw conflict('This entry is already invalidated.', { reason: 'already_invalidated' });
      }
      const updated = await repository.setStatus(publicId, 'invalidated', reason);
      await getService(strapi, 'audit').record({
        eventDocumentId: entry.eventDocumentId,
        action: 'entry_invalidated',
        actor,
        reason,
        details: { previousStatus: entry.entryStatus },
        entryPublicId: publicId,
      });
      return updated;
    },

    async restore(publicId: string, reason: string | null, actor: Actor) {
      const entry = await findChangeableEntry(publicId);
      if (entry.entryStatus === 'valid')
        throw conflict('This entry is already valid.', { reason: 'already_valid' });
      const updated = await repository.setStatus(publicId, 'valid', null);
      await getService(strapi, 'audit').record({
        eventDocumentId: entry.eventDocumentId,
        action: 'entry_restored',
        actor,
        reason,
        details: { previousStatus: entry.entryStatus, previousReason: entry.invalidationReason },
        entryPublicId: publicId,
      });
      return updated;
    },
  };
};

export default entriesService;
