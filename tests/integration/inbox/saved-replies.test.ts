/**
 * Saved replies: written in French or English by those allowed to, read by anyone who sees the queue
 * (the answer box offers them), refused with a reason when incomplete.
 */
import { useInboxApp } from '../../harness/inbox';
import { unique } from './helpers';

describe('inbox: saved replies', () => {
  const inbox = useInboxApp({ fakes: false });

  const as = (who: string, method: 'get' | 'post' | 'put' | 'delete', url: string, body?: object) => {
    const request = inbox.app.http()[method](url).set('Authorization', `Bearer ${who}`);
    return body ? request.send(body) : request;
  };

  it('creates, lists by language, changes and deletes saved replies', async () => {
    const title = unique('Horaires');
    const created = await as(inbox.token, 'post', '/moderation/saved-replies', {
      title,
      body: 'Bonjour {author}, nous sommes ouverts de 10 h à 18 h.',
      language: 'fr',
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ title, language: 'fr', updatedByName: expect.any(String) });
    const english = await as(inbox.token, 'post', '/moderation/saved-replies', {
      title: unique('Hours'),
      body: 'Hi {author}, we are open from 10am to 6pm.',
      language: 'en',
    });
    expect(english.status).toBe(201);

    const french = await as(inbox.token, 'get', '/moderation/saved-replies?language=fr');
    expect(french.status).toBe(200);
    expect(french.body.data.map((r: any) => r.title)).toContain(title);
    expect(french.body.data.every((r: any) => r.language === 'fr')).toBe(true);

    const changed = await as(inbox.token, 'put', `/moderation/saved-replies/${created.body.data.id}`, {
      body: 'Bonjour {author}, ouverts tous les jours de 10 h à 18 h.',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.data.body).toMatch(/tous les jours/);

    expect(
      (await as(inbox.token, 'delete', `/moderation/saved-replies/${created.body.data.id}`)).status
    ).toBe(200);
    const after = await as(inbox.token, 'get', '/moderation/saved-replies');
    expect(after.body.data.map((r: any) => r.id)).not.toContain(created.body.data.id);
    const gone = await as(inbox.token, 'put', `/moderation/saved-replies/${created.body.data.id}`, {
      title: 'x',
    });
    expect(gone.status).toBe(404);
    expect(gone.body.error.details.reason).toBe('saved_reply_not_found');
  });

  it('says what is missing: a title, an answer, a language it knows', async () => {
    const bad = await as(inbox.token, 'post', '/moderation/saved-replies', {
      title: ' ',
      body: '',
      language: 'de',
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.issues.map((issue: any) => issue.path);
    expect(fields).toEqual(expect.arrayContaining(['title', 'body', 'language']));
    expect((await as(inbox.token, 'get', '/moderation/saved-replies?language=de')).status).toBe(400);
  });

  it('lets a role with "read" pick saved replies but not write them', async () => {
    const role = await inbox.app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-author' } });
    await inbox.app.strapi.db.query('admin::permission').create({
      data: {
        action: 'plugin::moderation.read',
        role: role.id,
        subject: null,
        properties: {},
        conditions: [],
      },
    });
    const reader = await inbox.app.adminToken({ roleCode: 'strapi-author' });
    expect((await as(reader, 'get', '/moderation/saved-replies')).status).toBe(200);
    const refused = await as(reader, 'post', '/moderation/saved-replies', {
      title: 'Essai',
      body: 'Essai',
      language: 'fr',
    });
    expect(refused.status).toBe(403);
    const editor = await inbox.app.adminToken({ roleCode: 'strapi-editor' });
    expect((await as(editor, 'get', '/moderation/saved-replies')).status).toBe(403);
  });
});
