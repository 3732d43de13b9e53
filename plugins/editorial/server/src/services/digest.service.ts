/**
 * The e-mail digest: on a schedule (hourly by default), each person gets one e-mail with the
 * notifications that accrued since their last one and that they have not read in the admin yet, in
 * their admin language. Safe with several instances: a person's period is taken by inserting a row
 * under a unique index (one instance wins), and notifications are given to a digest by one
 * conditional UPDATE, so none is ever e-mailed twice. A digest that cannot be sent gives its
 * notifications back for the next period; one an instance left half-way is given back after a lease.
 */
import type { Core } from '@strapi/strapi';

import type { EditorialConfig } from '../config';
import { digestMessage, languageOf, periodOf, type DigestItem } from '../domain/digest-message';
import { PLUGIN_ID } from '../plugin-id';
import { digestsRepository } from '../repositories/digests.repository';
import { notificationsRepository } from '../repositories/notifications.repository';

/** How long a taken digest may stay unsent before its notifications go back (its instance stopped). */
const LEASE_MS = 15 * 60 * 1000;
/** People per run: the rest wait for the next run, nothing is dropped. */
const RECIPIENTS_PER_RUN = 500;

const digestService = ({ strapi }: { strapi: Core.Strapi }) => {
  const notifications = notificationsRepository(strapi);
  const digests = digestsRepository(strapi);
  const config = () => strapi.plugin(PLUGIN_ID).config('digest') as EditorialConfig['digest'];

  function adminUrl(): string {
    const configured = strapi.plugin(PLUGIN_ID).config('adminUrl') as string | undefined;
    return (configured || (strapi.config.get('admin.absoluteUrl') as string) || '').replace(/\/$/, '');
  }

  const linkTo = (uid: string, documentId: string, locale: string) =>
    `${adminUrl()}/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=${locale}`;

  /**
   * Gives back what instances left half-way (their notifications go in a later digest). Judged on
   * the time that really passed since the digest was taken, whatever moment the run is for.
   */
  async function recoverAbandoned(now: Date) {
    const abandoned = await digests.abandoned(new Date(Date.now() - LEASE_MS));
    if (abandoned.length === 0) return;
    await digests.failed(abandoned, now, 'abandoned: its instance stopped before sending');
    await notifications.release(abandoned);
  }

  async function sendTo(recipientId: number, period: string, now: Date): Promise<boolean> {
    const digest = await digests.take(recipientId, period);
    if (!digest) return false;
    const items = await notifications.claimFor(digest.id, recipientId, now);
    const user = await strapi.db.query('admin::user').findOne({ where: { id: recipientId } });
    const email = strapi.plugin('email');
    if (items.length === 0 || !user?.email || !user.isActive || !email) {
      // Nothing to say, or nobody to say it to (a removed or blocked admin): nothing waits for it.
      await digests.sent(digest.id, 0, now);
      return false;
    }
    const language = languageOf(user.preferedLanguage);
    const lines: DigestItem[] = items.map((item) => ({
      kind: item.kind,
      title: item.title ?? item.subjectDocumentId,
      locale: item.subjectLocale,
      who: item.actorName,
      comment: item.comment,
      url: linkTo(item.subjectUid, item.subjectDocumentId, item.subjectLocale),
    }));
    const { subject, text } = digestMessage(language, lines, `${adminUrl()}/plugins/${PLUGIN_ID}`);
    try {
      await email.service('email').send({ to: user.email, subject, text });
    } catch (error) {
      const reason = (error as Error).message;
      strapi.log.warn(`[${PLUGIN_ID}] Digest to ${user.email} not sent, retried next period: ${reason}`);
      await digests.failed([digest.id], now, reason);
      await notifications.release([digest.id]);
      return false;
    }
    await digests.sent(digest.id, items.length, now);
    return true;
  }

  return {
    periodOf,

    /** One run: a digest to each person with something pending, at most one per person per period. Returns how many were e-mailed. */
    async run(now = new Date()): Promise<number> {
      const period = periodOf(now, config().intervalMinutes);
      await recoverAbandoned(now);
      let sent = 0;
      for (const recipientId of await notifications.recipientsWithPending(now, RECIPIENTS_PER_RUN)) {
        try {
          if (await sendTo(recipientId, period, now)) sent += 1;
        } catch (error) {
          strapi.log.error(`[${PLUGIN_ID}] Digest for admin ${recipientId}: ${(error as Error).message}`);
        }
      }
      return sent;
    },
  };
};

export type DigestService = ReturnType<typeof digestService>;
export default digestService;
