import type { Core } from '@strapi/strapi';

import { renderRefusal, renderSharePage } from '../services/partners/share-page';
import { traitsOf } from '../services/visitors.service';
import { getService } from '../utils/get-service';

/**
 * `GET /share/<token>` at the site root: a partner's read-only report, no login. HTML for a browser,
 * JSON when asked for (`Accept: application/json`). Unknown → 404, expired or revoked → 410: never a figure.
 */
const sharePageController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx) {
    // The token is in the address: no referrer leaves the page, nothing is cached or indexed.
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Robots-Tag', 'noindex, nofollow');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
    );
    const json = ctx.accepts(['text/html', 'application/json']) === 'application/json';
    const opening = await getService(strapi, 'partnerShares').open(
      String(ctx.params.token ?? ''),
      traitsOf(ctx)
    );
    if (opening.outcome === 'shown') {
      ctx.status = 200;
      if (json) {
        ctx.body = { data: { expiresAt: opening.expiresAt, ...opening.report } };
      } else {
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = renderSharePage(opening);
      }
      return;
    }
    const status = opening.outcome === 'missing' ? 404 : 410;
    ctx.status = status;
    if (json) {
      ctx.body = {
        data: null,
        error: {
          status,
          name: status === 404 ? 'NotFoundError' : 'GoneError',
          details: { reason: `share_${opening.outcome}` },
        },
      };
    } else {
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = renderRefusal(opening);
    }
  },
});

export default sharePageController;
