/**
 * A listening mention sent to the inbox is answered as the account on its network, like any inbox
 * item; attached to a campaign, the queue's campaign filter finds it as earned media.
 */
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
  listeningOnFakes((s) => (session = s));
  beforeAll(async () => {
    accounts = await searchAccounts(session.app.strapi, session.fakes);
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

  it('is answered from the queue once sent to the inbox, and the answer is on the network', async () => {
    const { mention, statusId } = await mastodonMention();
    const before = await as('post', `/moderation/comments/${mention.documentId}/reply`, {
      text: 'Oui !',
      idempotencyKey: unique('answer'),
    });
    expect(before.status).toBe(400);

    const sent = await as('post', `/moderation/comments/${mention.documentId}/send-to-inbox`, {});
    expect(sent.status).toBe(200);
    expect(sent.body.data.accountId).toBe(accounts.mastodon.id);
    const answer = await as('post', `/moderation/comments/${mention.documentId}/reply`, {
      text: 'Bonjour Nina, oui, partout en Belgique.',
      idempotencyKey: unique('answer'),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data.status).toBe('sent');
    const token = (accounts.mastodon as any).credentials?.accessToken;
    const onNetwork = session.fakes.mastodon.published.filter((p) => p.inReplyTo === statusId);
    expect(onNetwork).toEqual([expect.objectContaining({ text: 'Bonjour Nina, oui, partout en Belgique.' })]);
    if (token) expect(onNetwork[0].account).toBe(token);

    const wrong = await as('post', `/moderation/comments/${mention.documentId}/send-to-inbox`, {
      accountId: accounts.x.id,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.reason).toBe('no_account_to_answer');
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
