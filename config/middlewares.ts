export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  // Tracked links (/l/<code>) answered here, before the body parser, session and route table: see the engagement README.
  'plugin::engagement.tracked-links',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'global::content-api-query-guard',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
