import { createHash, randomBytes } from 'node:crypto';
import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import { conflict, forbidden } from '@porte-voix/kit/http-errors';

import type { ContestsConfig } from '../config';
import { contestPhase } from '../domain/contest-settings';
import { rulesAllowEntries, type UnapprovedRules } from '../domain/eligibility';
import { languageOr, rulesNotApprovedText } from '../domain/entrant-messages';
import { entriesRepository } from '../repositories/entries.repository';
import { getService } from '../utils/get-service';
import type { OutboxHandler } from './outbox.service';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const TOKEN = /^[0-9a-f]{64}$/;

/**
 * Double opt-in: an entry made under an address counts only once someone who reads that address
 * follows the link e-mailed to it. The link's token is made when the e-mail is sent and only its
 * hash is stored; unconfirmed entries are deleted after `confirmation.hours`.
 */
const confirmationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = entriesRepository(strapi);
  const config = () => strapi.plugin('contests').config('confirmation') as ContestsConfig['confirmation'];

  const linkFor = (token: string) => {
    const { url } = config();
    if (url) return `${url}${url.includes('?') ? '&' : '?'}token=${token}`;
    const base = (strapi.plugin('contests').config('publicUrl') as string | undefined) ?? '';
    return `${base.replace(/\/$/, '')}/api/contests/confirmations/${token}`;
  };

  const confirmationEmails: OutboxHandler = {
    async compose(message) {
      const [entry] = await entries.findManyByPublicIds([message.entryPublicId]);
      if (!entry || entry.entryStatus !== 'unconfirmed' || !entry.email) return { skip: 'not_waiting' };
      const contest = await getService(strapi, 'events').anyContest(message.eventDocumentId);
      const token = randomBytes(32).toString('hex');
      await entries.setConfirmationToken(entry.publicId, hashToken(token));
      return {
        email: confirmationEmail(entry.email, contest.title, linkFor(token), config().hours),
        secrets: [token],
      };
    },
    async settled() {},
  };

  return {
    confirmationEmails,

    /** Confirms the entry behind a link: it takes a slot (the per-person cap still holds) and counts. */
    async confirm(token: unknown, now = new Date()) {
      const unknown = () =>
        new errors.NotFoundError(
          'This confirmation link is unknown, already used or expired: enter the contest again to get a new one.',
          { reason: 'confirmation_not_found' }
        );
      if (typeof token !== 'string' || !TOKEN.test(token)) throw unknown();
      const entry = await entries.findUnconfirmedByToken(hashToken(token));
      if (!entry || Date.parse(entry.createdAt) + config().hours * 3600_000 <= now.getTime()) throw unknown();
      const contest = await getService(strapi, 'events').publishedContest(entry.eventDocumentId);
      if (contestPhase(contest.settings, now) !== 'open') {
        throw forbidden('Entries are closed: this entry can no longer be confirmed.', {
          reason: 'window_closed',
        });
      }
      if (!rulesAllowEntries(contest.rulesApproval)) {
        const approval = (contest.rulesApproval ?? 'not_approved') as UnapprovedRules;
        throw forbidden(rulesNotApprovedText(approval, languageOr(null, contest.locale)), {
          reason: 'rules_not_approved',
          approval,
        });
      }
      const status = (entry.fraudSignals ?? []).length > 0 ? 'review' : 'valid';
      if (!(await entries.confirmInFreeSlot(entry, status, contest.settings.entriesPerPerson, now))) {
        await entries.deleteById(entry.id);
        throw conflict('This address has already entered this contest as many times as allowed.', {
          reason: 'already_entered',
          entriesPerPerson: contest.settings.entriesPerPerson,
        });
      }
      return { id: entry.publicId, status };
    },

    purgeExpired: (now = new Date()) =>
      entries.deleteUnconfirmedBefore(new Date(now.getTime() - config().hours * 3600_000)),
  };
};

function confirmationEmail(to: string, title: string, link: string, hours: number) {
  const text = [
    'Bonjour,',
    '',
    `Une participation au jeu-concours « ${title} » a été enregistrée avec cette adresse.`,
    `Pour la confirmer, ouvrez ce lien dans les ${hours} heures : ${link}`,
    'Si vous n’avez pas participé, ignorez ce message : la participation sera supprimée.',
    '',
    '---',
    '',
    'Hello,',
    '',
    `An entry to the contest “${title}” was made with this address.`,
    `To confirm it, open this link within ${hours} hours: ${link}`,
    'If you did not enter, ignore this message: the entry will be deleted.',
  ].join('\n');
  return { to, subject: `Confirmez votre participation / Confirm your entry: ${title}`, text };
}

export default confirmationsService;
