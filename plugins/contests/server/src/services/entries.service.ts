import { createHmac, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

import type { ContestsConfig } from '../config';
import { checkEligibility, type Refusal } from '../domain/eligibility';
import { emailDomain, isWellFormedEmail } from '../domain/email';
import { detectFraudSignals, nameKey } from '../domain/fraud-signals';
import { personKeys } from '../domain/person-key';
import { normalisePhone } from '../domain/phone';
import { entriesRepository, type EntryFilters, type EntryRow } from '../repositories/entries.repository';
import { ContestError } from '../utils/errors';
import { getService } from '../utils/get-service';
import { parseEntryBody } from '../validators/entry.validator';
import type { Actor } from './audit.service';

const REFUSAL_STATUS: Record<Refusal['reason'], number> = {
  window_not_open: 403,
  window_closed: 403,
  rules_not_accepted: 422,
  birth_date_required: 422,
  under_age: 422,
  country_required: 422,
  country_not_eligible: 422,
};

function refusalMessage(refusal: Refusal): string {
  switch (refusal.reason) {
    case 'window_not_open':
      return `Entries are not open yet: they open at ${refusal.opensAt}.`;
    case 'window_closed':
      return `Entries are closed: they closed at ${refusal.closedAt}.`;
    case 'rules_not_accepted':
      return 'The contest rules must be accepted to enter (consents.rules = true).';
    case 'birth_date_required':
      return `A birth date is required: entrants must be at least ${refusal.minimumAge}.`;
    case 'under_age':
      return `Entrants must be at least ${refusal.minimumAge} years old.`;
    case 'country_required':
      return `A country is required: the contest is open to ${refusal.eligibleCountries.join(', ')}.`;
    case 'country_not_eligible':
      return `The contest is not open to ${refusal.country}: only ${refusal.eligibleCountries.join(', ')}.`;
  }
}

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
      throw new ContestError(404, 'entry_not_found', `There is no entry with the id "${publicId}".`);
    return entry;
  }

  /** Statuses decide what the draw freezes: once it has run, they no longer change. */
  async function findChangeableEntry(publicId: string): Promise<EntryRow> {
    const entry = await findEntry(publicId);
    const state = await getService(strapi, 'draw').findState(entry.eventDocumentId);
    if (state?.drawnAt) {
      throw new ContestError(
        409,
        'already_drawn',
        'The draw has run and its entry list is frozen. To set a winner aside, forfeit their prize: it passes to the next substitute.'
      );
    }
    return entry;
  }

  return {
    hashIp,

    /** An entry from a frontend: refused with a clear 4xx, or stored as `valid` / `review`. */
    async submit(eventDocumentId: string, body: unknown, ip: string, now = new Date()) {
      const ipHash = hashIp(ip);
      getService(strapi, 'rateLimit').hit(ipHash, now.getTime());

      const data = parseEntryBody(body);
      if (!isWellFormedEmail(data.email)) {
        throw new ContestError(400, 'malformed_email', `"${data.email}" is not a valid email address.`);
      }
      if (data.phone && !normalisePhone(data.phone, data.country)) {
        throw new ContestError(
          400,
          'malformed_phone',
          `"${data.phone}" is not a phone number we can read: write it in international form, e.g. +33612345678.`
        );
      }

      const contest = await getService(strapi, 'events').publishedContest(eventDocumentId);
      const { settings } = contest;
      const consents = {
        rules: data.consents?.rules === true,
        marketing: data.consents?.marketing === true,
        publishName: data.consents?.publishName === true,
      };
      const refusal = checkEligibility(
        settings,
        { country: data.country, birthDate: data.birthDate, consents },
        now
      );
      if (refusal) {
        const { reason, ...details } = refusal;
        throw new ContestError(REFUSAL_STATUS[reason], reason, refusalMessage(refusal), details);
      }

      const keys = personKeys({ email: data.email, phone: data.phone, country: data.country });
      const thresholds = config('fraud');
      const entryNameKey = nameKey(data.name);
      const evidence = await repository.fraudEvidence(
        eventDocumentId,
        ipHash,
        keys.personKey,
        new Date(now.getTime() - thresholds.burstWindowSeconds * 1000)
      );
      const signals = detectFraudSignals(
        { emailDomain: emailDomain(data.email)!, nameKey: entryNameKey, ...evidence },
        thresholds
      );

      const stored = await repository.insertInFreeSlot(
        {
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
        },
        settings.entriesPerPerson
      );
      if (!stored) {
        throw new ContestError(
          409,
          'already_entered',
          settings.entriesPerPerson === 1
            ? 'This person has already entered this contest.'
            : `This person has already entered this contest ${settings.entriesPerPerson} times, the most allowed.`,
          { entriesPerPerson: settings.entriesPerPerson }
        );
      }
      return { id: stored.publicId, status: stored.entryStatus };
    },

    list: (eventDocumentId: string, filters: EntryFilters) => repository.list(eventDocumentId, filters),

    findEntry,

    async invalidate(publicId: string, reason: string, actor: Actor) {
      const entry = await findChangeableEntry(publicId);
      if (entry.entryStatus === 'invalidated') {
        throw new ContestError(409, 'already_invalidated', 'This entry is already invalidated.');
      }
      const updated = await repository.setStatus(publicId, 'invalidated', reason);
      await getService(strapi, 'audit').record(
        entry.eventDocumentId,
        'entry_invalidated',
        actor,
        { reason, previousStatus: entry.entryStatus },
        publicId
      );
      return updated;
    },

    async restore(publicId: string, reason: string | null, actor: Actor) {
      const entry = await findChangeableEntry(publicId);
      if (entry.entryStatus === 'valid')
        throw new ContestError(409, 'already_valid', 'This entry is already valid.');
      const updated = await repository.setStatus(publicId, 'valid', null);
      await getService(strapi, 'audit').record(
        entry.eventDocumentId,
        'entry_restored',
        actor,
        { reason, previousStatus: entry.entryStatus, previousReason: entry.invalidationReason },
        publicId
      );
      return updated;
    },
  };
};

export default entriesService;
