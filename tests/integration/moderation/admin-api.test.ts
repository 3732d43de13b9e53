import type { TestApp } from '../../harness/strapi';
import { comment, createCampaign, createPost, moderationApp, setSettings } from './helpers';

/** The moderators' API: queues, decisions, sanctions, settings, audit, and who may do what. */
describe('moderation: admin API', () => {
  let app: TestApp;
  let token: string;
  let postId: string;
  moderationApp(async (session) => {
    ({ app, postId } = session);
    token = await app.adminToken();
  });

  const as = (jwt: string) => ({
    get: (url: string) => app.http().get(url).set('Authorization', `Bearer ${jwt}`),
    post: (url: string, body?: object) =>
      app.http().post(url).set('Authorization', `Bearer ${jwt}`).send(body),
    put: (url: string, body?: object) => app.http().put(url).set('Authorization', `Bearer ${jwt}`).send(body),
    del: (url: string) => app.http().delete(url).set('Authorization', `Bearer ${jwt}`),
  });
  const submit = async (overrides: Record<string, unknown> = {}, target = postId) => {
    const response = await app.http().post('/api/moderation/comments').send(comment(target, overrides));
    expect(response.status).toBe(201);
    return response.body.data as { id: string; status: string };
  };

  describe('queues', () => {
    it('lists the pending queue with reasons, matched words, target title, author history and counts', async () => {
      const held = await submit({ content: 'Quel crétin', authorEmail: 'queue.author@example.org' });
      const response = await as(token).get(`/moderation/comments?status=pending&target=post:${postId}`);
      expect(response.status).toBe(200);
      const card = response.body.data.find((c: any) => c.id === held.id);
      expect(card).toMatchObject({
        status: 'pending',
        content: 'Quel crétin',
        authorEmail: 'queue.author@example.org',
        target: { type: 'post', documentId: postId },
        author: { history: { pending: 1, total: 1 }, sanction: null },
      });
      expect(card.target.title).toMatch(/^Article/);
      expect(card.target.adminPath).toContain(`/content-manager/collection-types/api::post.post/${postId}`);
      expect(card.reasons[0]).toMatchObject({ rule: 'suspectWords', code: 'suspect_word' });
      expect(card.reasons[0].matches[0]).toMatchObject({
        field: 'content',
        start: 5,
        end: 11,
        term: 'crétin(e)(s)',
      });
      expect(response.body.meta.counts).toMatchObject({
        pending: expect.any(Number),
        reported: 0,
        all: expect.any(Number),
      });
      expect(response.body.meta.counts.pending).toBeGreaterThanOrEqual(1);
    });

    it('shows each comment with its post’s title in the comment’s language', async () => {
      const posts = app.strapi.documents('api::post.post' as any);
      const post = (await createPost(app.strapi, { title: 'Balade du dimanche' })).documentId;
      await posts.update({
        documentId: post,
        locale: 'en',
        data: {
          title: 'Sunday ride',
          body: 'A ride for the moderation tests.',
        } as any,
      });
      await posts.publish({ documentId: post, locale: 'en' });
      const french = await submit({ content: 'Quel crétin', locale: 'fr' }, post);
      const english = await submit({ content: 'Quel crétin', locale: 'en' }, post);

      const response = await as(token).get(`/moderation/comments?status=pending&target=post:${post}`);
      const titleOf = (id: string) => response.body.data.find((c: any) => c.id === id).target;
      expect(titleOf(french.id)).toMatchObject({ title: 'Balade du dimanche' });
      expect(titleOf(french.id).adminPath).toContain('locale]=fr');
      expect(titleOf(english.id)).toMatchObject({ title: 'Sunday ride' });
      expect(titleOf(english.id).adminPath).toContain('locale]=en');

      // The queue's pickers find it by title in the moderator's language, and name a filter's value.
      const search = await as(token).get('/moderation/lookup?kind=target&q=dimanche&locale=fr');
      expect(search.status).toBe(200);
      expect(search.body.data).toContainEqual({
        value: `post:${post}`,
        label: 'Balade du dimanche',
        type: 'post',
      });
      const inEnglish = await as(token).get('/moderation/lookup?kind=target&q=sunday&locale=en');
      expect(inEnglish.body.data).toContainEqual({
        value: `post:${post}`,
        label: 'Sunday ride',
        type: 'post',
      });
      const named = await as(token).get(`/moderation/lookup?kind=target&value=post:${post}&locale=fr`);
      expect(named.body.data).toEqual({ value: `post:${post}`, label: 'Balade du dimanche', type: 'post' });
    });

    it('finds campaigns by name for the campaign filter, and refuses a lookup it cannot answer', async () => {
      const campaign = await createCampaign(app.strapi, `Rentree-lookup-${Date.now()}`);
      const found = await as(token).get('/moderation/lookup?kind=campaign&q=rentree-LOOKUP');
      expect(found.body.data).toContainEqual({
        value: campaign.documentId,
        label: campaign.name,
        type: 'campaign',
      });
      const bad = await as(token).get('/moderation/lookup?kind=comment&q=x');
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.error)).toContain('must be target or campaign');
      const both = await as(token).get('/moderation/lookup?kind=target&q=x&value=post:abc');
      expect(both.status).toBe(400);
      expect(JSON.stringify(both.body.error)).toContain('give either q');
      expect((await app.http().get('/moderation/lookup?kind=target&q=x')).status).toBe(401);
    });

    it('searches by text and filters by author e-mail, campaign and date', async () => {
      const campaign = await createCampaign(app.strapi);
      const post = (await createPost(app.strapi, { campaign: campaign.documentId })).documentId;
      const mine = await submit(
        { content: 'Le zeppelin arrive demain', authorEmail: 'Search.Me@example.org' },
        post
      );
      const byText = await as(token).get('/moderation/comments?status=all&q=ZEPPELIN');
      expect(byText.body.data.map((c: any) => c.id)).toEqual([mine.id]);
      const byAuthor = await as(token).get('/moderation/comments?status=all&author=search.me@example.org');
      expect(byAuthor.body.data.map((c: any) => c.id)).toEqual([mine.id]);
      const byCampaign = await as(token).get(
        `/moderation/comments?status=all&campaign=${campaign.documentId}`
      );
      expect(byCampaign.body.data.map((c: any) => c.id)).toEqual([mine.id]);
      const future = await as(token).get('/moderation/comments?status=all&from=2999-01-01');
      expect(future.body.data).toEqual([]);
    });

    it('answers 400 to a bad filter', async () => {
      const response = await as(token).get('/moderation/comments?status=maybe');
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(
        /status: must be one of pending, reported, approved, rejected, all/
      );
    });
  });

  describe('decisions', () => {
    it('approves a held comment: it becomes public, and the audit says who did it', async () => {
      const held = await submit({ content: 'Quel crétin' });
      const response = await as(token).post(`/moderation/comments/${held.id}/approve`, {});
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({
        status: 'approved',
        moderatedBy: 'Test strapi-super-admin',
      });

      const list = await app.http().get(`/api/moderation/comments?target=post:${postId}`);
      expect(list.body.data.map((c: any) => c.id)).toContain(held.id);

      const audit = await as(token).get(`/moderation/audit?comment=${held.id}`);
      expect(audit.body.data.map((e: any) => [e.action, e.actorType, e.fromStatus, e.toStatus])).toEqual([
        ['approved', 'admin', 'pending', 'approved'],
        ['auto_decision', 'system', null, 'pending'],
      ]);
      expect(audit.body.data[0].actorName).toBe('Test strapi-super-admin');
    });

    it('rejects with a reason, and requires one', async () => {
      const held = await submit({ content: 'Quel crétin' });
      const missing = await as(token).post(`/moderation/comments/${held.id}/reject`, {});
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toMatch(/reason/);
      const response = await as(token).post(`/moderation/comments/${held.id}/reject`, {
        reason: 'abuse',
        note: 'insulte',
      });
      expect(response.body.data).toMatchObject({
        status: 'rejected',
        moderationReason: 'abuse',
        moderationNote: 'insulte',
      });
    });

    it('keeps a rejection reason in the audit log as a code, with the note as typed', async () => {
      const held = await submit({ content: 'Quel crétin' });
      await as(token).post(`/moderation/comments/${held.id}/reject`, { reason: 'spam' }).expect(200);
      const audit = await as(token).get(`/moderation/audit?comment=${held.id}`);
      expect(audit.body.data[0]).toMatchObject({ action: 'rejected', reasonCode: 'spam', reason: null });
      const unknown = await as(token).post(`/moderation/comments/${held.id}/reject`, {
        reason: 'Pas gentil',
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details).toMatchObject({ reason: 'invalid_input', field: 'reason' });
    });

    it('closes the reports of a reported comment that a moderator approves', async () => {
      const published = await submit({ content: 'Un avis' });
      await app
        .http()
        .post(`/api/moderation/comments/${published.id}/report`)
        .send({ data: { reason: 'abuse' } })
        .expect(201);
      const reported = await as(token).get('/moderation/comments?status=reported');
      expect(reported.body.data.map((c: any) => c.id)).toContain(published.id);
      expect(reported.body.data.find((c: any) => c.id === published.id).report).toMatchObject({
        state: 'open',
        count: 1,
        reasons: { abuse: 1 },
      });

      await as(token).post(`/moderation/comments/${published.id}/approve`, {}).expect(200);
      const after = await as(token).get('/moderation/comments?status=reported');
      expect(after.body.data.map((c: any) => c.id)).not.toContain(published.id);
    });

    it('moderates in bulk, and says which ids it did not find', async () => {
      const a = await submit({ content: 'Quel crétin' });
      const b = await submit({ content: 'Quel abruti' });
      const response = await as(token).post('/moderation/comments/bulk', {
        action: 'reject',
        ids: [a.id, b.id, 'nosuch'],
        reason: 'spam',
      });
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual({ updated: 2, ids: [a.id, b.id], missing: ['nosuch'] });
      const bad = await as(token).post('/moderation/comments/bulk', { action: 'reject', ids: [a.id] });
      expect(bad.status).toBe(400);
    });

    it('answers 404 for an unknown comment', async () => {
      expect((await as(token).post('/moderation/comments/nosuch/approve', {})).status).toBe(404);
    });
  });

  describe('author sanctions', () => {
    it('bans an author: their next comment is rejected, and the ban can be lifted', async () => {
      const email = 'troll@example.org';
      await submit({ authorEmail: email, content: 'Premier message' });
      const ban = await as(token).post(`/moderation/authors/${encodeURIComponent(email)}/sanctions`, {
        kind: 'ban',
        note: 'harcèlement',
      });
      expect(ban.status).toBe(201);
      expect(ban.body.data).toMatchObject({
        kind: 'ban',
        active: true,
        issuedByName: 'Test strapi-super-admin',
      });

      const next = await submit({ authorEmail: email, content: 'Encore moi' });
      expect(next.status).toBe('rejected');

      const author = await as(token).get(`/moderation/authors/${encodeURIComponent(email)}`);
      expect(author.body.data).toMatchObject({
        history: { approved: 1, rejected: 1, total: 2 },
        activeSanction: { kind: 'ban' },
      });
      const key = author.body.data.key;

      await as(token).del(`/moderation/authors/${key}/sanctions/${ban.body.data.id}`).expect(200);
      expect((await submit({ authorEmail: email, content: 'Je me calme' })).status).toBe('approved');
    });

    it('suspends for a time, holds every comment under pre-moderation, and only notes a warning', async () => {
      const suspended = 'suspended@example.org';
      await as(token)
        .post(`/moderation/authors/${suspended}/sanctions`, { kind: 'suspension', durationHours: 24 })
        .expect(201);
      const rejected = await app
        .http()
        .post('/api/moderation/comments')
        .send(comment(postId, { authorEmail: suspended, locale: 'en' }));
      expect(rejected.body.data).toMatchObject({ status: 'rejected', rule: 'sanctions' });
      expect(rejected.body.data.message).toMatch(/cannot comment until \d{4}-/);

      const watched = 'watched@example.org';
      await as(token).post(`/moderation/authors/${watched}/sanctions`, { kind: 'premoderation' }).expect(201);
      expect((await submit({ authorEmail: watched })).status).toBe('pending');

      const warned = 'warned@example.org';
      await as(token)
        .post(`/moderation/authors/${warned}/sanctions`, { kind: 'warning', note: 'ton' })
        .expect(201);
      expect((await submit({ authorEmail: warned })).status).toBe('approved');
    });

    it('refuses a suspension without an end', async () => {
      const response = await as(token).post('/moderation/authors/x@example.org/sanctions', {
        kind: 'suspension',
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/needs an end/);
    });
  });

  describe('settings', () => {
    it('reads and changes the settings, validating them', async () => {
      const read = await as(token).get('/moderation/settings');
      expect(read.body.data).toMatchObject({
        newAuthorPremoderation: false,
        rateLimits: { perIpPerMinute: 0, perAuthorPerMinute: 0 },
      });

      const changed = await as(token).put('/moderation/settings', {
        newAuthorPremoderation: true,
        rateLimits: { perIpPerMinute: 30 },
      });
      expect(changed.status).toBe(200);
      expect(changed.body.data).toMatchObject({
        newAuthorPremoderation: true,
        rateLimits: { perIpPerMinute: 30, perAuthorPerMinute: 0 },
      });

      const wrong = await as(token).put('/moderation/settings', { rateLimits: { perIpPerMinute: -1 } });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.message).toMatch(/rateLimits\.perIpPerMinute/);

      const audit = await as(token).get('/moderation/audit?action=settings_updated');
      expect(audit.body.data[0].details.changed).toEqual(['newAuthorPremoderation', 'rateLimits']);
    });

    it('never shows a webhook or scorer URL, with its token, in a response or the audit log', async () => {
      const webhookUrl = 'https://hooks.example.org/services/T0KEN/S3CRET?key=hunter2';
      const scorerUrl = 'https://scorer.example.org/v1/score?apiKey=sk-live-123';
      const secrets = /T0KEN|S3CRET|hunter2|sk-live-123/;
      const changed = await as(token).put('/moderation/settings', {
        notifications: { webhookUrl },
        externalScorer: { url: scorerUrl },
      });
      expect(changed.status).toBe(200);
      expect(JSON.stringify(changed.body)).not.toMatch(secrets);
      // A second change, so that the audit log's "before" holds the saved URLs.
      const again = await as(token).put('/moderation/settings', {
        notifications: { webhookUrl: 'https://hooks.example.org/services/OTHER' },
        externalScorer: { url: '' },
      });
      expect(JSON.stringify(again.body)).not.toMatch(secrets);

      const read = await as(token).get('/moderation/settings');
      expect(read.body.data.notifications.webhookUrl).toMatch(/^https:\/\/hooks\.example\.org\//);
      expect(JSON.stringify(read.body)).not.toMatch(/OTHER/);
      const audit = await as(token).get('/moderation/audit?action=settings_updated');
      expect(audit.body.data.length).toBeGreaterThanOrEqual(2);
      expect(JSON.stringify(audit.body)).not.toMatch(secrets);
      expect(JSON.stringify(audit.body)).not.toMatch(/OTHER/);

      // The settings page sends back what it was shown: the saved URL stays as it was.
      const roundTrip = await as(token).put('/moderation/settings', read.body.data);
      expect(roundTrip.status).toBe(200);
      const saved = await app.strapi.plugin('moderation').service('settings').get();
      expect(saved.notifications.webhookUrl).toBe('https://hooks.example.org/services/OTHER');
    });

    it('pre-moderates one post, or every post of a campaign, without touching the others', async () => {
      const campaign = await createCampaign(app.strapi);
      const inCampaign = (await createPost(app.strapi, { campaign: campaign.documentId })).documentId;
      const single = (await createPost(app.strapi)).documentId;
      await setSettings(app.strapi, {
        premoderation: { all: false, targets: [`post:${single}`, `campaign:${campaign.documentId}`] },
      });
      expect((await submit({}, single)).status).toBe('pending');
      expect((await submit({}, inCampaign)).status).toBe('pending');
      expect((await submit({}, postId)).status).toBe('approved');
    });
  });

  describe('the audit log', () => {
    it('gives entries written before reason codes back with their text, as it was', async () => {
      const legacy = { commentDocumentId: 'legacyentry', authorKey: 'legacy-author', toStatus: 'pending' };
      await app.strapi.db.query('plugin::moderation.audit-entry').create({
        data: { ...legacy, action: 'auto_decision', actorType: 'system', reason: 'Suspect word: crétin' },
      });
      const audit = await as(token).get('/moderation/audit?comment=legacyentry');
      expect(audit.body.data).toEqual([
        expect.objectContaining({ reasonCode: null, reasonParams: null, reason: 'Suspect word: crétin' }),
      ]);
    });
  });

  describe('the audit log is append-only', () => {
    it('refuses to change or delete an entry, whatever the path', async () => {
      const [entry] = await app.strapi.db.query('plugin::moderation.audit-entry').findMany({ limit: 1 });
      await expect(
        app.strapi.db
          .query('plugin::moderation.audit-entry')
          .update({ where: { id: entry.id }, data: { reason: 'rewritten' } })
      ).rejects.toThrow(/append-only/);
      await expect(
        app.strapi.db.query('plugin::moderation.audit-entry').delete({ where: { id: entry.id } })
      ).rejects.toThrow(/append-only/);
      await expect(
        app.strapi.db.query('plugin::moderation.audit-entry').deleteMany({ where: {} })
      ).rejects.toThrow(/append-only/);
      // Below the ORM too: the database's own triggers refuse (SQLite's errors are no `Error` of
      // this test file's realm: matched by their message).
      const table = () => app.strapi.db.connection('moderation_audit_entries').where({ id: entry.id });
      const refused = { message: expect.stringMatching(/append-only/) };
      await expect(table().update({ reason: 'rewritten' })).rejects.toMatchObject(refused);
      await expect(table().delete()).rejects.toMatchObject(refused);
      expect(await table().first()).toMatchObject({ id: entry.id, reason: entry.reason });
    });
  });

  describe('permissions', () => {
    it('refuses anonymous callers', async () => {
      expect((await app.http().get('/moderation/comments')).status).toBe(401);
    });

    it('gives an editor without moderation rights a 403 everywhere', async () => {
      const editor = await app.adminToken({ roleCode: 'strapi-editor' });
      expect((await as(editor).get('/moderation/comments')).status).toBe(403);
      expect(
        (await as(editor).post('/moderation/comments/bulk', { action: 'approve', ids: ['x'] })).status
      ).toBe(403);
    });

    it('lets an editor with "read" see the queue but not act or change settings', async () => {
      const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-author' } });
      await app.strapi.db.query('admin::permission').create({
        data: {
          action: 'plugin::moderation.read',
          role: role.id,
          subject: null,
          properties: {},
          conditions: [],
        },
      });
      const reader = await app.adminToken({ roleCode: 'strapi-author' });
      const held = await submit({ content: 'Quel crétin' });

      expect((await as(reader).get('/moderation/comments?status=pending')).status).toBe(200);
      expect((await as(reader).get('/moderation/audit')).status).toBe(200);
      const approve = await as(reader).post(`/moderation/comments/${held.id}/approve`, {});
      expect(approve.status).toBe(403);
      expect((await as(reader).put('/moderation/settings', { newAuthorPremoderation: true })).status).toBe(
        403
      );
      expect(
        (await as(reader).post('/moderation/authors/x@example.org/sanctions', { kind: 'ban' })).status
      ).toBe(403);
      const stored = await app.strapi.db
        .query('plugin::moderation.comment')
        .findOne({ where: { documentId: held.id } });
      expect(stored.status).toBe('pending');
    });
  });
});
