/**
 * Discord direct messages to the account's bot. Discord never lists them: the gateway (a WebSocket
 * session per bot) tells of each, and the inbox reads the conversations it heard of through the REST
 * API. A message comes in once, private, and is answered in the DM exactly once; a message sent while
 * the gateway was away is still collected (Discord replays it on Resume, or the inbox reads every
 * known conversation after a gap); a person who blocked the bot does not stop the others; a refused
 * token is not tried again and again.
 */
import { useInboxApp } from '../../harness/inbox';
import { createAccount } from '../cross-post/helpers';
import { collected, dueNow, inboxOnce, publishOne, sourceOf, unique } from './helpers';

const until = async (what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('inbox: Discord direct messages', () => {
  const inbox = useInboxApp();
  const gateway = () => inbox.app.strapi.plugin('cross-post').service('gateway');
  const account = (id: number) =>
    inbox.app.strapi.query('plugin::cross-post.social-account' as any).findOne({ where: { id } });
  const heardIn = (accountId: number) =>
    inbox.app.strapi.query('plugin::cross-post.direct-channel' as any).findMany({ where: { accountId } });

  /** A Discord account of its own, with its webhook and `bot`. */
  const discordAccount = (bot: string) =>
    createAccount(inbox.app.strapi, inbox.fakes, 'discord', {
      name: unique('Discord'),
      credentials: {
        webhookId: String(Math.floor(Math.random() * 1e12)),
        webhookToken: unique('hook'),
        botToken: bot,
      },
    });

  /** A Discord account with its own bot that published once, its gateway session open. */
  async function discordBot() {
    const bot = unique('bot');
    const created = await discordAccount(bot);
    await publishOne(inbox.app.strapi, created.id);
    inbox.fakes.discord.gateway.heartbeatMs = 200;
    await gateway().sync();
    await until(
      'the gateway session',
      async () =>
        inbox.fakes.discord.gateway.connected(bot) === 1 && !!(await account(created.id)).gatewaySince
    );
    return { bot, accountId: created.id };
  }

  /**
   * The account's next pass of its conversations starts from now, as it would a minute after the
   * last (a pass starts a minute early): its floor is moved in the stored cursor.
   */
  async function passFloorNow(accountId: number) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { repliesCursor } = await account(accountId);
    const [sweep] = String(repliesCursor ?? '').split('|');
    const floor = String((BigInt(Date.now()) - 1_420_070_400_000n) << 22n);
    await inbox.app.strapi
      .query('plugin::cross-post.social-account' as any)
      .update({ where: { id: accountId }, data: { repliesCursor: `${sweep}||${floor},,,` } });
  }

  /** A person writes to the bot, and the gateway has heard it (the conversation moved up to it). */
  async function writesToBot(bot: string, accountId: number, message: { from: string; text: string }) {
    const sent = inbox.fakes.discord.sendDirectMessage(bot, message);
    await until(`${message.from}'s message heard`, async () =>
      (await heardIn(accountId)).some((c: any) => c.lastMessageId === sent.messageId)
    );
    return sent;
  }

  const readInbox = async (accountId: number) => {
    await dueNow(inbox.app.strapi, accountId);
    await inboxOnce(inbox.app.strapi);
    return collected(inbox.app.strapi, { sourceAccountId: accountId });
  };

  it('collects a direct message heard on the gateway once, private, and answers it in the DM once', async () => {
    const { bot, accountId } = await discordBot();
    const dm = await writesToBot(bot, accountId, {
      from: 'ines',
      text: 'Bonjour, ma commande 4521 n’est jamais arrivée, vous pouvez regarder ?',
    });

    const rows = await readInbox(accountId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      sourceNetwork: 'discord',
      remoteId: `${dm.channelId}:${dm.messageId}`,
      authorHandle: 'ines',
      privateMessage: true,
      intent: 'question',
    });
    expect(await readInbox(accountId)).toHaveLength(1);

    const { published } = await inbox.answerTwiceAtOnce(
      rows[0].documentId,
      { text: 'Bonjour Inès, je regarde tout de suite.', idempotencyKey: inbox.answerKey() },
      () => inbox.fakes.discord.published.filter((p) => p.text === 'Bonjour Inès, je regarde tout de suite.')
    );
    const answer = inbox.fakes.discord.message(published.id);
    expect(answer.channel_id).toBe(dm.channelId);
    expect(answer.message_reference.message_id).toBe(dm.messageId);
    // The bot's answer came back on the gateway too: not a reader's message.
    expect(await readInbox(accountId)).toHaveLength(1);

    // The account deleted: its session closes and its conversations go with it.
    expect((await inbox.admin('delete', `/cross-post/accounts/${accountId}`)).status).toBe(200);
    await until('the session closed', () => inbox.fakes.discord.gateway.connected(bot) === 0);
    expect(await heardIn(accountId)).toEqual([]);
  });

  it('reads only the conversations that moved, and every one once the gateway missed some, several a call', async () => {
    const { bot, accountId } = await discordBot();
    const people = ['ines', 'paul', 'lea', 'hugo', 'sami', 'noa'];
    for (const from of people)
      inbox.fakes.discord.sendDirectMessage(bot, { from, text: `Bonjour, c’est ${from}` });
    await until('six conversations heard', async () => (await heardIn(accountId)).length === 6);
    expect(await readInbox(accountId)).toHaveLength(6);
    const dmPaths = people.map((from) => `/channels/${inbox.fakes.discord.dmChannelOf(bot, from)}/messages`);
    const dmReads = () =>
      inbox.fakes.discord.requests
        .filter((r) => r.method === 'GET' && dmPaths.includes(r.path))
        .map((r) => r.path)
        .sort();

    // A later pass (its floor after those messages, as a minute later): only Léa's conversation moved.
    await passFloorNow(accountId);
    await writesToBot(bot, accountId, { from: 'lea', text: 'Merci beaucoup !' });
    inbox.fakes.discord.requests.length = 0;
    expect(await readInbox(accountId)).toHaveLength(7);
    expect(dmReads()).toEqual([dmPaths[2]]);

    // Paul blocked the bot: his conversation cannot be read any more, the others still are.
    inbox.fakes.discord.blockedChannels.add(inbox.fakes.discord.dmChannelOf(bot, 'paul'));
    await passFloorNow(accountId);
    // The connection drops and Discord forgets the session: what Inès writes meanwhile is never pushed.
    const identified = inbox.fakes.discord.gateway.identifies;
    inbox.fakes.discord.gateway.drop(bot, { resumable: false });
    const missed = inbox.fakes.discord.sendDirectMessage(bot, { from: 'ines', text: 'Toujours rien reçu…' });
    await until(
      'a new session',
      () =>
        inbox.fakes.discord.gateway.identifies > identified &&
        inbox.fakes.discord.gateway.connected(bot) === 1
    );
    inbox.fakes.discord.requests.length = 0;
    const rows = await readInbox(accountId);
    expect(rows).toHaveLength(8);
    expect(rows.find((row: any) => row.content === 'Toujours rien reçu…')?.remoteId).toBe(
      `${missed.channelId}:${missed.messageId}`
    );
    // After the gap, every conversation heard so far was read, once.
    expect(dmReads()).toEqual([...dmPaths].sort());
    expect((await sourceOf(inbox.app.strapi, accountId)).lastError ?? null).toBeNull();
  });

  it('gets what was sent while the connection was away from Discord’s replay on Resume', async () => {
    const { bot, accountId } = await discordBot();
    inbox.fakes.discord.gateway.drop(bot, { resumable: true });
    const dm = inbox.fakes.discord.sendDirectMessage(bot, {
      from: 'zoe',
      text: 'Vous êtes ouverts dimanche ?',
    });
    await until('the conversation heard after Resume', async () => (await heardIn(accountId)).length === 1);
    expect(inbox.fakes.discord.gateway.resumes).toBeGreaterThanOrEqual(1);

    // Discord asks for a new connection: the session resumes, and hears on.
    inbox.fakes.discord.gateway.askReconnect(bot);
    await until(
      'resumed after Reconnect',
      () => inbox.fakes.discord.gateway.resumes >= 2 && inbox.fakes.discord.gateway.connected(bot) === 1
    );
    const later = await writesToBot(bot, accountId, { from: 'zoe', text: 'Et lundi ?' });

    const rows = await readInbox(accountId);
    expect(rows.map((row: any) => row.remoteId)).toEqual([
      `${dm.channelId}:${dm.messageId}`,
      `${later.channelId}:${later.messageId}`,
    ]);
  });

  it('says on the source when no gateway session hears the bot, and still reads the conversations heard', async () => {
    const { bot, accountId } = await discordBot();
    await writesToBot(bot, accountId, { from: 'ali', text: 'Bonjour !' });
    expect(await readInbox(accountId)).toHaveLength(1);

    // The instance holding the session stops: nobody hears Ali's next message.
    await gateway().stop();
    try {
      const unheard = inbox.fakes.discord.sendDirectMessage(bot, { from: 'ali', text: 'Vous êtes là ?' });
      await inbox.app.strapi
        .query('plugin::cross-post.social-account' as any)
        .update({ where: { id: accountId }, data: { gatewayAliveAt: new Date(Date.now() - 5 * 60_000) } });
      const rows = await readInbox(accountId);
      expect(rows.map((row: any) => row.remoteId)).toContain(`${unheard.channelId}:${unheard.messageId}`);
      expect(await sourceOf(inbox.app.strapi, accountId)).toMatchObject({
        lastErrorKind: 'notice',
        lastError: expect.stringMatching(/gateway is not connected/),
        notices: 'discord.gatewayAway',
      });
    } finally {
      gateway().start();
    }
  });

  it('reads every conversation again when a message heard could not be written down', async () => {
    const { bot, accountId } = await discordBot();
    await writesToBot(bot, accountId, { from: 'rose', text: 'Bonjour' });
    expect(await readInbox(accountId)).toHaveLength(1);
    await passFloorNow(accountId);

    // The database fails the moment the gateway hears Rose again.
    const db = inbox.app.strapi.db;
    const query = db.query.bind(db);
    let failed = 0;
    const spy = jest.spyOn(db, 'query').mockImplementation(((uid: string) => {
      if (uid === 'plugin::cross-post.direct-channel' && failed === 0) {
        failed += 1;
        throw new Error('database unavailable');
      }
      return query(uid as any);
    }) as any);
    try {
      const since = (await account(accountId)).gatewaySince;
      const unwritten = inbox.fakes.discord.sendDirectMessage(bot, { from: 'rose', text: 'Toujours là ?' });
      await until(
        'the gap written down',
        async () => failed === 1 && (await account(accountId)).gatewaySince > since
      );
      spy.mockRestore();
      const rows = await readInbox(accountId);
      expect(rows.map((row: any) => row.remoteId)).toContain(`${unwritten.channelId}:${unwritten.messageId}`);
    } finally {
      spy.mockRestore();
    }
  });

  it('looks an answer up once Discord’s nonce is forgotten, and never sends it again blindly', async () => {
    const { bot, accountId } = await discordBot();
    const dm = await writesToBot(bot, accountId, {
      from: 'yanis',
      text: 'Le stand ouvre à quelle heure ?',
    });
    const [row] = await readInbox(accountId);
    const path = `/moderation/comments/${row.documentId}/reply`;
    // The minutes in which Discord would answer a re-send with the first message are over.
    const pastTheNonce = (text: string) =>
      inbox.app.strapi
        .query('plugin::cross-post.reply' as any)
        .updateMany({ where: { text }, data: { firstAttemptAt: new Date(Date.now() - 10 * 60_000) } });

    const kept = { text: 'À 9 h, devant la halle.', idempotencyKey: inbox.answerKey() };
    inbox.fakes.discord.failNext('drop-after-accept');
    expect((await inbox.admin('post', path, kept)).body.data.status).toBe('unconfirmed');
    // Then Yanis wrote the same words in reply to his own message: not ours.
    inbox.fakes.discord.sendDirectMessage(bot, { from: 'yanis', text: kept.text, replyTo: dm.messageId });
    await pastTheNonce(kept.text);
    const found = (await inbox.admin('post', path, kept)).body.data;
    const sent = inbox.fakes.discord.published.filter((p) => p.text === kept.text);
    expect(sent).toHaveLength(1);
    expect(found).toMatchObject({ status: 'sent', remoteId: `${dm.channelId}:${sent[0].id}` });

    const lost = { text: 'Et jusqu’à 18 h.', idempotencyKey: inbox.answerKey() };
    inbox.fakes.discord.failNext('drop-before-store');
    expect((await inbox.admin('post', path, lost)).body.data.status).toBe('unconfirmed');
    await pastTheNonce(lost.text);
    expect((await inbox.admin('post', path, lost)).body.data.status).toBe('unconfirmed');
    expect(inbox.fakes.discord.published.filter((p) => p.text === lost.text)).toHaveLength(0);
  });

  it('does not connect with a bot token Discord refuses, and does not try it again', async () => {
    const bot = unique('bot');
    inbox.fakes.discord.refusedBotTokens.add(bot);
    const asked = () => inbox.fakes.discord.requests.filter((r) => r.path === '/gateway/bot').length;
    const before = asked();
    const created = await discordAccount(bot);
    // Saving the account looked at once; looking again does not ask Discord again.
    await gateway().sync();
    await gateway().sync();
    expect(asked()).toBe(before + 1);
    expect(gateway().holds(created.id)).toBe(false);
    expect(inbox.fakes.discord.gateway.connected(bot)).toBe(0);
  });
});
