import { bootStrapi, type TestApp } from '../../harness/strapi';
import { createContest, entryBody, QUIET_ENV, setWindow } from './contest-fixtures';

const HOUR = 3600 * 1000;
const ENTRY = 'plugin::contests.contest-entry';

/** Entries from frontends: every refusal is a clear 4xx; what is accepted is stored once per person. */
describe('contest entries over the content API', () => {
  let app: TestApp;
  let contest: string;

  beforeAll(async () => {
    app = await bootStrapi({ env: QUIET_ENV });
    contest = await createContest(app.strapi);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const enter = (eventDocumentId: string, body: unknown) =>
    app
      .http()
      .post(`/api/contests/${eventDocumentId}/entries`)
      .send(body as object);

  it('takes an entry with no token and answers 201 { id, status }', async () => {
    const response = await enter(contest, entryBody());
    expect(response.status).toBe(201);
    expect(response.body.data).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), status: 'valid' });
  });

  it('never makes marketing consent a condition of entry', async () => {
    const withoutMarketing = await enter(contest, entryBody({ consents: { rules: true } }));
    expect(withoutMarketing.status).toBe(201);
    const refusedMarketing = await enter(contest, entryBody({ consents: { rules: true, marketing: false } }));
    expect(refusedMarketing.status).toBe(201);
  });

  it('stores the IP only as a keyed hash, and public ids that say nothing about the person', async () => {
    const response = await enter(contest, entryBody({ email: 'hash.check@example.fr' }));
    const row = await app.strapi.db.query(ENTRY).findOne({ where: { publicId: response.body.data.id } });
    expect(row.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toMatch(/127\.0\.0\.1/);
    expect(response.body.data.id).not.toContain('hash');
  });

  it('shows the organiser the entry as it was sent, with the time it arrived', async () => {
    const before = Date.now();
    const sent = entryBody({
      name: '  Zoé Lefèvre ',
      phone: '+33 7 98 76 54 32',
      birthDate: '1988-11-30',
      answers: { favouriteRide: 'Lyon–Annecy', nights: 2, choices: ['vélo', 'train'] },
      consents: { rules: true, marketing: true },
    });
    const response = await enter(contest, sent);
    expect(response.status).toBe(201);
    const token = await app.adminToken();
    const listed = await app
      .http()
      .get(`/contests/${contest}/entries?q=${response.body.data.id}`)
      .set('Authorization', `Bearer ${token}`);
    expect(listed.body.data).toEqual([
      expect.objectContaining({
        id: response.body.data.id,
        name: 'Zoé Lefèvre',
        email: sent.data.email,
        phone: '+33 7 98 76 54 32',
        country: 'FR',
        birthDate: '1988-11-30',
        answers: { favouriteRide: 'Lyon–Annecy', nights: 2, choices: ['vélo', 'train'] },
        consents: { rules: true, marketing: true, publishName: false },
        status: 'valid',
        fraudSignals: [],
        erased: false,
      }),
    ]);
    const arrived = new Date(listed.body.data[0].createdAt).getTime();
    expect(arrived).toBeGreaterThanOrEqual(before - 1000);
    expect(arrived).toBeLessThanOrEqual(Date.now() + 1000);
  });

  describe('refusals', () => {
    const expectRefusal = (response: any, status: number, reason: string) => {
      expect(response.status).toBe(status);
      expect(response.body.error.details.reason).toBe(reason);
      expect(response.body.error.message.length).toBeGreaterThan(10);
    };

    it('answers in the entrant’s language: ?locale, else Accept-Language, else the contest’s', async () => {
      const german = () => entryBody({ country: 'DE' });
      const inEnglish = await app
        .http()
        .post(`/api/contests/${contest}/entries`)
        .set('Accept-Language', 'de-DE, en-GB;q=0.9, fr;q=0.8')
        .send(german());
      expect(inEnglish.status).toBe(422);
      expect(inEnglish.body.error.message).toBe(
        'This contest is open to residents of these countries only: France, Belgium (country given: Germany).'
      );
      const inFrench = await enter(contest, german());
      expect(inFrench.body.error.message).toBe(
        'Ce jeu est réservé aux résidents de ces pays : France, Belgique (pays indiqué : Allemagne).'
      );
      expect(inFrench.body.error.details).toMatchObject({ reason: 'country_not_eligible', country: 'DE' });
      const asked = await app
        .http()
        .post(`/api/contests/${contest}/entries?locale=en`)
        .set('Accept-Language', 'fr-FR')
        .send(entryBody({ email: 'pas-une-adresse' }));
      expect(asked.body.error.message).toBe('"pas-une-adresse" is not a valid email address.');

      const twice = entryBody();
      expect((await enter(contest, twice)).status).toBe(201);
      const again = await enter(contest, twice);
      expect([again.status, again.body.error.message]).toEqual([
        409,
        'Cette personne participe déjà à ce jeu.',
      ]);
    });

    it('404 for an unknown event', async () => {
      expectRefusal(await enter('no-such-event', entryBody()), 404, 'event_not_found');
    });

    it('404 for an event that is not a contest', async () => {
      const meetup = await createContest(app.strapi, {}, { kind: 'meetup' });
      expectRefusal(await enter(meetup, entryBody()), 404, 'not_a_contest');
    });

    it('404 for a contest that is not published', async () => {
      const draft = await createContest(app.strapi, {}, { publish: false });
      expectRefusal(await enter(draft, entryBody()), 404, 'not_published');
      expect((await app.http().get(`/api/contests/${draft}`)).status).toBe(404);
    });

    it('403 before the window opens and after it closes', async () => {
      const upcoming = await createContest(app.strapi, {
        entryOpensAt: new Date(Date.now() + HOUR).toISOString(),
        entryClosesAt: new Date(Date.now() + 2 * HOUR).toISOString(),
      });
      expectRefusal(await enter(upcoming, entryBody()), 403, 'window_not_open');
      const closed = await createContest(app.strapi, {
        entryOpensAt: new Date(Date.now() - 2 * HOUR).toISOString(),
        entryClosesAt: new Date(Date.now() - HOUR).toISOString(),
      });
      expectRefusal(await enter(closed, entryBody()), 403, 'window_closed');
    });

    it('403 for the very next entry once an organiser closes the contest, though entries read it from a cache', async () => {
      const closing = await createContest(app.strapi);
      expect((await enter(closing, entryBody())).status).toBe(201);
      await setWindow(app.strapi, closing, new Date(Date.now() - 2 * HOUR), new Date(Date.now() - 1000));
      expectRefusal(await enter(closing, entryBody()), 403, 'window_closed');
    });

    it('422 when the rules are not accepted', async () => {
      expectRefusal(
        await enter(contest, entryBody({ consents: { rules: false, marketing: true } })),
        422,
        'rules_not_accepted'
      );
      expectRefusal(await enter(contest, entryBody({ consents: undefined })), 422, 'rules_not_accepted');
    });

    it('422 under the minimum age, or with no birth date when there is one', async () => {
      const year = new Date().getUTCFullYear();
      expectRefusal(await enter(contest, entryBody({ birthDate: `${year - 17}-01-01` })), 422, 'under_age');
      expectRefusal(await enter(contest, entryBody({ birthDate: null })), 422, 'birth_date_required');
    });

    it('422 when the country is not eligible', async () => {
      const response = await enter(contest, entryBody({ country: 'CH' }));
      expectRefusal(response, 422, 'country_not_eligible');
      expect(response.body.error.details.eligibleCountries).toEqual(['FR', 'BE']);
      expect((await enter(contest, entryBody({ country: 'be' }))).status).toBe(201);
    });

    it('400 for a malformed email', async () => {
      for (const email of ['camille', 'camille@', 'camille@example', 'ca mille@example.fr']) {
        expectRefusal(await enter(contest, entryBody({ email })), 400, 'malformed_email');
      }
    });

    it('400 for a phone number that cannot be read', async () => {
      expectRefusal(await enter(contest, entryBody({ phone: '12' })), 400, 'malformed_phone');
      // A national number needs the country to be read; an international one does not.
      const national = await enter(contest, entryBody({ phone: '06 12 34 56 79', country: null }));
      expectRefusal(national, 400, 'malformed_phone');
      const international = await enter(contest, entryBody({ phone: '+33 6 12 34 56 79', country: null }));
      expectRefusal(international, 422, 'country_required');
    });

    it('400 for a body that is not an entry', async () => {
      expectRefusal(await enter(contest, { name: 'no data wrapper' }), 400, 'invalid_body');
      expectRefusal(await enter(contest, entryBody({ birthDate: '1990-02-31' })), 400, 'invalid_body');
      expectRefusal(await enter(contest, entryBody({ country: 'France' })), 400, 'invalid_body');
      expectRefusal(await enter(contest, entryBody({ name: '' })), 400, 'invalid_body');
    });

    it('409 for a second entry by the same person, however the address is written', async () => {
      expect((await enter(contest, entryBody({ email: 'Jean.Dupont+jeu@gmail.com' }))).status).toBe(201);
      for (const email of [
        'jeandupont@gmail.com',
        'JEAN.DUPONT@googlemail.com',
        'j.e.a.n.dupont+autre@gmail.com',
      ]) {
        expectRefusal(await enter(contest, entryBody({ email })), 409, 'already_entered');
      }
    });

    it('409 for a second address with the same phone number', async () => {
      expect(
        (await enter(contest, entryBody({ email: 'tel1@example.fr', phone: '06 12 34 56 78' }))).status
      ).toBe(201);
      expectRefusal(
        await enter(contest, entryBody({ email: 'tel2@example.fr', phone: '+33612345678' })),
        409,
        'already_entered'
      );
    });

    it('429 with Retry-After once an IP is over its allowance', async () => {
      const limited = await createContest(app.strapi);
      const saved = app.strapi.config.get('plugin::contests.rateLimit');
      app.strapi.config.set('plugin::contests.rateLimit', { max: 2, windowSeconds: 60 });
      try {
        // A fresh window: the limiter counts per IP hash, whatever the contest.
        const rateLimit = app.strapi.plugin('contests').service('rateLimit');
        const hash = app.strapi.plugin('contests').service('entries').hashIp('10.1.2.3');
        await rateLimit.hit(hash);
        await rateLimit.hit(hash);
        await expect(rateLimit.hit(hash, undefined, 'en')).rejects.toThrow(/Too many entries/);

        const statuses: number[] = [];
        let last: any;
        for (let i = 0; i < 4; i += 1) {
          last = await enter(limited, entryBody());
          statuses.push(last.status);
        }
        expect(statuses).toContain(429);
        expect(last.status).toBe(429);
        expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
        expect(last.body.error.details.reason).toBe('rate_limited');
      } finally {
        app.strapi.config.set('plugin::contests.rateLimit', saved);
      }
    });
  });

  describe('fraud signals (recorded, never silently dropped)', () => {
    let flagged: string;
    beforeAll(async () => {
      flagged = await createContest(app.strapi);
    });
    afterEach(() => {
      app.strapi.config.set('plugin::contests.fraud', {
        ipEntryThreshold: 100000,
        burstThreshold: 100000,
        burstWindowSeconds: 60,
        extraDisposableDomains: [],
      });
    });

    const signalsOf = async (publicId: string) =>
      (await app.strapi.db.query(ENTRY).findOne({ where: { publicId } })).fraudSignals.map(
        (s: any) => s.type
      );

    it('puts an entry from a disposable address in review, with the domain', async () => {
      const response = await enter(flagged, entryBody({ email: 'someone@yopmail.com' }));
      expect(response.status).toBe(201);
      expect(response.body.data.status).toBe('review');
      expect(await signalsOf(response.body.data.id)).toEqual(['disposable_email']);
    });

    it('flags many entries from one IP, and bursts', async () => {
      app.strapi.config.set('plugin::contests.fraud', {
        ipEntryThreshold: 4,
        burstThreshold: 100000,
        burstWindowSeconds: 60,
        extraDisposableDomains: [],
      });
      const busy = await createContest(app.strapi);
      const statuses = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await enter(busy, entryBody())).body.data.status);
      expect(statuses).toEqual(['valid', 'valid', 'valid', 'review', 'review']);

      app.strapi.config.set('plugin::contests.fraud', {
        ipEntryThreshold: 100000,
        burstThreshold: 2,
        burstWindowSeconds: 60,
        extraDisposableDomains: [],
      });
      const bursty = await createContest(app.strapi);
      await enter(bursty, entryBody());
      const second = await enter(bursty, entryBody());
      expect(await signalsOf(second.body.data.id)).toEqual(['burst']);
    });

    it('counts only the entries inside the burst window as a burst', async () => {
      app.strapi.config.set('plugin::contests.fraud', {
        ipEntryThreshold: 100000,
        burstThreshold: 2,
        burstWindowSeconds: 60,
        extraDisposableDomains: [],
      });
      const calm = await createContest(app.strapi);
      const earlier = await enter(calm, entryBody());
      // The same address entered ten minutes ago: outside the 60-second window.
      await app.strapi.db.query(ENTRY).update({
        where: { publicId: earlier.body.data.id },
        data: { createdAt: new Date(Date.now() - 600_000) },
      });
      const later = await enter(calm, entryBody());
      expect(later.body.data.status).toBe('valid');
      expect(await signalsOf(later.body.data.id)).toEqual([]);
    });

    it('flags near-duplicate names of different persons', async () => {
      const names = await createContest(app.strapi);
      const first = await enter(names, entryBody({ name: 'Camille Durand' }));
      const second = await enter(names, entryBody({ name: 'DURANT camille' }));
      expect(second.body.data.status).toBe('review');
      const row = await app.strapi.db.query(ENTRY).findOne({ where: { publicId: second.body.data.id } });
      expect(row.fraudSignals).toEqual([{ type: 'near_duplicate_name', similarTo: [first.body.data.id] }]);
      expect((await enter(names, entryBody({ name: 'Paul Martin' }))).body.data.status).toBe('valid');
    });
  });
});
