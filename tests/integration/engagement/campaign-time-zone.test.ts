/**
 * A campaign's time zone (the day its engagement is counted on): an IANA name, or empty for the
 * engagement plugin's default. A name the time zone database does not know is a 400 naming the
 * field, from the content manager as from any other write.
 */
import { bootStrapi, type TestApp } from '../../harness/strapi';

let app: TestApp;

beforeAll(async () => {
  app = await bootStrapi();
});
afterAll(async () => {
  await app?.stop();
});

const campaigns = () => app.strapi.documents('api::campaign.campaign' as any);
const data = (slug: string, timeZone?: string | null) =>
  ({
    name: slug,
    slug,
    objective: 'awareness',
    startsOn: '2026-04-01',
    ...(timeZone !== undefined && { timeZone }),
  }) as any;

it('accepts an IANA time zone, or none', async () => {
  const paris = await campaigns().create({ locale: 'fr', data: data('fuseau-paris', 'Europe/Paris') });
  expect(paris.timeZone).toBe('Europe/Paris');
  const none = await campaigns().create({ locale: 'fr', data: data('fuseau-aucun') });
  expect(none.timeZone ?? null).toBeNull();
  const updated = await campaigns().update({
    documentId: none.documentId,
    locale: 'fr',
    data: { timeZone: 'America/Argentina/Buenos_Aires' } as any,
  });
  expect(updated.timeZone).toBe('America/Argentina/Buenos_Aires');
});

it('refuses a well-formed name that is no time zone, naming the field', async () => {
  await expect(
    campaigns().create({ locale: 'fr', data: data('fuseau-mars', 'Mars/Olympus_Mons') })
  ).rejects.toMatchObject({
    name: 'ValidationError',
    details: { reason: 'invalid_time_zone', field: 'timeZone' },
  });
});

it('answers the content manager a 400 on the field', async () => {
  const token = await app.adminToken();
  const response = await app
    .http()
    .post('/content-manager/collection-types/api::campaign.campaign?locale=fr')
    .set('Authorization', `Bearer ${token}`)
    .send(data('fuseau-admin', 'Europe/Atlantis'));
  expect(response.status).toBe(400);
  expect(response.body.error.details.errors[0].path).toEqual(['timeZone']);
  const typo = await app
    .http()
    .post('/content-manager/collection-types/api::campaign.campaign?locale=fr')
    .set('Authorization', `Bearer ${token}`)
    .send(data('fuseau-typo', 'Europe Paris'));
  expect(typo.status).toBe(400);
});
