import type { Core } from '@strapi/strapi';

/**
 * Drafts stay inside: `status=draft` is a 400 for the public role and for every API token that is not
 * full-access (a trusted preview server's). Runs on the content-API read routes, after authentication,
 * so it knows who is asking; `status` itself is checked for everyone by content-api-query-guard.
 */
type Auth = { strategy?: { name?: string }; credentials?: { type?: string } | null } | undefined;

const mayReadDrafts = (auth: Auth): boolean =>
  auth?.strategy?.name === 'content-api-token' && auth.credentials?.type === 'full-access';

export default (_config: unknown, _context: { strapi: Core.Strapi }) => {
  return async (ctx, next) => {
    if (ctx.query.status === 'draft' && !mayReadDrafts(ctx.state.auth)) {
      return ctx.badRequest(
        'Drafts are not public: leave out status or use status=published (drafts need a full-access API token)',
        { field: 'status' }
      );
    }
    return next();
  };
};
