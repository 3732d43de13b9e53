import { openAdmin, type AdminSession } from './harness/browser';
import { fakeApiBaseUrlsEnv, startFakes, type Fakes } from '../fakes';
import { createAccount, waitFor } from '../integration/cross-post/helpers';
import { collected, inboxOnce, publishOne, unique } from '../integration/inbox/helpers';

/**
 * A community manager answers a mention from the moderation queue: a reader replies to our post on
 * Bluesky (the fake), the inbox collects it, the moderator starts from a saved reply in the answer
 * box, sends it, and the answer is online on the network, threaded under the reader's post. A
 * reader's private message to the Telegram bot is shown as private, and its answer goes to that chat.
 */
describe('inbox: answering a network reply from the queue', () => {
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

  it('collects a Bluesky reply, answers it from the queue with a saved reply, and the answer is on Bluesky', async () => {
    const { page, baseUrl, app, adminToken } = session;
    const identifier = `${unique('pv')}.bsky.social`;
    const account = await createAccount(app.strapi, fakes, 'bluesky', {
      name: 'Bluesky (équipe)',
      credentials: { identifier, appPassword: 'app-password' },
    });
    const { remoteId } = await publishOne(app.strapi, account.id);
    const mention = fakes.bluesky.addReply(identifier, {
      parentUri: remoteId,
      text: 'Is the workshop open to beginners?',
      handle: 'sam.bsky.social',
      langs: ['en'],
    });
    await inboxOnce(app.strapi);
    const [item] = await collected(app.strapi, { remoteId: mention });
    expect(item).toBeTruthy();

    // The saved reply is written on its page, in English.
    const title = unique('Beginners welcome');
    await page.goto(`${baseUrl}/admin/plugins/moderation/saved-replies`);
    const form = page.getByTestId('saved-reply-form');
    await form.waitFor({ timeout: 60_000 });
    await form.getByLabel('Title (for your team)').fill(title);
    await form.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await form.getByLabel('Answer').fill('Hi {author}, yes: everyone is welcome!');
    await form.getByRole('button', { name: 'Add the saved reply' }).click();
    await page.getByTestId('saved-reply').filter({ hasText: title }).waitFor();
    expect(adminToken).toBeTruthy();

    await page.goto(`${baseUrl}/admin/plugins/moderation?status=all`);
    const card = page.locator(`[data-comment-id="${item.documentId}"]`);
    await card.waitFor({ timeout: 60_000 }).catch(async (error) => {
      await page.screenshot({ path: '/tmp/inbox-queue-missing.png', fullPage: true });
      throw error;
    });
    await card.getByText('Is the workshop open to beginners?').waitFor();
    const box = card.getByTestId('answer-box');
    await box.getByRole('combobox', { name: 'Start from a saved reply' }).click();
    await page.getByRole('option', { name: `EN · ${title}` }).click();
    const answer = box.getByRole('textbox', { name: 'Answer as Bluesky (équipe)' });
    expect(await answer.inputValue()).toBe('Hi sam.bsky.social, yes: everyone is welcome!');
    await answer.fill('Hi sam.bsky.social, yes: everyone is welcome! See you Saturday.');
    await box.getByRole('button', { name: 'Answer on Bluesky' }).click();
    await box.getByTestId('answer').filter({ hasText: 'Answered' }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: '/tmp/inbox-answer.png', fullPage: true });

    // On the network: one post, in the reader's thread, under their reply.
    // (polled: one run read the list before the answer was in it, cause not found)
    const online = await waitFor(
      async () => fakes.bluesky.published.filter((post) => post.inReplyTo === mention),
      (list) => list.length > 0,
      10_000
    ).catch(() => fakes.bluesky.published.filter((post) => post.inReplyTo === mention));
    expect(online).toHaveLength(1);
    const record = fakes.bluesky.recordAt(online[0].id);
    expect(record.text).toBe('Hi sam.bsky.social, yes: everyone is welcome! See you Saturday.');
    expect(record.reply.parent.uri).toBe(mention);
    expect(record.reply.root.uri).toBe(remoteId);
  });

  it('shows a private message to the Telegram bot as private, and the answer goes to that chat only', async () => {
    const { page, baseUrl, app } = session;
    const bot = `${Math.floor(Math.random() * 1e9)}:${unique('bot')}`;
    const account = await createAccount(app.strapi, fakes, 'telegram', {
      name: 'Telegram (bot)',
      credentials: { botToken: bot, chatId: '@porte_voix' },
    });
    await publishOne(app.strapi, account.id);
    const dm = fakes.telegram.addDirectMessage(bot, { text: 'My order 4521 has not arrived', from: 'lea' });
    await inboxOnce(app.strapi);
    const [item] = await collected(app.strapi, { sourceAccountId: account.id });
    expect(item).toBeTruthy();
    const inChannel = () => fakes.telegram.published.filter((p) => p.account === bot && !p.inReplyTo);
    const channelBefore = inChannel().length;

    await page.goto(`${baseUrl}/admin/plugins/moderation?status=all&source=private-messages`);
    const card = page.locator(`[data-comment-id="${item.documentId}"]`);
    await card.waitFor({ timeout: 60_000 });
    await card.getByText('Private message', { exact: true }).waitFor();
    const box = card.getByTestId('answer-box');
    expect(await box.getByTestId('answer-private').textContent()).toBe(
      'A private message: the answer is sent privately to @lea, never in public.'
    );
    await box.getByRole('textbox', { name: 'Answer as Telegram (bot)' }).fill('We are looking into it, Léa.');
    await box.getByRole('button', { name: 'Answer on Telegram' }).click();
    await box.getByTestId('answer').filter({ hasText: 'Answered' }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: '/tmp/inbox-private-answer.png', fullPage: true });

    // In the reader's own chat with the bot, under their message; nothing in the channel.
    const sent = await waitFor(
      async () => fakes.telegram.published.filter((p) => p.account === bot && p.inReplyTo),
      (list) => list.length > 0,
      10_000
    );
    expect(sent).toEqual([
      expect.objectContaining({
        text: 'We are looking into it, Léa.',
        inReplyTo: `${dm.chatId}:${dm.messageId}`,
      }),
    ]);
    expect(inChannel()).toHaveLength(channelBefore);

    // A second answer whose connection drops once Telegram has it: said in the editor's words first.
    fakes.telegram.failNext('drop-after-accept');
    await box.getByRole('textbox', { name: 'Answer as Telegram (bot)' }).fill('It ships tomorrow.');
    await box.getByRole('button', { name: 'Answer on Telegram' }).click();
    await box
      .getByTestId('answer-failure-kind')
      .filter({ hasText: 'The answer may have gone out: check on the network before writing it again.' })
      .waitFor({ timeout: 30_000 });
  });

  it('says which inbox source needs attention, and why, in the editor’s language', async () => {
    const { page, baseUrl, app } = session;
    const username = unique('porte-voix');
    const name = unique('Forum');
    const account = await createAccount(app.strapi, fakes, 'discourse' as any, {
      name,
      credentials: { apiKey: 'discourse-key', username, category: 'Annonces' },
    });
    await publishOne(app.strapi, account.id);
    fakes.discourse.refusePrivateMessages = true;
    try {
      await inboxOnce(app.strapi);
    } finally {
      fakes.discourse.refusePrivateMessages = false;
    }

    await page.goto(`${baseUrl}/admin/plugins/moderation?status=all`);
    const panel = page.getByTestId('inbox-sources');
    await panel.waitFor({ timeout: 60_000 });
    await panel.getByTestId('inbox-sources-attention').waitFor();
    await panel.getByRole('button', { name: 'Show' }).click();
    const source = panel.getByTestId('inbox-source').filter({ hasText: name });
    expect(await source.getByText(`Discourse · ${name}`).count()).toBe(1);
    // Cross-post names what it cannot read with a code: the panel says it in the editor's language.
    expect(await source.getByTestId('inbox-source-problem').textContent()).toBe(
      'Part of this account cannot be read; the rest is collected. Discourse refuses to list the account’s private messages: only the topics are read. Give the API key the “All Users” or “Single User” level with read access to private messages, then reconnect the account.'
    );
    await page.screenshot({ path: '/tmp/inbox-sources.png', fullPage: true });
  });
});
