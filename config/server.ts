import { devSecret } from '../src/utils/dev-secrets';

export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // The address people reach the app at (links in e-mails, admin URL), e.g. https://cms.example.org
  ...(env('PUBLIC_URL') && { url: env('PUBLIC_URL') }),
  // Behind a reverse proxy, trust X-Forwarded-For so rate limits and IP signals see each visitor, not the proxy.
  proxy: { koa: env.bool('TRUST_PROXY', false) },
  app: {
    keys: env.array('APP_KEYS', devSecret('app-key-1') && [devSecret('app-key-1'), devSecret('app-key-2')]),
  },
  // Strapi's own cron is not used to publish: the cross-post dispatcher claims work in the database.
  cron: { enabled: env.bool('CRON_ENABLED', false) },
});
