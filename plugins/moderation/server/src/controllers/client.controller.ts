import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parse } from '@porte-voix/kit/server';

import { getService } from '../utils/get-service';
import {
  HONEYPOT_FIELD,
  documentIdSchema,
  listQuerySchema,
  reportSchema,
  submissionSchema,
} from '../validators/client.validators';
import { checkBodyShape } from '../utils/body-size';
import type { ReportInput } from '../services/client.service';

/** Anything larger is not a comment: refused before any work is spent on it. */
const MAX_BODY_BYTES = 64 * 1024;
/** A comment is two levels deep; anything much deeper is not a comment either. */
const MAX_BODY_DEPTH = 8;

/** By the declared length, then by what was actually read (a chunked body declares none). */
function checkBodySize(ctx: any) {
  const declared = Number(ctx.request.length ?? ctx.get('content-length') ?? 0);
  const shape =
    declared > MAX_BODY_BYTES
      ? 'too-large'
      : checkBodyShape(ctx.request.body, { maxBytes: MAX_BODY_BYTES, maxDepth: MAX_BODY_DEPTH });
  if (shape === 'too-large') {
    throw new errors.PayloadTooLargeError(`The request body is too large: at most ${MAX_BODY_BYTES} bytes`, {
      reason: 'body_too_large',
    });
  }
  if (shape === 'too-deep') {
    throw new errors.ValidationError(
      `The request body nests deeper than ${MAX_BODY_DEPTH} levels: send { "data": { … } }`,
      { reason: 'body_too_deep' }
    );
  }
}

/** The public API for frontends: no token, no admin, only what a reader may see. */
const clientController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: any) {
    checkBodySize(ctx);
    const body = ctx.request.body;
    const honeypot = body?.data?.[HONEYPOT_FIELD];
    if (typeof honeypot === 'string' ? honeypot.trim() !== '' : honeypot !== undefined && honeypot !== null) {
      throw new errors.ValidationError(
        `The "${HONEYPOT_FIELD}" field must stay empty: it is there to catch spam robots`,
        { reason: 'honeypot_filled', field: `data.${HONEYPOT_FIELD}` }
      );
    }
    const { data } = parse(submissionSchema, body);
    const result = await getService(strapi, 'client').submit(data, { ip: ctx.request.ip });
    ctx.status = 201;
    ctx.body = { data: result };
  },

  async find(ctx: any) {
    const query = parse(listQuerySchema, ctx.query);
    const page = query.pagination?.page ?? query.page ?? 1;
    const pageSize = query.pagination?.pageSize ?? query.pageSize ?? 20;
    ctx.body = await getService(strapi, 'client').listApproved(query.target, page, pageSize);
  },

  async report(ctx: any) {
    checkBodySize(ctx);
    const id = parse(documentIdSchema, ctx.params.id);
    const { data } = parse(reportSchema, ctx.request.body);
    const result = await getService(strapi, 'client').report(id, data as ReportInput, { ip: ctx.request.ip });
    ctx.status = result.created ? 201 : 200;
    ctx.body = { data: result.data };
  },
});

export default clientController;
