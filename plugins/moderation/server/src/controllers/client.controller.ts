import type { Core } from '@strapi/strapi';

import { getService } from '../utils/get-service';
import { parseOr400 } from '../utils/parse';
import { ModerationError } from '../utils/errors';
import {
  HONEYPOT_FIELD,
  documentIdSchema,
  listQuerySchema,
  reportSchema,
  submissionSchema,
} from '../validators/client.validators';
import { handle } from './handle';
import type { ReportInput } from '../services/client.service';

/** Anything larger is not a comment: refused before it is parsed any further. */
const MAX_BODY_BYTES = 64 * 1024;

function checkBodySize(ctx: any) {
  const length = Number(ctx.request.length ?? ctx.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) {
    throw new ModerationError(
      413,
      `The request body is too large (${length} bytes): at most ${MAX_BODY_BYTES}`
    );
  }
}

/** The public API for frontends: no token, no admin, only what a reader may see. */
const clientController = ({ strapi }: { strapi: Core.Strapi }) => ({
  create: handle(async (ctx) => {
    checkBodySize(ctx);
    const body = ctx.request.body;
    const honeypot = body?.data?.[HONEYPOT_FIELD];
    if (typeof honeypot === 'string' ? honeypot.trim() !== '' : honeypot !== undefined && honeypot !== null) {
      throw new ModerationError(
        400,
        `The "${HONEYPOT_FIELD}" field must stay empty: it is there to catch spam robots`,
        {
          field: `data.${HONEYPOT_FIELD}`,
        }
      );
    }
    const { data } = parseOr400(submissionSchema, body);
    const result = await getService(strapi, 'client').submit(data, { ip: ctx.request.ip });
    ctx.status = 201;
    ctx.body = { data: result };
  }),

  find: handle(async (ctx) => {
    const query = parseOr400(listQuerySchema, ctx.query);
    const page = query.pagination?.page ?? query.page ?? 1;
    const pageSize = query.pagination?.pageSize ?? query.pageSize ?? 20;
    ctx.body = await getService(strapi, 'client').listApproved(query.target, page, pageSize);
  }),

  report: handle(async (ctx) => {
    checkBodySize(ctx);
    const id = parseOr400(documentIdSchema, ctx.params.id);
    const { data } = parseOr400(reportSchema, ctx.request.body);
    const result = await getService(strapi, 'client').report(id, data as ReportInput, { ip: ctx.request.ip });
    ctx.status = result.created ? 201 : 200;
    ctx.body = { data: result.data };
  }),
});

export default clientController;
