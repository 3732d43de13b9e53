import type { Core } from '@strapi/strapi';

import { getService } from '../utils/get-service';
import { traitsOf } from '../services/visitors.service';
import { once } from '../utils/once';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
  );

/** A small page in both languages: visitors of a dead link come from anywhere. */
function refuse(ctx: any, status: number, english: string, french: string) {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.set('X-Robots-Tag', 'noindex');
  if (ctx.accepts(['text/plain', 'text/html']) === 'text/html') {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body =
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
      `<title>${status}</title></head><body><p>${escape(french)}</p><p lang="en">${escape(english)}</p></body></html>`;
  } else {
    ctx.type = 'text/plain; charset=utf-8';
    ctx.body = `${french}\n${english}\n`;
  }
}

/** `GET /l/<code>` at the site root (HEAD too: answered the same way, counted as a bot). */
const redirectController = ({ strapi }: { strapi: Core.Strapi }) => {
  const redirectsService = once(() => getService(strapi, 'redirects'));
  return {
    async follow(ctx) {
      const redirects = redirectsService();
      let resolution;
      try {
        resolution = await redirects.resolve(String(ctx.params.code ?? ''));
      } catch (error) {
        strapi.log.error(`[engagement] Link look-up failed: ${(error as Error).message}`);
        ctx.set('Retry-After', '30');
        return refuse(
          ctx,
          503,
          'This link cannot be followed right now: try again in a moment.',
          'Ce lien ne peut pas être suivi pour le moment : réessayez dans un instant.'
        );
      }
      if (resolution.outcome === 'missing') {
        return refuse(ctx, 404, 'This link does not exist.', 'Ce lien n’existe pas.');
      }
      if (resolution.outcome === 'disabled') {
        return refuse(ctx, 410, 'This link is no longer active.', 'Ce lien n’est plus actif.');
      }
      // Answered first; the click is described and queued after, and written in the next batch.
      redirects.count(resolution.link, traitsOf(ctx));
      ctx.redirect(resolution.link.location);
      // Every click reaches us (no cached redirect), and the destination still learns where the visitor came from.
      ctx.set('Cache-Control', 'private, no-store');
      ctx.set('Referrer-Policy', 'strict-origin-when-cross-origin');
      ctx.set('X-Robots-Tag', 'noindex');
    },
  };
};

export default redirectController;
