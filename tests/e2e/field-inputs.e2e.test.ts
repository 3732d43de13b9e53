/**
 * Where editors used to type JSON: a post's hashtags are typed one by one (the `#` added, a word that
 * is not a hashtag refused, the hashtags of past posts suggested), and a contest's countries are
 * picked by their French names, stored as ISO codes.
 */
import { openAdmin, type AdminSession } from './harness/browser';
import { createContest, QUIET_ENV } from '../integration/contests/contest-fixtures';

describe('real inputs in the content manager, in French', () => {
  let session: AdminSession;
  let post: string;
  let contest: string;

  beforeAll(async () => {
    session = await openAdmin({ language: 'fr', env: { ...QUIET_ENV, CROSS_POST_DISPATCHER: 'false' } });
    const posts = session.app.strapi.documents('api::post.post' as any);
    await posts.create({
      locale: 'fr',
      data: {
        title: 'Mai à vélo commence',
        body: 'C’est parti',
        hashtags: ['#MaiAVelo', '#RoueLibre'],
      } as any,
    });
    post = (
      await posts.create({ locale: 'fr', data: { title: 'La sortie de samedi', body: 'Rendez-vous' } as any })
    ).documentId;
    contest = await createContest(session.app.strapi, { eligibleCountries: ['FR'] } as any, {
      publish: false,
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  const stored = async (uid: string, documentId: string, populate?: string[]) =>
    (await session.app.strapi
      .documents(uid as any)
      .findOne({ documentId, locale: 'fr', populate } as any)) as any;

  it('types hashtags one by one, refuses a non-word, and offers the ones used before', async () => {
    const { page, baseUrl } = session;
    await page.goto(
      `${baseUrl}/admin/content-manager/collection-types/api::post.post/${post}?plugins[i18n][locale]=fr`
    );
    const input = page.getByPlaceholder('Tapez un hashtag, puis Entrée');
    await input.waitFor({ timeout: 60_000 });
    await input.click();
    await page.keyboard.type('vélo, c++');
    await page.keyboard.press('Enter');
    const held = page.getByTestId('hashtags-held');
    await held.getByText('#vélo', { exact: true }).waitFor();
    await page.getByTestId('hashtags-refused').getByText('« c++ » n’est pas un hashtag').waitFor();
    // Suggested from the other post: picked with one click.
    await page.getByRole('button', { name: 'Ajouter #MaiAVelo (utilisé 1 fois)' }).click();
    await held.getByText('#MaiAVelo', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Enregistrer' }).click();
    let hashtags: unknown;
    for (let tries = 0; tries < 50 && JSON.stringify(hashtags) !== '["#vélo","#MaiAVelo"]'; tries++) {
      await page.waitForTimeout(200);
      hashtags = (await stored('api::post.post', post)).hashtags;
    }
    expect(hashtags).toEqual(['#vélo', '#MaiAVelo']);
  });

  it('heads each network variant with its network and the start of its text', async () => {
    const { page, baseUrl, app } = session;
    const withVariants = await app.strapi.documents('api::post.post' as any).create({
      locale: 'fr',
      data: {
        title: 'Trois réseaux',
        body: 'Le texte principal',
        variants: [
          { network: 'mastodon', text: 'Samedi, on roule jusqu’à Annecy' },
          { network: 'linkedin', text: 'Nos équipes vous attendent samedi' },
        ],
      } as any,
    });
    await page.goto(
      `${baseUrl}/admin/content-manager/collection-types/api::post.post/${withVariants.documentId}?plugins[i18n][locale]=fr`
    );
    await page.getByText('Mastodon — Samedi, on roule jusqu’à Annecy').first().waitFor({ timeout: 60_000 });
    await page.getByText('LinkedIn — Nos équipes vous attendent samedi').first().waitFor();
    // Written by the app, not typed: no input for it.
    expect(await page.getByLabel(/^Résumé/).count()).toBe(0);
  });

  it('picks a contest’s countries by their French names and stores ISO codes', async () => {
    const { page, baseUrl } = session;
    await page.goto(
      `${baseUrl}/admin/content-manager/collection-types/api::event.event/${contest}?plugins[i18n][locale]=fr`
    );
    const countries = page.getByTestId('countries-input');
    await countries.waitFor({ timeout: 60_000 });
    await countries.getByText('France').waitFor();
    await countries.getByRole('combobox').click();
    await page.getByRole('option', { name: 'Belgique' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    let codes: unknown;
    for (let tries = 0; tries < 50 && JSON.stringify(codes) !== '["FR","BE"]'; tries++) {
      await page.waitForTimeout(200);
      codes = (await stored('api::event.event', contest, ['contest'])).contest.eligibleCountries;
    }
    expect(codes).toEqual(['FR', 'BE']);
  });
});
