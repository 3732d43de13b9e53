/**
 * Secrets come from the environment only. `src/bootstrap/secrets.ts` fills in development values under
 * `npm run develop` and in tests, and refuses to start anywhere else while one is missing or weak.
 */
export default ({ env }) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  // No front-end preview is wired to the admin: without this, every entry shows Strapi's "Set up preview"
  // (a link to its documentation) and the content manager logs a 404 each time it asks for a preview URL.
  preview: { enabled: false },
  flags: {
    nps: env.bool('FLAG_NPS', false),
    promoteEE: env.bool('FLAG_PROMOTE_EE', false),
  },
});
