/**
 * A listening mention sent to the inbox is answered as the account on its network, like any inbox
 * item; attached to a campaign, the queue's campaign filter finds it as earned media.
 */
import { createAccount } from '../cross-post/helpers';
import { createCampaign } from '../moderation/helpers';
import {
  createSearch,
  listenOnce,
  listeningOnFakes,
  mentionsOf,
  searchAccounts,
  unique,
  type ListeningSession,
} from './helpers';

describe('listening: mentions to the inbox and to campaigns', () => {
  let session: ListeningSession;
  let accounts: Awaited<ReturnType<typeof searchAccounts>>;
  // A second Mastodon account: a mention found by search was addressed to neither, so one is chosen.
  let support: { id: number };
  const supportToken = unique('support-token');
  listeningOnFakes((s) => (session = s));
  beforeAll(async () => {
    accounts = await searchAccounts(session.app.strapi, session.fakes);
    support = await createAccount(session.app.strapi, session.fakes, 'mastodon', {
      name: 'Support (Mastodon)',
      credentials: { accessToken: supportToken },
    });
  });

  const as = (method: 'post' | 'put' | 'get', url: string, body?: object) => {
    const request = session.app.http()[method](url).set('Authorization', `Bearer ${session.token}`);
    return body ? request.send(body) : request;
  };

  async function mastodonMention() {
    const brand = unique('Cerf').replace('-', '');
    const search = await createSearch(session, { terms: [brand], networks: ['mastodon'] });
    const statusId = session.fakes.mastodon.addPublicStatus({
      text: `Est-ce que ${brand} livre en Belgique ?`,
      acct: 'nina@piaille.fr',
      language: 'fr',
    });
    await listenOnce(session.app.strapi);
    const [mention] = await mentionsOf(session.app.strapi, search.id);
    return { mention, statusId };
  }

  it('is answered from the queue as the account chosen when sent to the inbox', async () => {
    const { mention, statusId } = await mastodonMention();
    const before = await as('post', `/moderation/comments/${mention.documentId}/reply`, {
      text: 'Oui !',
      idempotencyKey: unique('answer'),
    });
    expect(before.status).toBe(400);

    const offered = await as('get', `/moderation/comments/${mention.documentId}/answering-accounts`);
    expect(offered.status).toBe(200);
    expect(offered.body.data.network).toBe('mastodon');
    // The one chosen is not the first offered: taking the first would not answer as it.
    expect(offered.body.data.accounts.map((a: any) => a.accountId)).toEqual([
      accounts.mastodon.id,
      support.id,
    ]);

    // Two Mastodon accounts: which one answers is asked, never guessed.
    const unchosen = await as('post', `/moderation/comments/${mention.documentId}/send-to-inbox`, {});
    expect(unchosen.status).toBe(400);
    expect(unchosen.body.error.details.field).toBe('accountId');
    expect(unchosen.body.error.message).toContain('Support (Mastodon)');

    const wrongNetwork = await as('post', `/moderation/comments/${mention.documentId}/send-to-inbox`, {
      accountId: accounts.x.id,
    });
    expect(wrongNetwork.status).toBe(400);
    expect(wrongNetwork.body.error.details).toMatchObject({
      reason: 'no_account_to_answer',
      field: 'accountId',
    });
    expect(wrongNetwork.body.error.message).toMatch(
      /^accountId: account \d+ .* is on x, this mention on mastodon/
    );

    const sent = await as('post', `/moderation/comments/${mention.documentId}/send-to-inbox`, {
      accountId: support.id,
    });
    expect(sent.status).toBe(200);
    expect(sent.body.data).toMatchObject({ accountId: support.id, accountName: 'Support (Mastodon)' });
    const card = await as('get', `/moderation/comments/${mention.documentId}`);
    expect(card.body.data.source).toMatchObject({ accountId: support.id, accountName: 'Support (Mastodon)' });

    const answer = await as('post', `/moderation/comments/${mention.documentId}/reply`, {
      text: 'Bonjour Nina, oui, partout en Belgique.',
      idempotencyKey: unique('answer'),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data.status).toBe('sent');
    const onNetwork = session.fakes.mastodon.published.filter((p) => p.inReplyTo === statusId);
    expect(onNetwork).toEqual([
      expect.objectContaining({ text: 'Bonjour Nina, oui, partout en Belgique.', account: supportToken }),
    ]);
  });

  it('is sent as the only account of its network without asking', async () => {
    const brand = unique('Daim').replace('-', '');
    const search = await createSearch(session, { terms: [brand], networks: ['x'] });
    session.fakes.x.addPublicTweet({ text: `${brand} livre le dimanche ?`, lang: 'fr' });
    await listenOnce(session.app.strapi);
    const [mention] = await mentionsOf(session.app.strapi, search.id);

    const sent = await as('post', `/moderation/comments/${mention.documentId}/send-to-inbox`, {});
    expect(sent.status).toBe(200);
    expect(sent.body.data.accountId).toBe(accounts.x.id);
  });

  it('is attached to a campaign as earned media and found by the campaign filter', async () => {
    const { mention } = await mastodonMention();
    const campaign = await createCampaign(session.app.strapi);
    const attached = await as('put', `/moderation/comments/${mention.documentId}/campaign`, {
      campaign: campaign.documentId,
    });
    expect(attached.status).toBe(200);
    const queue = await as('get', `/moderation/comments?status=all&campaign=${campaign.documentId}`);
    expect(queue.body.data.map((c: any) => c.id)).toEqual([mention.documentId]);

    const unknown = await as('put', `/moderation/comments/${mention.documentId}/campaign`, {
      campaign: 'nosuchcampaign',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details.reason).toBe('campaign_not_found');
  });
});
