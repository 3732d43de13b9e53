import type { Core } from '@strapi/strapi';

import { getService } from '../utils/get-service';
import { redactUrl } from '../utils/secrets';

export type ModerationEvent = {
  kind: 'held' | 'reported';
  commentId: string;
  targetKey: string;
  targetTitle: string | null;
  authorName: string;
  excerpt: string;
  reasons: string[];
};

const MAX_LISTED = 20;

/**
 * Tells moderators that something waits for them, by webhook and/or e-mail. Events are gathered
 * for `debounceSeconds` from the first one and sent as one message, so a spam wave of a thousand
 * comments is one e-mail, not a thousand. Sending never blocks or fails a submission.
 */
const notifierService = ({ strapi }: { strapi: Core.Strapi }) => {
  let pending: ModerationEvent[] = [];
  let timer: NodeJS.Timeout | null = null;

  const send = async (events: ModerationEvent[]) => {
    const settings = (await getService(strapi, 'settings').get()).notifications;
    const held = events.filter((event) => event.kind === 'held').length;
    const reported = events.length - held;
    const queueUrl = settings.adminUrl ? `${settings.adminUrl.replace(/\/$/, '')}/plugins/moderation` : null;
    const summary = [
      held && `${held} comment${held > 1 ? 's' : ''} held for review`,
      reported && `${reported} report${reported > 1 ? 's' : ''}`,
    ]
      .filter(Boolean)
      .join(', ');
    const lines = events
      .slice(0, MAX_LISTED)
      .map(
        (event) =>
          `- [${event.kind}] ${event.authorName} on ${event.targetTitle ?? event.targetKey}: "${event.excerpt}" (${event.reasons.join(', ') || 'reported'})`
      );
    if (events.length > MAX_LISTED) lines.push(`… and ${events.length - MAX_LISTED} more`);
    const text = [`Moderation: ${summary}.`, '', ...lines, '', queueUrl ? `Open the queue: ${queueUrl}` : '']
      .join('\n')
      .trim();

    const deliveries: Promise<unknown>[] = [];
    if (settings.webhookUrl) {
      deliveries.push(
        fetch(settings.webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            event: 'moderation.digest',
            held,
            reported,
            queueUrl,
            text,
            items: events.slice(0, 100),
          }),
          signal: AbortSignal.timeout(5_000),
        }).then((response) => {
          if (!response.ok) throw new Error(`webhook answered ${response.status}`);
        })
      );
    }
    if (settings.emails.length > 0 && strapi.plugin('email')) {
      deliveries.push(
        strapi
          .plugin('email')
          .service('email')
          .send({ to: settings.emails.join(','), subject: `[Moderation] ${summary}`, text })
      );
    }
    const outcomes = await Promise.allSettled(deliveries);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        const reason = String(outcome.reason?.message ?? outcome.reason);
        strapi.log.warn(`[moderation] notification not sent: ${redactUrl(reason, settings.webhookUrl)}`);
      }
    }
  };

  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const events = pending;
    pending = [];
    if (events.length > 0) await send(events);
  };

  return {
    async notify(event: ModerationEvent) {
      const settings = (await getService(strapi, 'settings').get()).notifications;
      if (!settings.webhookUrl && settings.emails.length === 0) return;
      pending.push(event);
      if (!timer) {
        timer = setTimeout(() => {
          flush().catch((error) => strapi.log.warn(`[moderation] notification failed: ${error.message}`));
        }, settings.debounceSeconds * 1000);
        timer.unref?.();
      }
    },
    /** Sends what is waiting now (used on shutdown and by tests). */
    flush,
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = [];
    },
  };
};

export default notifierService;
