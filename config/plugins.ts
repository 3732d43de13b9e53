import { devSecret } from '../src/utils/dev-secrets';

export default ({ env }) => ({
  i18n: { enabled: true },
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET', devSecret('users-permissions-jwt')) },
  },
  'cross-post': { enabled: true, resolve: './plugins/cross-post' },
  moderation: { enabled: true, resolve: './plugins/moderation' },
  engagement: { enabled: true, resolve: './plugins/engagement' },
  contests: { enabled: true, resolve: './plugins/contests' },
});
