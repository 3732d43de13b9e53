/**
 * Router config shared by the four public types: their read routes refuse drafts to anyone but a
 * full-access API token (see middlewares/published-only.ts).
 */
const publishedOnly = { middlewares: ['global::published-only'] };

export const PUBLIC_READ_ROUTES_CONFIG = { find: publishedOnly, findOne: publishedOnly };
