import { devSecret } from '../src/utils/dev-secrets';

export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: {
    keys: env.array('APP_KEYS', devSecret('app-key-1') && [devSecret('app-key-1'), devSecret('app-key-2')]),
  },
  // Strapi's own cron is not used to publish: the cross-post dispatcher claims work in the database.
  cron: { enabled: env.bool('CRON_ENABLED', false) },
});
