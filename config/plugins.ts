export default ({ env }) => ({
  i18n: { enabled: true },
  email: {
    config:
      env('EMAIL_PROVIDER', 'outbox') === 'nodemailer'
        ? {
            provider: 'nodemailer',
            providerOptions: {
              host: env('SMTP_HOST', '127.0.0.1'),
              port: env.int('SMTP_PORT', 587),
              secure: env.bool('SMTP_SECURE', false),
              auth: env('SMTP_USERNAME') && { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') },
            },
            settings: {
              defaultFrom: env('EMAIL_FROM', 'no-reply@porte-voix.local'),
              defaultReplyTo: env('EMAIL_REPLY_TO', env('EMAIL_FROM', 'no-reply@porte-voix.local')),
            },
          }
        : {
            // Development and tests: messages land in .tmp/outbox/ (or EMAIL_OUTBOX_DIR), nothing is sent.
            provider: '@porte-voix/email-outbox',
            providerOptions: { dir: env('EMAIL_OUTBOX_DIR', '.tmp/outbox') },
            settings: {
              defaultFrom: env('EMAIL_FROM', 'no-reply@porte-voix.local'),
              defaultReplyTo: env('EMAIL_REPLY_TO', env('EMAIL_FROM', 'no-reply@porte-voix.local')),
            },
          },
  },
  'users-permissions': {
    // Filled in or checked by src/bootstrap/secrets.ts, like the admin secrets.
    config: { jwtSecret: env('JWT_SECRET') },
  },
  'cross-post': { enabled: true, resolve: './plugins/cross-post' },
  moderation: { enabled: true, resolve: './plugins/moderation' },
  engagement: { enabled: true, resolve: './plugins/engagement' },
  contests: { enabled: true, resolve: './plugins/contests' },
  editorial: {
    enabled: true,
    resolve: './plugins/editorial',
    // Solo teams: lets admins holding the editorial `bypass` permission schedule unapproved posts. Off by default.
    config: {
      allowBypass: env.bool('EDITORIAL_ALLOW_BYPASS', false),
      // Besides posts: a contest's rules text is approved before the contest opens for entries, and a
      // campaign's brief goes through the same review.
      subjects: { 'api::event.event': true, 'api::campaign.campaign': true },
      // What accrued for each person, in one e-mail per period (hourly); off, only the admin's notices.
      digest: {
        intervalMinutes: env.int('EDITORIAL_DIGEST_INTERVAL_MINUTES', 60),
        enabled: env.bool('EDITORIAL_DIGESTS', true),
        checkSeconds: env.int('EDITORIAL_DIGEST_CHECK_SECONDS', 60),
      },
    },
  },
});
