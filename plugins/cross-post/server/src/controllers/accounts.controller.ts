import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parse } from '@porte-voix/kit/server';

import type { AccountInput } from '../services/accounts.service';
import { getService } from '../utils/get-service';
import { accountCreateSchema, accountUpdateSchema, idSchema } from '../validators/admin.validators';

const accountsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx) {
    ctx.body = { data: await getService(strapi, 'accounts').list() };
  },

  async create(ctx) {
    const input = parse(accountCreateSchema, ctx.request.body) as AccountInput;
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'accounts').create(input) };
  },

  async update(ctx) {
    const id = parse(idSchema, ctx.params.id);
    const updated = await getService(strapi, 'accounts').update(
      id,
      parse(accountUpdateSchema, ctx.request.body)
    );
    if (!updated) throw new errors.NotFoundError(`No account ${id}.`, { reason: 'account_not_found' });
    ctx.body = { data: updated };
  },

  async delete(ctx) {
    const id = parse(idSchema, ctx.params.id);
    if (!(await getService(strapi, 'accounts').remove(id)))
      throw new errors.NotFoundError(`No account ${id}.`, { reason: 'account_not_found' });
    ctx.body = { data: { id } };
  },
});

export default accountsController;
