/**
 * A contest's eligible countries are ISO codes, whatever writes them (the admin's country picker,
 * the REST API, a script): anything else is refused with a 400 naming the field, inside the event's
 * contest component, and the contest keeps taking entries from the countries it names.
 */
import { bootStrapi, type TestApp } from '../../harness/strapi';
import { createContest, entryBody, QUIET_ENV } from './contest-fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await bootStrapi({ env: QUIET_ENV });
});
afterAll(async () => {
  await app?.stop();
});

const setCountries = (documentId: string, eligibleCountries: unknown) =>
  app.strapi.documents('api::event.event').update({
    documentId,
    locale: 'fr',
    data: { contest: { organizer: 'Roue Libre SAS', eligibleCountries } } as any,
  });

describe('eligible countries', () => {
  it('refuses what is not a list of ISO country codes, naming the field', async () => {
    const contest = await createContest(app.strapi);
    await expect(setCountries(contest, ['fr'])).rejects.toMatchObject({
      name: 'ValidationError',
      message:
        'contest.eligibleCountries must hold ISO 3166 country codes in capitals such as "FR" (not "fr")',
      details: { reason: 'invalid_input', field: 'contest.eligibleCountries' },
    });
    await expect(setCountries(contest, 'FR')).rejects.toMatchObject({
      details: { field: 'contest.eligibleCountries' },
    });
    await expect(setCountries(contest, ['FR', 'FR'])).rejects.toMatchObject({
      message: 'contest.eligibleCountries must name each country once',
    });
    await expect(
      createContest(app.strapi, { eligibleCountries: ['FR', 'Narnia'] } as any)
    ).rejects.toMatchObject({ details: { field: 'contest.eligibleCountries' } });
  });

  it('keeps the codes it accepts, and enters people from those countries only', async () => {
    const contest = await createContest(app.strapi, { eligibleCountries: ['BE', 'CH'] } as any);
    const stored = await app.strapi.documents('api::event.event').findOne({
      documentId: contest,
      locale: 'fr',
      populate: ['contest'],
    } as any);
    expect((stored as any).contest.eligibleCountries).toEqual(['BE', 'CH']);
    const swiss = await app
      .http()
      .post(`/api/contests/${contest}/entries`)
      .send(entryBody({ country: 'CH' } as any));
    expect(swiss.status).toBe(201);
  });
});
