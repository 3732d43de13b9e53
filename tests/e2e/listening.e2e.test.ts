import { openAdmin, type AdminSession } from './harness/browser';
import { fakeApiBaseUrlsEnv, startFakes, type Fakes } from '../fakes';
import { createAccount } from '../integration/cross-post/helpers';
import { listenOnce, mentionsOf } from '../integration/listening/helpers';
import { unique } from '../integration/inbox/helpers';
import { createCampaign } from '../integration/moderation/helpers';

/**
 * A community manager listens for the brand: they save a search on the listening page (the form
 * says what is wrong first), a reader speaks of the brand on Mastodon (the fake), listening collects
 * it into the queue, the manager keeps it as earned media of a campaign, sends it to the inbox as one
 * of the brand's two Mastodon accounts and answers it from the queue, and the answer is on Mastodon
 * under the reader's status, from that account.
 */
describe('listening: from a saved search to an answer on the network', () => {
  let session: AdminSession;
  let fakes: Fakes;

  beforeAll(async () => {
    fakes = await startFakes();
    session = await openAdmin({
      language: 'en',
      env: { CROSS_POST_DISPATCHER: 'false', ...fakeApiBaseUrlsEnv(fakes) },
    });
  });
  afterAll(async () => {
    await session?.close();
    await fakes?.stop();
  });

  it('saves a search in the page, collects a Mastodon mention, attaches it to a campaign, sends it to the inbox as the account chosen and answers it', async () => {
    const { page, baseUrl, app } = session;
    const teamToken = unique('listen-token');
    // Names of this run only: a retry of the test runs on the same database.
    const team = unique('Mastodon (équipe)');
    await createAccount(app.strapi, fakes, 'mastodon', {
      name: team,
      credentials: { accessToken: teamToken },
    });
    await createAccount(app.strapi, fakes, 'mastodon', {
      name: unique('Mastodon (support)'),
      credentials: { accessToken: unique('support-token') },
    });
    const campaignName = unique('Printemps');
    const campaign = await createCampaign(app.strapi, campaignName);
    const brand = unique('Cerf').replace(/[^A-Za-z0-9]/g, '');
    const name = unique('Our brand');

    await page.goto(`${baseUrl}/admin/plugins/moderation/listening`);
    const form = page.getByTestId('saved-search-form');
    await form.waitFor({ timeout: 60_000 }).catch(async (error) => {
      await page.screenshot({ path: '/tmp/listening-page-missing.png', fullPage: true });
      throw error;
    });
    await form.getByLabel('Name').fill(name);
    await form.getByRole('checkbox', { name: 'Mastodon' }).click();
    // No term yet: the API's 400 is shown on the terms field.
    await form.getByRole('button', { name: 'Add the saved search' }).click();
    await form
      .getByText('give at least one term: a brand, product, person or #hashtag', { exact: true })
      .waitFor();
    await form.getByLabel('Terms (brand, products, people, #hashtags)').fill(brand);
    await form.getByRole('button', { name: 'Add the saved search' }).click();
    const saved = page.getByTestId('saved-search').filter({ hasText: name });
    await saved.waitFor();
    await saved.getByText(`Looks for: ${brand}`).waitFor();
    const search = await app.strapi
      .query('plugin::moderation.saved-search' as any)
      .findOne({ where: { name } });
    expect(search).toMatchObject({ terms: [brand], networks: ['mastodon'], languages: ['fr', 'en'] });

    const statusId = fakes.mastodon.addPublicStatus({
      text: `Does ${brand} deliver to Belgium?`,
      acct: 'nina@piaille.fr',
      language: 'en',
    });
    await listenOnce(app.strapi);
    const [mention] = await mentionsOf(app.strapi, search.id);
    expect(mention).toMatchObject({ remoteId: statusId, sourceAccountId: null });

    await page.goto(`${baseUrl}/admin/plugins/moderation?status=all`);
    const card = page.locator(`[data-comment-id="${mention.documentId}"]`);
    await card.waitFor({ timeout: 60_000 }).catch(async (error) => {
      await page.screenshot({ path: '/tmp/listening-queue-missing.png', fullPage: true });
      throw error;
    });
    await card.getByText(`Found by the search ${name}`).waitFor();
    // Kept as earned media of the campaign, picked by its name.
    const picker = card.getByRole('combobox', { name: 'Campaign (earned media)' });
    await picker.click();
    await picker.pressSequentially(campaignName.slice(0, 12), { delay: 20 });
    await page
      .getByRole('option', { name: campaignName })
      .click()
      .catch(async (error) => {
        await page.screenshot({ path: '/tmp/listening-campaign-options.png', fullPage: true });
        throw error;
      });
    await card.getByTestId('attached-campaign').waitFor({ timeout: 30_000 });
    const attached = await app.strapi
      .query('plugin::moderation.comment' as any)
      .findOne({ where: { documentId: mention.documentId } });
    expect(attached.campaignDocumentId).toBe(campaign.documentId);

    // Not answerable until sent to the inbox; two accounts of its network: the manager chooses.
    expect(await card.getByTestId('answer-box').count()).toBe(0);
    await card.getByRole('button', { name: 'Send to the inbox' }).click();
    const choice = card.getByTestId('send-to-inbox');
    await choice.getByRole('combobox', { name: 'Answer as' }).click();
    await page.getByRole('option', { name: team }).click();
    await choice.getByRole('button', { name: 'Send to the inbox as this account' }).click();

    const box = card.getByTestId('answer-box');
    await box.waitFor({ timeout: 30_000 });
    await box
      .getByRole('textbox', { name: `Answer as ${team}` })
      .fill('Hi Nina, yes: everywhere in Belgium.');
    await box.getByRole('button', { name: 'Answer on Mastodon' }).click();
    await box.getByTestId('answer').filter({ hasText: 'Answered' }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: '/tmp/listening-answer.png', fullPage: true });

    const online = fakes.mastodon.published.filter((post) => post.inReplyTo === statusId);
    // From the account chosen (the fake names an account by its token).
    expect(online).toEqual([
      expect.objectContaining({ text: 'Hi Nina, yes: everywhere in Belgium.', account: teamToken }),
    ]);
  });
});
