import { devSecret } from '../src/utils/dev-secrets';

export default ({ env }) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET', devSecret('admin-jwt')),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT', devSecret('api-token-salt')),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT', devSecret('transfer-token-salt')),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY', devSecret('encryption-key')),
  },
  flags: {
    nps: env.bool('FLAG_NPS', false),
    promoteEE: env.bool('FLAG_PROMOTE_EE', false),
  },
});
