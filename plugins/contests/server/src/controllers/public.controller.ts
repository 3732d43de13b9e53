import type { Core } from '@strapi/strapi';

import { askedLanguage } from '../domain/entrant-messages';
import { getService } from '../utils/get-service';
import { parseEventDocumentId } from '../validators/entry.validator';

/** The content API: what frontends call, with no token. */
const publicController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async enter(ctx) {
    const entry = await getService(strapi, 'entries').submit(
      parseEventDocumentId(ctx.params.eventDocumentId),
      ctx.request.body,
      ctx.request.ip,
      new Date(),
      askedLanguage(ctx.query.locale, ctx.get('accept-language'))
    );
    if ('awaitingConfirmation' in entry) {
      // The same answer whether or not the address has entered before: it tells a stranger nothing.
      ctx.status = 202;
      ctx.body = {
        data: { status: 'awaiting_confirmation' },
        meta: {
          message: 'Check your e-mail: the entry counts once confirmed through the link sent to the address.',
        },
      };
      return;
    }
    ctx.status = 201;
    ctx.body = { data: entry };
  },

  /** The link of a double opt-in e-mail (GET, so a plain link works; POST for frontends). */
  async confirm(ctx) {
    ctx.body = { data: await getService(strapi, 'confirmations').confirm(ctx.params.token) };
  },

  async show(ctx) {
    ctx.body = {
      data: await getService(strapi, 'draw').publicState(parseEventDocumentId(ctx.params.eventDocumentId)),
    };
  },
});

export default publicController;
