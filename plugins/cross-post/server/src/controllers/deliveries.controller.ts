import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { providerFor } from '../providers';
import { providerContext } from '../providers/http';
import { getService } from '../utils/get-service';
import {
  deliveriesQuerySchema,
  documentIdSchema,
  idSchema,
  parse,
  previewQuerySchema,
  scheduleSchema,
} from '../validators/admin.validators';

const deliveriesController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Publish now (no scheduledAt) or at a time; idempotent per account. */
  async schedule(ctx) {
    const documentId = parse(documentIdSchema, ctx.params.documentId);
    const { accountIds, scheduledAt } = parse(scheduleSchema, ctx.request.body);
    const at = scheduledAt ? new Date(scheduledAt) : new Date();
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'deliveries').schedule(documentId, accountIds, at) };
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
    const data = [];
    for (const accountId of accountIds) {
      const account = await accounts.forProvider(accountId);
      if (!account) throw new errors.NotFoundError(`No account ${accountId}.`);
      const post = await compose.loadPost(documentId, account.language);
      if (!post) throw new errors.NotFoundError(`No post with documentId ${documentId}.`);
      const outgoing = compose.outgoing(post, account.network, new Date());
      const provider = providerFor(account.network);
      const validation = await provider
        .validate(outgoing, providerContext(account, 5_000))
        .catch((error) => ({
          length: outgoing.text.length,
          limit: 0,
          problems: [
            {
              code: 'unreachable',
              message: `Could not read the limits of ${provider.displayName}: ${error.message}`,
            },
          ],
        }));
      data.push({
        accountId,
        network: account.network,
        locale: post.locale,
        text: outgoing.text,
        ...validation,
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
