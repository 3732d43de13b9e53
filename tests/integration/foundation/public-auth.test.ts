import { bootStrapi, type TestApp } from '../../harness/strapi';

/** The public site has no end users: nobody can sign up, sign in or trigger password e-mails. */
const AUTH_REQUESTS: [string, string, object?][] = [
  [
    'POST',
    '/api/auth/local/register',
    { username: 'mallory', email: 'mallory@example.org', password: 'Mallory-1234' },
  ],
  ['POST', '/api/auth/local', { identifier: 'mallory@example.org', password: 'Mallory-1234' }],
  ['POST', '/api/auth/forgot-password', { email: 'mallory@example.org' }],
  [
    'POST',
    '/api/auth/reset-password',
    { code: 'x', password: 'Mallory-1234', passwordConfirmation: 'Mallory-1234' },
  ],
  ['GET', '/api/auth/email-confirmation?confirmation=x'],
  ['POST', '/api/auth/send-email-confirmation', { email: 'mallory@example.org' }],
  ['GET', '/api/connect/github'],
  ['GET', '/api/auth/github/callback?access_token=x'],
];

const send = (app: TestApp, [method, url, body]: [string, string, object?]) =>
  method === 'GET' ? app.http().get(url) : app.http().post(url).send(body);

describe('public sign-up and sign-in routes', () => {
  describe('by default', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await bootStrapi({ env: { PORTE_VOIX_PUBLIC_AUTH: '' } });
    });
    afterAll(async () => {
      await app?.stop();
    });

    // Strapi's catch-all GET (static files) turns a POST to a path it does not serve into a 405.
    it.each(AUTH_REQUESTS)('%s %s is answered as a route that does not exist', async (...request) => {
      const [method, , body] = request;
      const response = await send(app, request);
      const missing = await send(app, [method, '/api/no-such-route', body]);
      expect([404, 405]).toContain(response.status);
      expect(response.status).toBe(missing.status);
    });

    it('creates no account and sends no e-mail', async () => {
      for (const request of AUTH_REQUESTS) await send(app, request);
      expect(await app.strapi.db.query('plugin::users-permissions.user').count({})).toBe(0);
      expect(app.sentEmails()).toEqual([]);
    });
  });

  // After an app that closed them: the plugin's route list is shared by every Strapi of the process.
  describe('with PORTE_VOIX_PUBLIC_AUTH=true, after an app without', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await bootStrapi({ env: { PORTE_VOIX_PUBLIC_AUTH: 'true' } });
    });
    afterAll(async () => {
      await app?.stop();
      delete process.env.PORTE_VOIX_PUBLIC_AUTH;
    });

    it('serves them as Strapi does', async () => {
      const login = await app
        .http()
        .post('/api/auth/local')
        .send({ identifier: 'nobody@example.org', password: 'x' });
      expect(login.status).toBe(400);
      expect(login.body.error.message).toMatch(/Invalid identifier or password/);
    });
  });
});
