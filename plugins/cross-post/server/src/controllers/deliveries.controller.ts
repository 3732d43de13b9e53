import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parse } from '@porte-voix/kit/server';

import { providerFor } from '../providers';
import { mediaMemo } from '../media/media-memo';
import { providerContext } from '../providers/http';
import { AccountUnusableError, redactSecrets } from '../utils/credentials';
import { getService } from '../utils/get-service';
import { approvals } from '../utils/approvals';
import { forbidden } from '@porte-voix/kit/http-errors';
import {
  deliveriesQuerySchema,
  documentIdSchema,
  idSchema,
  previewQuerySchema,
  scheduleSchema,
} from '../validators/admin.validators';

const deliveriesController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Publish now (no scheduledAt) or at a time; idempotent per account. */
  async schedule(ctx) {
    const documentId = parse(documentIdSchema, ctx.params.documentId);
    const { accountIds, scheduledAt, bypassApproval } = parse(scheduleSchema, ctx.request.body);
    if (bypassApproval && !approvals(strapi).mayBypass(ctx.state.userAbility))
      throw forbidden(
        'You may not schedule a post nobody approved: have it approved, or ask for the bypass permission (solo teams).',
        { reason: 'bypass_not_allowed' }
      );
    const at = scheduledAt ? new Date(scheduledAt) : new Date();
    ctx.status = 201;
    ctx.body = {
      data: await getService(strapi, 'deliveries').schedule(documentId, accountIds, at, {
        bypassApproval: Boolean(bypassApproval),
      }),
    };
  },

  async forPost(ctx) {
    const documentId = parse(documentIdSchema, ctx.params.documentId);
    const deliveries = getService(strapi, 'deliveries');
    const list = await deliveries.listForPost(documentId);
    ctx.body = {
      data: await Promise.all(list.map(async (d) => ({ ...d, attempts: await deliveries.attempts(d.id) }))),
    };
  },

  /** Each account's text with its counter and problems, as the network will count it. */
  async preview(ctx) {
    const documentId = parse(documentIdSchema, ctx.params.documentId);
    const { accountIds } = parse(previewQuerySchema, ctx.query);
    const accounts = getService(strapi, 'accounts');
    const compose = getService(strapi, 'compose');
    // Each image is fitted and pictured once per network, however many of its accounts are shown.
    const memo = mediaMemo();
    const data = [];
    for (const accountId of accountIds) {
      const found = await accounts.findPublic(accountId);
      if (!found) throw new errors.NotFoundError(`No account ${accountId}.`, { reason: 'account_not_found' });
      const post = await compose.loadPost(documentId, found.language);
      if (!post)
        throw new errors.NotFoundError(`No post with documentId ${documentId}.`, {
          reason: 'post_not_found',
        });
      const provider = providerFor(found.network);
      const account = await accounts.forProvider(accountId).catch((error) => {
        if (error instanceof AccountUnusableError) return error;
        throw error;
      });
      if (!account)
        throw new errors.NotFoundError(`No account ${accountId}.`, { reason: 'account_not_found' });
      // The images as this network will get them: what changes and why, or why one cannot go.
      const composed = compose.outgoing(post, found.network, new Date());
      const fitted = await compose
        .fitMedia(
          composed,
          found.network,
          account instanceof AccountUnusableError ? {} : account.credentials,
          memo
        )
        .catch((error: Error) => ({
          post: composed,
          changes: [],
          problem: { code: 'media_unfit', message: error.message },
        }));
      const outgoing = fitted.post;
      const validation =
        account instanceof AccountUnusableError
          ? {
              length: outgoing.text.length,
              limit: 0,
              problems: [{ code: 'account_unusable', message: account.message }],
            }
          : await provider.validate(outgoing, providerContext(account, 5_000)).catch((error) => ({
              length: outgoing.text.length,
              limit: 0,
              problems: [
                {
                  code: 'unreachable',
                  message: redactSecrets(
                    `Could not read the limits of ${provider.displayName}: ${error.message}`,
                    account.credentials,
                    provider.credentialFields
                  ),
                },
              ],
            }));
      data.push({
        accountId,
        network: found.network,
        locale: post.locale,
        text: outgoing.text,
        ...validation,
        problems: [...('problem' in fitted ? [fitted.problem] : []), ...validation.problems],
        /** Each image that goes as a variant made for this network, and why. */
        mediaChanges: fitted.changes,
        /** Each file as this network gets it (a small picture of each image, crop and padding included). */
        media: await compose.previewMedia(outgoing, memo),
      });
    }
    ctx.body = { data };
  },

  async list(ctx) {
    ctx.body = { data: await getService(strapi, 'deliveries').list(parse(deliveriesQuerySchema, ctx.query)) };
  },

  async cancel(ctx) {
    ctx.body = { data: await getService(strapi, 'deliveries').cancel(parse(idSchema, ctx.params.id)) };
  },

  async retry(ctx) {
    ctx.body = { data: await getService(strapi, 'deliveries').retry(parse(idSchema, ctx.params.id)) };
  },
});

export default deliveriesController;
