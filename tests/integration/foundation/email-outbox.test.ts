import { bootStrapi, type TestApp } from '../../harness/strapi';

describe('e-mail in development and tests', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootStrapi();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('lands in the outbox instead of leaving the machine', async () => {
    await app.strapi.plugin('email').service('email').send({
      to: 'moderators@porte-voix.local',
      subject: 'Trois commentaires en attente',
      text: 'Bonjour, trois commentaires attendent votre décision.',
    });
    const sent = app.sentEmails();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: 'moderators@porte-voix.local',
      subject: 'Trois commentaires en attente',
      from: 'no-reply@porte-voix.local',
    });
  });

  it('refuses a message with no recipient, saying so', async () => {
    await expect(
      app.strapi.plugin('email').service('email').send({ subject: 'x', text: 'y' })
    ).rejects.toThrow(/missing to/);
  });
});
