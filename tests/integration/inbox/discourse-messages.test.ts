/**
 * Private messages to a Discourse account in the inbox: after the topic sweep, the account's messages
 * listed most recently bumped first, 30 a page, two conversations a call, down to those bumped before
 * the last descent started; each message kept once and private, never the account's own posts nor
 * messages between others nor those from before the first publication; a message written later in an
 * old conversation is read, and one in a conversation bumped while a descent went down is not lost.
 * Answered inside the message (only its participants read it), once; a key that may not list private
 * messages is said on the source while the topics are still read.
 */
import { useInboxApp } from '../../harness/inbox';
import { collected, dueNow, inboxOnce, publishedOnDiscourse, sourceOf } from './helpers';

describe('inbox: Discourse private messages', () => {
  const inbox = useInboxApp();
  const fake = () => inbox.fakes.discourse;
  const HOUR = 3_600_000;
  const MINUTE = 60_000;

  const forumAccount = () => publishedOnDiscourse(inbox.app.strapi, inbox.fakes);

  const round = async (accountId: number) => {
    await dueNow(inbox.app.strapi, accountId);
    await inboxOnce(inbox.app.strapi);
  };
  const rounds = async (accountId: number, count: number) => {
    for (let i = 0; i < count; i++) await round(accountId);
  };
  const ids = async (accountId: number) =>
    (await collected(inbox.app.strapi, { sourceAccountId: accountId })).map((row: any) => row.remoteId);
  /** The pages of the account's list read (`page`, 0 when absent), in order. */
  const listReads = (username: string) =>
    fake()
      .requests.filter((r) => r.path === `/topics/private-messages/${username}.json`)
      .map((r) => Number(new URLSearchParams(r.query).get('page') ?? 0));
  const topicReads = (topicId: number) => fake().requests.filter((r) => r.path === `/t/${topicId}.json`);
  const topicOf = (postId: number) => fake().post(postId)!.topicId;

  /** Readers' messages to the account, a minute apart, the last one `newestAgeMs` old. */
  function messages(username: string, count: number, prefix: string, newestAgeMs = 0) {
    return Array.from({ length: count }, (_, i) =>
      fake().sendPrivateMessage({
        from: `${prefix}${i}`,
        to: username,
        title: `Question ${prefix} ${i}`,
        raw: `Bonjour, voici ma question numéro ${i}.`,
        ageMs: newestAgeMs + (count - 1 - i) * MINUTE,
      })
    );
  }

  afterEach(() => {
    fake().clockOffsetMs = 0;
    fake().refusePrivateMessages = false;
  });

  it('collects each message once, privately, down the pages of the list, then only what is written later', async () => {
    const { account, username } = await forumAccount();
    // The messages come after the first publication: the fake's clock moves an hour on.
    fake().advanceTime(HOUR);
    const early = fake().sendPrivateMessage({
      from: 'ancien',
      to: username,
      title: 'Avant la publication',
      raw: 'Un message écrit bien avant.',
      ageMs: 2 * HOUR,
    });
    const sent = messages(username, 33, 'lecteur', 10 * MINUTE);
    fake().addPost(sent[32], { username, raw: 'Nous regardons cela tout de suite.' });
    const between = fake().sendPrivateMessage({
      from: 'camille',
      to: 'hugo',
      title: 'Entre nous',
      raw: 'Un message entre deux lecteurs.',
    });
    fake().requests.length = 0;

    // Five calls a round: the topic sweep, then two conversations a call, the list's second page last
    // (17 calls: the descent ends in the fourth round).
    await rounds(account.id, 4);
    expect((await ids(account.id)).sort()).toEqual(sent.map(String).sort());
    expect(listReads(username)).toContain(1);
    for (const id of sent) expect(topicReads(topicOf(id))).toHaveLength(1);
    expect(topicReads(topicOf(early))).toHaveLength(0);
    expect(topicReads(topicOf(between))).toHaveLength(0);
    const [first] = await collected(inbox.app.strapi, { remoteId: String(sent[0]) });
    expect(first).toMatchObject({
      sourceNetwork: 'discourse',
      privateMessage: true,
      remoteParentId: null,
      authorHandle: 'lecteur0',
      authorUrl: `${fake().baseUrl}/u/lecteur0`,
      content: 'Bonjour, voici ma question numéro 0.',
    });
    expect(first.remoteUrl).toMatch(new RegExp(`/t/[a-z0-9-]+/${topicOf(sent[0])}/1$`));

    // A reader writes again in an old conversation: that conversation is read, the others are not.
    const again = fake().addPost(sent[3], { username: 'lecteur3', raw: 'Je relance ma question, merci.' });
    fake().requests.length = 0;
    await round(account.id);
    expect(await ids(account.id)).toHaveLength(34);
    expect(await ids(account.id)).toContain(String(again));
    expect(listReads(username)).toEqual([0]);
    expect(topicReads(topicOf(sent[10]))).toHaveLength(0);

    // Nothing new: one read of the list's first page a round.
    fake().requests.length = 0;
    await rounds(account.id, 2);
    expect(listReads(username)).toEqual([0, 0]);
    expect(await ids(account.id)).toHaveLength(34);
  });

  it('keeps the first message of a conversation bumped while a descent went down', async () => {
    const { account, username } = await forumAccount();
    fake().advanceTime(HOUR);
    messages(username, 2, 'avant', 40 * MINUTE);
    await rounds(account.id, 2);
    expect(await ids(account.id)).toHaveLength(2);

    // 20 new conversations: the next descent reads them over three rounds.
    const sent = messages(username, 20, 'lecteur');
    await round(account.id);
    const kept = await ids(account.id);
    const waiting = sent.filter((id) => !kept.includes(String(id)));
    expect(waiting.length).toBeGreaterThan(2);
    // One not reached yet is answered again by its reader: it jumps above where the descent stands.
    const bumped = waiting[0];
    const follow = fake().addPost(bumped, { username: 'relance', raw: 'Toujours là ? Merci.' });
    await rounds(account.id, 4);
    const all = await ids(account.id);
    expect(all).toContain(String(bumped));
    expect(all).toContain(String(follow));
    expect(all).toHaveLength(2 + 20 + 1);
  });

  it('keeps the first message of a conversation bumped ahead of two descents in a row', async () => {
    const { account, username } = await forumAccount();
    fake().advanceTime(HOUR);
    messages(username, 2, 'avant', 40 * MINUTE);
    await rounds(account.id, 2);

    // A descent over 20 conversations, eight a round: the oldest, not reached yet, is answered by its
    // reader and jumps above where the descent stands, ten newer ones above it.
    const sent = messages(username, 20, 'lecteur');
    await round(account.id);
    const twice = sent[0];
    expect(await ids(account.id)).not.toContain(String(twice));
    fake().advanceTime(MINUTE);
    const first = fake().addPost(twice, { username: 'lecteur0', raw: 'Toujours là ? Merci.' });
    fake().advanceTime(10 * MINUTE);
    const others = messages(username, 10, 'nouveau');
    await rounds(account.id, 2);
    expect(await ids(account.id)).not.toContain(String(twice));

    // The next descent reads the ten first: it is answered again before that descent reaches it.
    await round(account.id);
    expect(await ids(account.id)).not.toContain(String(twice));
    fake().advanceTime(MINUTE);
    const second = fake().addPost(twice, { username: 'lecteur0', raw: 'Je relance encore, merci.' });
    await rounds(account.id, 4);

    const all = await ids(account.id);
    expect(all).toEqual(expect.arrayContaining([twice, first, second, ...others, ...sent].map(String)));
    expect(all).toHaveLength(2 + 20 + 10 + 2);
  });

  it('keeps every message while the account archives others above where the descent stands', async () => {
    const { account, username } = await forumAccount();
    fake().advanceTime(HOUR);
    messages(username, 2, 'avant', 40 * MINUTE);
    await rounds(account.id, 2);

    // 40 conversations, two pages of the list; after each round two already read are archived,
    // moving those below them up the list, across the page's end too.
    const sent = messages(username, 40, 'lecteur');
    const archived: number[] = [];
    for (let i = 0; i < 7; i++) {
      await round(account.id);
      const kept = await ids(account.id);
      const read = sent.filter((id) => kept.includes(String(id)) && !archived.includes(id));
      for (const id of read.slice(-2)) {
        fake().archiveMessage(id, username);
        archived.push(id);
      }
    }
    expect(archived.length).toBeGreaterThan(8);
    expect((await ids(account.id)).sort()).toEqual(expect.arrayContaining(sent.map(String)));
    expect(await ids(account.id)).toHaveLength(42);
  });

  it('answers inside the message, once even when sent twice at once', async () => {
    const { account, username } = await forumAccount();
    fake().advanceTime(HOUR);
    const [question] = messages(username, 1, 'lea');
    await round(account.id);
    const [row] = await collected(inbox.app.strapi, { remoteId: String(question) });
    const body = { text: 'Bonjour Léa, votre commande part demain.', idempotencyKey: inbox.answerKey() };
    const { published } = await inbox.answerTwiceAtOnce(row.documentId, body, () =>
      fake().published.filter((p) => p.account === username && p.inReplyTo === String(question))
    );
    const answer = fake().post(published.id)!;
    expect(answer).toMatchObject({ topicId: topicOf(question), replyToPostNumber: 1, raw: body.text });
    // Only the participants read it.
    const asOther = await fetch(`${fake().baseUrl}/t/${answer.topicId}.json`, {
      headers: { 'Api-Key': 'discourse-key', 'Api-Username': 'curieux' },
    });
    expect(asOther.status).toBe(403);
    // Our own answer, read back in the message, is not a reader's message.
    await round(account.id);
    expect(await ids(account.id)).toEqual([String(question)]);
    expect((await inbox.admin('post', `/moderation/comments/${row.documentId}/hide`)).status).toBe(400);
  });

  it('says on the source that the key may not list private messages, and still reads the topics', async () => {
    const { account, username, topic } = await forumAccount();
    fake().refusePrivateMessages = true;
    const reply = fake().addPost(topic.remoteId, { username: 'camille', raw: 'Une question publique ici.' });
    messages(username, 1, 'prive');
    await round(account.id);
    const source = await sourceOf(inbox.app.strapi, account.id);
    expect(source.lastErrorKind).toBe('notice');
    expect(source.lastError).toMatch(/refused to list the private messages of the account/);
    // The queue's panel says it in the editor's language: it gets the notice's code.
    const listed = (await inbox.admin('get', '/moderation/inbox/sources')).body.data.sources;
    expect(listed.find((s: any) => s.accountId === account.id)).toMatchObject({
      lastErrorKind: 'notice',
      notices: ['discourse.messagesRefused'],
    });
    expect(await ids(account.id)).toEqual([String(reply)]);

    // Not asked again before a day: the next rounds read the topics only, and keep saying why.
    fake().requests.length = 0;
    await round(account.id);
    expect(listReads(username)).toEqual([]);
    expect((await sourceOf(inbox.app.strapi, account.id)).lastError).toMatch(/private messages/);
  });
});
