import { bootStrapi, type TestApp } from '../../harness/strapi';
import { createContest, entryBody, QUIET_ENV, setWindow } from './contest-fixtures';
import { verifyDrawCli } from './verify-draw-cli';

const HOUR = 3600 * 1000;
const NAMES = [
  'Camille Durand',
  'Youssef Benali',
  'Léa Martin',
  'Hugo Lefèvre',
  'Inès Moreau',
  'Théo Garnier',
  'Chloé Roux',
  'Malik Diallo',
];
const DAY = 24 * HOUR;

/** The organiser's side: commit, draw, results, claims, audit, export, erasure, purge, rules. */
describe('commit–reveal draw and the organiser API', () => {
  let app: TestApp;
  let token: string;
  const sent: any[] = [];

  beforeAll(async () => {
    app = await bootStrapi({ env: QUIET_ENV });
    token = await app.adminToken();
    // No mail server in tests: record what would have been sent.
    app.strapi.plugin('email').service('email').send = async (message: any) => {
      sent.push(message);
    };
  });
  afterAll(async () => {
    await app?.stop();
  });

  const admin = (method: 'get' | 'post', path: string, body?: object, as = token) => {
    const request = app.http()[method](path).set('Authorization', `Bearer ${as}`);
    return body ? request.send(body) : request;
  };
  const enter = (contest: string, data: Record<string, unknown> = {}) =>
    app.http().post(`/api/contests/${contest}/entries`).send(entryBody(data));
  const close = (contest: string) =>
    setWindow(app.strapi, contest, new Date(Date.now() - 2 * DAY), new Date(Date.now() - 1000));
  const auditActions = async (contest: string) =>
    (await admin('get', `/contests/${contest}/audit`)).body.data.map((entry: any) => entry.action);

  describe('a contest from commitment to claims', () => {
    let contest: string;
    let state: any;
    const ids: string[] = [];

    beforeAll(async () => {
      contest = await createContest(app.strapi, {
        entryOpensAt: new Date(Date.now() + 60_000).toISOString(),
        entryClosesAt: new Date(Date.now() + DAY).toISOString(),
        winnersCount: 2,
        substitutesCount: 2,
        entriesPerPerson: 2,
        beaconSource: 'drand quicknet, first round after the close',
      });
    });

    it('commits before entries open: sha256 of a secret seed, published, fixed', async () => {
      const response = await admin('post', `/contests/${contest}/commit`);
      expect(response.status).toBe(201);
      expect(response.body.data).toMatchObject({
        commitment: expect.stringMatching(/^[0-9a-f]{64}$/),
        committedBeforeOpening: true,
      });
      const publicState = (await app.http().get(`/api/contests/${contest}`)).body.data;
      expect(publicState.commitment).toBe(response.body.data.commitment);
      expect(publicState).not.toHaveProperty('seed');
      const again = await admin('post', `/contests/${contest}/commit`);
      expect(again.status).toBe(409);
      expect(again.body.error.details.reason).toBe('already_committed');
    });

    it('refuses to draw before the close', async () => {
      const response = await admin('post', `/contests/${contest}/draw`, { beacon: '' });
      expect(response.status).toBe(409);
      expect(response.body.error.details.reason).toBe('not_closed');
    });

    it('takes entries, lets an organiser invalidate and restore with a reason, and refuses to draw while some wait for review', async () => {
      await setWindow(app.strapi, contest, new Date(Date.now() - HOUR), new Date(Date.now() + DAY));
      for (let i = 0; i < 8; i += 1) {
        const response = await enter(contest, {
          email: `gagnant${i}@example.fr`,
          name: NAMES[i],
          consents: { rules: true, publishName: i % 2 === 0 },
        });
        expect(response.status).toBe(201);
        ids.push(response.body.data.id);
      }
      // The same person twice (allowed: 2 per person): the draw must still count them once.
      const again = await enter(contest, { email: 'gagnant0@example.fr', name: NAMES[0] });
      expect(again.status).toBe(201);
      ids.push(again.body.data.id);
      const suspicious = await enter(contest, { email: 'x@yopmail.com', name: 'Throw Away' });
      expect(suspicious.body.data.status).toBe('review');

      const invalid = await admin('post', `/contests/entries/${ids[7]}/invalidate`, {
        reason: 'Salarié de l’organisateur',
      });
      expect(invalid.status).toBe(200);
      expect(invalid.body.data).toMatchObject({
        status: 'invalidated',
        invalidationReason: 'Salarié de l’organisateur',
      });
      expect((await admin('post', `/contests/entries/${ids[7]}/invalidate`, {})).status).toBe(400);
      expect((await admin('post', `/contests/entries/${ids[6]}/restore`, {})).body.error.details.reason).toBe(
        'already_valid'
      );

      const listed = await admin('get', `/contests/${contest}/entries?status=review`);
      expect(listed.body.data.map((e: any) => e.id)).toEqual([suspicious.body.data.id]);
      expect(listed.body.data[0].fraudSignals).toEqual([{ type: 'disposable_email', domain: 'yopmail.com' }]);
      expect(
        (await admin('get', `/contests/${contest}/entries?signal=disposable_email`)).body.meta.pagination
          .total
      ).toBe(1);
      expect((await admin('get', `/contests/${contest}/entries?q=gagnant3`)).body.data).toHaveLength(1);
      expect((await admin('get', `/contests/${contest}/entries?status=nope`)).status).toBe(400);

      await close(contest);
      const blocked = await admin('post', `/contests/${contest}/draw`, { beacon: 'round-1' });
      expect(blocked.status).toBe(409);
      expect(blocked.body.error.details).toMatchObject({ reason: 'entries_in_review', review: 1 });

      await admin('post', `/contests/entries/${suspicious.body.data.id}/invalidate`, {
        reason: 'Adresse jetable',
      });
      expect(
        (await admin('post', `/contests/entries/${ids[7]}/restore`, { reason: 'Erreur de saisie' })).body.data
          .status
      ).toBe('valid');
      await admin('post', `/contests/entries/${ids[7]}/invalidate`, { reason: 'Salarié, confirmé' });
    });

    it('draws: freezes the valid entries, reveals the seed, and anyone recomputes the same winners', async () => {
      const response = await admin('post', `/contests/${contest}/draw`, { beacon: 'drand-round-123' });
      expect(response.status).toBe(200);
      state = (await app.http().get(`/api/contests/${contest}`)).body.data;
      expect(state.phase).toBe('drawn');
      expect(state.beacon).toBe('drand-round-123');
      expect(state.entryIds).toHaveLength(8); // 9 entries, minus the invalidated one and the disposable one
      expect(state.entryIds).not.toContain(ids[7]);
      expect(state.ranking).toHaveLength(8);
      expect(state.winners).toHaveLength(2);
      expect(state.substitutes).toHaveLength(2);
      const persons = [...state.winners, ...state.substitutes].map((id: string) => state.entryPersons[id]);
      expect(new Set(persons).size).toBe(4);
      // Anyone recomputes the same winners from the public data alone, here with the shipped verifier.
      const outcome = await verifyDrawCli(`${await app.listen()}/api/contests/${contest}`);
      expect(outcome.output).toMatch(/^OK: 8 entries/m);
      expect(outcome.code).toBe(0);
    });

    it('shows winners publicly as first name + initial, only with their consent, and no personal data', async () => {
      const text = JSON.stringify(state);
      expect(text).not.toMatch(/@example\.fr/);
      for (const name of NAMES) expect(text).not.toContain(name);
      for (const result of state.results) {
        // Consent goes with the entry: the second entry of person 0 (index 8) gave none.
        const index = ids.indexOf(result.id);
        const [first, last] = NAMES[index % 8].split(' ');
        expect(result.displayName).toBe(index < 8 && index % 2 === 0 ? `${first} ${last[0]}.` : null);
      }
      expect(state.results.map((r: any) => r.id)).toEqual(state.winners);
    });

    it('refuses a second draw, and changes to the frozen entries', async () => {
      const again = await admin('post', `/contests/${contest}/draw`, { beacon: 'other' });
      expect(again.status).toBe(409);
      expect(again.body.error.details.reason).toBe('already_drawn');
      expect((await admin('post', `/contests/entries/${ids[7]}/restore`, {})).body.error.details.reason).toBe(
        'already_drawn'
      );
    });

    it('emails each winner with a claim deadline', async () => {
      const winnersEmails = sent.map((message) => message.to);
      expect(winnersEmails).toHaveLength(2);
      expect(sent[0].subject).toContain('You won');
      expect(sent[0].text).toMatch(/avant le/);
      const detail = (await admin('get', `/contests/${contest}/overview`)).body.data;
      expect(detail.state.claims.map((c: any) => [c.status, c.notification])).toEqual([
        ['pending', 'sent'],
        ['pending', 'sent'],
      ]);
      const deadline = Date.parse(detail.state.claims[0].deadline);
      expect(deadline - Date.now()).toBeGreaterThan(13 * DAY);
      expect(detail.people[state.winners[0]].email).toMatch(/@example\.fr/);
    });

    it('records a claim, and passes an unclaimed prize to the next substitute after the deadline', async () => {
      const [first, second] = state.winners;
      expect((await admin('post', `/contests/${contest}/claims/${first}/claimed`)).status).toBe(200);
      expect((await admin('post', `/contests/${contest}/claims/${first}/claimed`)).status).toBe(409);

      // Two instances sweeping at once pass the prize on once, and email the substitute once.
      const claimsService = app.strapi.plugin('contests').service('claims');
      const later = new Date(Date.now() + 15 * DAY);
      const passed = await Promise.all([
        claimsService.sweepDeadlines(later),
        claimsService.sweepDeadlines(later),
      ]);
      expect(passed[0] + passed[1]).toBe(1);
      const claims = (await admin('get', `/contests/${contest}/overview`)).body.data.state.claims;
      expect(claims.map((c: any) => [c.publicId, c.status, c.role])).toEqual([
        [first, 'claimed', 'winner'],
        [second, 'forfeited', 'winner'],
        [state.substitutes[0], 'pending', 'substitute'],
      ]);
      expect(claims[2].replaces).toBe(second);
      expect(sent.map((m) => m.to)).toHaveLength(3);

      // The organiser can set a winner aside too: the prize goes to the next substitute.
      const forfeit = await admin('post', `/contests/${contest}/claims/${state.substitutes[0]}/forfeit`, {
        reason: 'Injoignable',
      });
      expect(forfeit.status).toBe(200);
      const after = forfeit.body.data.state.claims.map((c: any) => [c.publicId, c.status]);
      expect(after.at(-1)).toEqual([state.substitutes[1], 'pending']);

      const publicResults = (await app.http().get(`/api/contests/${contest}`)).body.data.results;
      expect(publicResults.map((r: any) => r.status)).toEqual([
        'claimed',
        'forfeited',
        'forfeited',
        'pending',
      ]);
    });

    it('exports the entries as CSV for the organiser', async () => {
      const response = await admin('get', `/contests/${contest}/export.csv`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/csv/);
      const lines = response.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toMatch(/^id,createdAt,status,invalidationReason,fraudSignals,name,email/);
      expect(lines).toHaveLength(1 + 10);
      expect(response.text).toContain('gagnant3@example.fr');
    });

    it('erases one entrant on request; the draw stays verifiable through public ids', async () => {
      const winner = state.winners[0];
      const response = await admin('post', `/contests/entries/${winner}/erase`, {
        reason: 'Demande RGPD du 12/06',
      });
      expect(response.status).toBe(200);
      const row = await app.strapi.db
        .query('plugin::contests.contest-entry')
        .findOne({ where: { publicId: winner } });
      expect(row).toMatchObject({ name: null, email: null, birthDate: null, ipHash: null, answers: null });
      expect(row.personKey).toMatch(/^erased:/);
      const csv = (await admin('get', `/contests/${contest}/export.csv`)).text;
      expect(csv).not.toContain(`gagnant${ids.indexOf(winner)}@example.fr`);
      const after = (await app.http().get(`/api/contests/${contest}`)).body.data;
      expect(after.ranking).toEqual(state.ranking);
      expect((await verifyDrawCli(after)).code).toBe(0);
    });

    it('keeps every step in an append-only audit log', async () => {
      const actions = await auditActions(contest);
      for (const action of [
        'committed',
        'entry_invalidated',
        'entry_restored',
        'drawn',
        'winner_notified',
        'prize_claimed',
        'prize_forfeited',
        'entries_exported',
        'entrant_erased',
      ]) {
        expect(actions).toContain(action);
      }
      const log = app.strapi.db.connection('contests_audit_log');
      await expect(log.clone().update({ action: 'tampered' })).rejects.toBeDefined();
      await expect(log.clone().delete()).rejects.toBeDefined();
      expect(await auditActions(contest)).toEqual(actions);
      const entries = app.strapi.db.query('plugin::contests.contest-audit-entry');
      await expect(entries.deleteMany({ where: {} })).rejects.toThrow(/append-only/);
    });

    it('says who took each step and why: a code for the plugin’s own, the text an organiser typed', async () => {
      const log = (await admin('get', `/contests/${contest}/audit`)).body.data;
      const forfeits = log
        .filter((entry: any) => entry.action === 'prize_forfeited')
        .map((entry: any) => [entry.actorType, entry.actorName, entry.reasonCode, entry.reason]);
      expect(forfeits).toEqual([
        ['admin', 'Test strapi-super-admin', null, 'Injoignable'],
        ['system', null, 'deadline_passed', null],
      ]);
      expect(log.find((entry: any) => entry.action === 'entrant_erased')).toMatchObject({
        actorType: 'admin',
        reason: 'Demande RGPD du 12/06',
        entryPublicId: state.winners[0],
      });
    });
  });

  it('refuses to draw without a commitment, and to commit after the close', async () => {
    const contest = await createContest(app.strapi);
    await enter(contest);
    await close(contest);
    const draw = await admin('post', `/contests/${contest}/draw`, { beacon: '' });
    expect(draw.status).toBe(409);
    expect(draw.body.error.details.reason).toBe('not_committed');
    const commit = await admin('post', `/contests/${contest}/commit`);
    expect(commit.status).toBe(409);
    expect(commit.body.error.details.reason).toBe('window_closed');
  });

  it('flags a commitment made after entries opened', async () => {
    const contest = await createContest(app.strapi);
    expect((await admin('post', `/contests/${contest}/commit`)).body.data.committedBeforeOpening).toBe(false);
    expect((await app.http().get(`/api/contests/${contest}`)).body.data.committedBeforeOpening).toBe(false);
  });

  it('answers a clear 400 for a beacon that is not a string', async () => {
    const contest = await createContest(app.strapi);
    const response = await admin('post', `/contests/${contest}/draw`, { beacon: 42 });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/beacon must be a string/);
  });

  it('purges personal data automatically once the retention period is over', async () => {
    const contest = await createContest(app.strapi, { retentionDays: 30 });
    const entry = (await enter(contest, { email: 'oubli@example.fr' })).body.data.id;
    await close(contest);
    const service = app.strapi.plugin('contests').service('privacy');
    expect(await service.purgeExpired(new Date(Date.now() + 29 * DAY))).toBe(0);
    expect(await service.purgeExpired(new Date(Date.now() + 31 * DAY))).toBe(1);
    const row = await app.strapi.db
      .query('plugin::contests.contest-entry')
      .findOne({ where: { publicId: entry } });
    expect(row.email).toBeNull();
    expect(row.erasedAt).not.toBeNull();
    expect(await auditActions(contest)).toContain('retention_purge');
  });

  it('generates the rules in French and English from the contest fields', async () => {
    const contest = await createContest(
      app.strapi,
      { beaconSource: 'drand quicknet' },
      { title: 'Un vélo cargo à gagner' }
    );
    await admin('post', `/contests/${contest}/commit`);
    const fr = await admin('get', `/contests/${contest}/rules?locale=fr`);
    expect(fr.status).toBe(200);
    expect(fr.body.data.markdown).toContain('Règlement du jeu-concours « Un vélo cargo à gagner »');
    expect(fr.body.data.markdown).toContain('Roue Libre SAS');
    const { commitment } = (await app.http().get(`/api/contests/${contest}`)).body.data;
    expect(fr.body.data.markdown).toContain(commitment);
    const en = await admin('get', `/contests/${contest}/rules?locale=en`);
    expect(en.body.data.markdown).toContain('Official rules');
    expect((await admin('get', `/contests/${contest}/rules?locale=de`)).status).toBe(400);
  });

  describe('RBAC', () => {
    let editor: string;
    let contest: string;
    beforeAll(async () => {
      editor = await app.adminToken({ roleCode: 'strapi-editor' });
      contest = await createContest(app.strapi);
    });

    it('refuses commit, draw, export and the entries to an admin without the contests actions', async () => {
      expect((await admin('post', `/contests/${contest}/commit`, {}, editor)).status).toBe(403);
      expect((await admin('post', `/contests/${contest}/draw`, { beacon: '' }, editor)).status).toBe(403);
      expect((await admin('get', `/contests/${contest}/export.csv`, undefined, editor)).status).toBe(403);
      expect((await admin('get', `/contests/${contest}/entries`, undefined, editor)).status).toBe(403);
      expect((await app.http().post(`/contests/${contest}/commit`)).status).toBe(401);
    });

    it('lets a role with the organizer action commit', async () => {
      const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
      await app.strapi.service('admin::permission').createMany([
        {
          action: 'plugin::contests.organize',
          subject: null,
          properties: {},
          conditions: [],
          role: role.id,
        },
      ]);
      expect((await admin('post', `/contests/${contest}/commit`, {}, editor)).status).toBe(201);
      // Seeing entries is a separate action: organizing does not imply it.
      expect((await admin('get', `/contests/${contest}/entries`, undefined, editor)).status).toBe(403);
    });
  });

  it('keeps who wrote each entry from before the actor columns, through the upgrade', async () => {
    const knex = app.strapi.db.connection;
    const audit = app.strapi.plugin('contests').service('audit');
    // Entries as an older version wrote them: who, in one `actor` label.
    await app.strapi.db.getSchemaConnection().alterTable('contests_audit_log', (table) => {
      table.string('actor');
    });
    const legacy = (action: string, actor: string) => ({ event_document_id: 'legacy', action, actor });
    await knex('contests_audit_log').insert([
      legacy('committed', 'admin:3 <camille@example.org>'),
      legacy('winner_notified', 'system'),
      legacy('drawn', 'admin:12'),
    ]);

    expect(await audit.splitLegacyActors()).toBe(3);
    const rows = await knex('contests_audit_log')
      .select('action', 'actor_type', 'actor_id', 'actor_name')
      .where('event_document_id', 'legacy')
      .orderBy('id');
    expect(rows.map((row: any) => [row.action, row.actor_type, row.actor_id, row.actor_name])).toEqual([
      ['committed', 'admin', 3, 'camille@example.org'],
      ['winner_notified', 'system', null, null],
      ['drawn', 'admin', 12, null],
    ]);
    expect(await audit.splitLegacyActors()).toBe(0);

    // The boot puts the guard back once the schema is synced: here, at once.
    await audit.installAppendOnlyGuard();
    // (SQLite's errors are no `Error` of this test file's realm: matched by their message.)
    await expect(knex('contests_audit_log').update({ action: 'tampered' })).rejects.toMatchObject({
      message: expect.stringMatching(/append-only/),
    });
  });
});
