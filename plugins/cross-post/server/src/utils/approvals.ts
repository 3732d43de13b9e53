/**
 * Cross-post asks the editorial plugin, through its services only, whether a post's version may
 * go out and what exactly was approved. Without that plugin nothing is approved, so nothing goes
 * out except with bypass.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { conflict } from '@porte-voix/kit/http-errors';

const POST_UID = 'api::post.post';

/** A delivery that sent an approved version of a post. */
export type SentVersion = {
  documentId: string;
  locale: string;
  hash: string;
  network: string;
  url?: string | null;
  deliveryId: number;
};

export type ApprovedVersion = { hash: string; snapshot: Record<string, unknown>; accountIds: number[] };

export const approvals = (strapi: Core.Strapi) => {
  const editorial = () => {
    const plugin = strapi.plugin('editorial');
    if (!plugin)
      throw new errors.ApplicationError(
        'Editorial approval is not installed: posts cannot be approved, so none can be scheduled.',
        { reason: 'approval_unavailable' }
      );
    return plugin;
  };

  const approvedVersion = (
    documentId: string,
    locale: string,
    options: { liveCheckMaxAgeMs?: number; approvalMaxAgeMs?: number } = {}
  ): Promise<ApprovedVersion | null> =>
    editorial().service('workflow').approvedVersion({ uid: POST_UID, documentId, locale }, options);

  return {
    approvedVersion,

    /** The approved hash for this account, or a 409 that says what to do. */
    async requireApproved(
      documentId: string,
      locale: string,
      account: { id: number; name?: string | null }
    ): Promise<string> {
      const approved = await approvedVersion(documentId, locale);
      if (!approved)
        throw conflict(
          `This post is not approved in ${locale}: submit it for review; it can be scheduled once someone else approves it.`,
          { reason: 'not_approved', locale }
        );
      if (approved.accountIds.length > 0 && !approved.accountIds.includes(account.id))
        throw conflict(
          `${account.name ?? `Account ${account.id}`} is not among the accounts this version was approved for: submit it again with this account.`,
          { reason: 'account_not_approved', accountId: account.id, locale }
        );
      return approved.hash;
    },

    /** Whether this admin may schedule without approval (a setting off by default, and a permission). */
    mayBypass(ability: unknown): boolean {
      const plugin = strapi.plugin('editorial');
      return Boolean(plugin?.service('access').mayBypass(ability));
    },

    /** Which approved version each delivery sent, where: in one write for many deliveries. */
    async recordSent(list: SentVersion[]) {
      if (list.length === 0) return;
      await editorial()
        .service('workflow')
        .recordSentMany(
          list.map(({ documentId, locale, ...sent }) => ({
            key: { uid: POST_UID, documentId, locale },
            sent,
          }))
        );
    },

    /** Pauses and resumes deliveries as approvals are voided and given. */
    subscribe(handlers: {
      voided: (documentId: string, locale: string) => Promise<unknown>;
      approved: (documentId: string, locale: string, hash: string) => Promise<unknown>;
    }) {
      strapi.eventHub.on('editorial.voided', async (event: any) => {
        if (event?.uid === POST_UID) await handlers.voided(event.documentId, event.locale);
      });
      strapi.eventHub.on('editorial.approved', async (event: any) => {
        if (event?.uid === POST_UID) await handlers.approved(event.documentId, event.locale, event.hash);
      });
    },
  };
};
