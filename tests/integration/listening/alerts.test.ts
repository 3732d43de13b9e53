/**
 * Listening alerts: a spike of mentions above the same hours of the previous week raises one alert
 * per episode, shown in the admin and e-mailed once to each admin in their language; the episode
 * ends when the level falls back, and the next spike is a new one.
 */
import { rssOf } from '../../fakes/feeds';
import { createSearch, listenOnce, listeningOnFakes, unique, type ListeningSession } from './helpers';

describe('listening: alerts', () => {
  let session: ListeningSession;
  listeningOnFakes((s) => (session = s));

  it('raises one alert per spike episode, e-mailed once in each admin language', async () => {
    const strapi = session.app.strapi;
    // A French-speaking admin beside the English-speaking super admin of the harness.
    await session.app.adminToken({ email: 'lea@tests.porte-voix.local' });
    await strapi.db
      .query('admin::user')
      .update({ where: { email: 'lea@tests.porte-voix.local' }, data: { preferedLanguage: 'fr' } });

    const brand = unique('Volcan').replace('-', '');
    // Later items are newer, as on a forum: a feed's new entries come after those read before.
    const start = Date.now() - 60_000;
    const items = (count: number, from: number) =>
      Array.from({ length: count }, (_, i) => ({
        id: `${brand}-${from + i}`,
        title: `Avis ${from + i}`,
        text: `${brand} : avis numéro ${from + i}`,
        link: `https://forum.example.org/${brand}/${from + i}`,
        author: `Lecteur ${from + i}`,
        published: new Date(start + (from + i) * 1000),
      }));
    const path = `/${brand}/feed.xml`;
    const feed = session.feeds.serve(path, rssOf('Forum', items(4, 0)));
    const search = await createSearch(session, { name: `Volcan ${brand}`, terms: [brand], feeds: [feed] });
    const mails = () => session.app.sentEmails().filter((m) => m.subject.includes(brand));

    await listenOnce(strapi);
    expect(mails()).toHaveLength(0);

    // Fifteen more within the hour: far above a quiet week, and above the minimum of ten.
    session.feeds.serve(path, rssOf('Forum', items(19, 0)));
    const sources = strapi.query('plugin::moderation.listening-source' as any);
    await sources.updateMany({ where: { searchId: search.id }, data: { nextRunAt: new Date(0) } });
    await listenOnce(strapi);
    const sent = mails();
    expect(sent.map((m) => [m.to, m.subject]).sort()).toEqual(
      [
        ['lea@tests.porte-voix.local', `[Écoute] Pic de mentions : Volcan ${brand}`],
        ['strapi-super-admin@tests.porte-voix.local', `[Listening] Spike in mentions: Volcan ${brand}`],
      ].sort()
    );
    expect(sent.find((m) => m.subject.startsWith('[Écoute]'))!.text).toMatch(/19 mentions pour « Volcan/);

    // Still above: more mentions, no second alert.
    session.feeds.serve(path, rssOf('Forum', items(22, 0)));
    await sources.updateMany({ where: { searchId: search.id }, data: { nextRunAt: new Date(0) } });
    await listenOnce(strapi);
    const listening = strapi.plugin('moderation').service('listening');
    expect(await listening.checkAlerts()).toBe(0);
    expect(mails()).toHaveLength(2);
    const alerts = await session.app
      .http()
      .get('/moderation/listening/alerts')
      .set('Authorization', `Bearer ${session.token}`);
    expect(alerts.body.data.filter((a: any) => a.searchId === search.id)).toEqual([
      expect.objectContaining({ kind: 'volume', open: true, level: 19, threshold: 10 }),
    ]);

    // Three hours later the level is back under: the episode ends. The next spike is a new episode.
    expect(await listening.checkAlerts(new Date(Date.now() + 3 * 3_600_000))).toBe(0);
    const closed = await strapi
      .query('plugin::moderation.listening-alert' as any)
      .findMany({ where: { searchId: search.id } });
    expect(closed).toHaveLength(1);
    expect(closed[0].endedAt).not.toBeNull();
    expect(await listening.checkAlerts()).toBe(1);
    expect(mails()).toHaveLength(4);
  });
});
