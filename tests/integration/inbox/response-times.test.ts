/**
 * Response times per network and week: measured by the moderation plugin from the inbox items'
 * arrival and first answer, against the network's goal from the settings, and read by the engagement
 * plugin's reports.
 */
import { randomBytes } from 'node:crypto';

import { useInboxApp } from '../../harness/inbox';
import { collected, inboxOnce, publishedOnMastodon } from './helpers';

describe('inbox: response times reported per network and week', () => {
  const inbox = useInboxApp();

  const as = inbox.admin;

  it('counts the week’s items, the median first answer, what met the goal and what is overdue', async () => {
    expect(
      (
        await as('put', '/moderation/settings', {
          inbox: { responseGoalMinutes: 600, perNetwork: { mastodon: 30 } },
        })
      ).status
    ).toBe(200);
    const published = await publishedOnMastodon(inbox.app.strapi, inbox.fakes);
    const answered = inbox.fakes.mastodon.addMention(published.token, {
      inReplyTo: published.remoteId,
      text: 'Vous ouvrez à quelle heure ?',
    });
    const waiting = inbox.fakes.mastodon.addMention(published.token, {
      inReplyTo: published.remoteId,
      text: 'Toujours pas de réponse à mon message…',
    });
    await inboxOnce(inbox.app.strapi);
    const [first] = await collected(inbox.app.strapi, { remoteId: answered.statusId });
    const [second] = await collected(inbox.app.strapi, { remoteId: waiting.statusId });
    // Both arrived 45 minutes ago; one is answered now (past the 30-minute goal), the other not at all.
    const comments = inbox.app.strapi.query('plugin::moderation.comment' as any);
    for (const row of [first, second])
      await comments.update({
        where: { id: row.id },
        data: { createdAt: new Date(Date.now() - 45 * 60_000) },
      });
    const reply = await as('post', `/moderation/comments/${first.documentId}/reply`, {
      text: 'Dès 9 h !',
      idempotencyKey: `answer-${randomBytes(6).toString('hex')}`,
    });
    expect(reply.body.data.status).toBe('sent');

    const from = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const report = await as(
      'get',
      `/moderation/inbox/response-times?from=${from}&to=${to}&timeZone=Europe/Paris`
    );
    expect(report.status).toBe(200);
    const mastodon = report.body.data.filter((row: any) => row.network === 'mastodon');
    expect(mastodon).toHaveLength(1);
    expect(mastodon[0]).toMatchObject({
      items: 2,
      answered: 1,
      goalMinutes: 30,
      withinGoal: 0,
      overdue: 1,
      week: expect.stringMatching(/^\d{4}-W\d{2}$/),
    });
    expect(mastodon[0].medianFirstResponseMinutes).toBeGreaterThanOrEqual(44);

    // The engagement reports read the same figures for their days.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const engagement = await as('get', `/engagement/reports/response-times?from=${day(-7)}&to=${day(1)}`);
    expect(engagement.status).toBe(200);
    const read = engagement.body.data.filter((row: any) => row.network === 'mastodon');
    expect(read.reduce((sum: number, row: any) => sum + row.items, 0)).toBe(2);
    expect(read.reduce((sum: number, row: any) => sum + row.overdue, 0)).toBe(1);

    const bad = await as('get', `/moderation/inbox/response-times?from=${to}&to=${from}`);
    expect(bad.status).toBe(400);
    await as('put', '/moderation/settings', { inbox: { responseGoalMinutes: 240, perNetwork: {} } });
  });
});
