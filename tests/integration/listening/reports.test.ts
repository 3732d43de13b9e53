/**
 * Listening's report: mentions per day in the reader's time zone with their sentiment, share of
 * voice between our brand and a competitor, top authors and sources, read from the hourly rollups.
 */
import { rssOf } from '../../fakes/feeds';
import {
  createSearch,
  listenOnce,
  listeningOnFakes,
  searchAccounts,
  unique,
  type ListeningSession,
} from './helpers';

describe('listening: reports', () => {
  let session: ListeningSession;
  listeningOnFakes((s) => (session = s));

  const day = (daysAgo: number, hour = 12) => {
    const at = new Date();
    at.setUTCDate(at.getUTCDate() - daysAgo);
    at.setUTCHours(hour, 0, 0, 0);
    return at;
  };

  /** One search's report over yesterday and today (UTC), narrowed by `filters` (network, language). */
  const recentReport = (searchId: number, filters: Record<string, string>) =>
    session.app
      .http()
      .get('/moderation/listening/report')
      .query({
        from: day(1).toISOString().slice(0, 10),
        to: day(0).toISOString().slice(0, 10),
        timeZone: 'UTC',
        search: searchId,
        ...filters,
      })
      .set('Authorization', `Bearer ${session.token}`);

  it('counts mentions per day and sentiment, share of voice, top authors and sources', async () => {
    const brand = unique('Marque').replace('-', '');
    const rival = unique('Rival').replace('-', '');
    const item = (n: number, text: string, author: string, published: Date) => ({
      id: `${brand}-${n}`,
      title: `Billet ${n}`,
      text,
      link: `https://blog.example.org/${brand}/${n}`,
      author,
      published,
    });
    const feed = session.feeds.serve(
      `/${brand}/feed.xml`,
      rssOf('Forum conso', [
        item(1, `${brand} : service impeccable, merci`, 'Claire', day(2)),
        item(2, `${brand} colis perdu, inadmissible`, 'Marc', day(2, 15)),
        item(3, `${brand} ouvre à Lyon`, 'Claire', day(1)),
        item(4, `${rival} : très déçu, arnaque`, 'Marc', day(1)),
        item(5, `${brand} super accueil`, 'Claire', day(0, 1)),
      ])
    );
    const ours = await createSearch(session, { terms: [brand], feeds: [feed] });
    const theirs = await createSearch(session, { kind: 'competitor', terms: [rival], feeds: [feed] });
    await listenOnce(session.app.strapi);

    const report = await session.app
      .http()
      .get('/moderation/listening/report')
      .query({
        from: day(2).toISOString().slice(0, 10),
        to: day(0).toISOString().slice(0, 10),
        timeZone: 'UTC',
        search: `${ours.id},${theirs.id}`,
      })
      .set('Authorization', `Bearer ${session.token}`);
    expect(report.status).toBe(200);
    const { days, shareOfVoice, topAuthors, searches } = report.body.data;
    expect(days).toEqual([
      { day: day(2).toISOString().slice(0, 10), total: 2, positive: 1, negative: 1, neutral: 0 },
      { day: day(1).toISOString().slice(0, 10), total: 2, positive: 0, negative: 1, neutral: 1 },
      { day: day(0).toISOString().slice(0, 10), total: 1, positive: 1, negative: 0, neutral: 0 },
    ]);
    expect(shareOfVoice).toEqual({ brand: 4, competitor: 1, brandShare: 0.8 });
    expect(searches.find((s: any) => s.id === ours.id)).toMatchObject({ kind: 'brand', total: 4 });
    expect(topAuthors[0]).toEqual({ name: 'Claire', network: 'rss', count: 3 });
    expect(report.body.data.topSources).toEqual([{ name: 'Forum conso', network: 'rss', count: 5 }]);

    // In Auckland (UTC+12 or +13), both mentions of two days ago (12:00 and 15:00 UTC) fall on yesterday.
    const far = await session.app
      .http()
      .get('/moderation/listening/report')
      .query({
        from: day(1).toISOString().slice(0, 10),
        to: day(1).toISOString().slice(0, 10),
        timeZone: 'Pacific/Auckland',
        search: ours.id,
      })
      .set('Authorization', `Bearer ${session.token}`);
    expect(far.body.data.days).toEqual([
      { day: day(1).toISOString().slice(0, 10), total: 2, positive: 1, negative: 1, neutral: 0 },
    ]);
  });

  it('narrows the whole report to one network: days, searches, share of voice and leaders', async () => {
    await searchAccounts(session.app.strapi, session.fakes);
    const brand = unique('Enseigne').replace('-', '');
    const feed = session.feeds.serve(
      `/${brand}/feed.xml`,
      rssOf('Blog conso', [
        {
          id: `${brand}-1`,
          title: 'Billet',
          text: `${brand} : service impeccable`,
          link: `https://blog.example.org/${brand}/1`,
          author: 'Claire',
          published: day(1),
        },
      ])
    );
    for (const text of [`${brand} merci pour tout`, `${brand} livraison rapide, bravo`])
      session.fakes.mastodon.addPublicStatus({ text, acct: 'lea@piaille.fr', language: 'fr' });
    const search = await createSearch(session, { terms: [brand], feeds: [feed], networks: ['mastodon'] });
    await listenOnce(session.app.strapi);

    const report = (network?: string) => recentReport(search.id, network ? { network } : {});
    const all = (await report()).body.data;
    expect(all.searches[0].total).toBe(3);
    expect(all.topAuthors.map((a: any) => a.network).sort()).toEqual(['mastodon', 'rss']);

    const mastodon = (await report('mastodon')).body.data;
    expect(mastodon.network).toBe('mastodon');
    expect(mastodon.days).toEqual([
      expect.objectContaining({ day: day(0).toISOString().slice(0, 10), total: 2 }),
    ]);
    expect(mastodon.searches[0].total).toBe(2);
    expect(mastodon.shareOfVoice).toMatchObject({ brand: 2 });
    expect(mastodon.networks.map((n: any) => n.network)).toEqual(['mastodon']);
    expect(mastodon.topAuthors).toEqual([{ name: 'lea@piaille.fr', network: 'mastodon', count: 2 }]);
    expect(mastodon.topSources.every((s: any) => s.network === 'mastodon')).toBe(true);

    const feeds = (await report('rss')).body.data;
    expect(feeds.searches[0].total).toBe(1);
    expect(feeds.topAuthors).toEqual([{ name: 'Claire', network: 'rss', count: 1 }]);

    const bad = await report('Mastodon!');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: any) => i.path)).toEqual(['network']);
  });

  it('narrows the whole report to one language, rollups counted before languages were kept too', async () => {
    await searchAccounts(session.app.strapi, session.fakes);
    // Digits only after the name: letters drawn at random could make a word that sways the guess.
    const brand = `Boutique${Math.floor(Math.random() * 1e9)}`;
    const statuses = [
      { text: `${brand} merci pour tout`, acct: 'lea@piaille.fr', language: 'fr' },
      // Mastodon does not say this one's language: guessed from its words.
      { text: `${brand} : le service est vraiment impeccable`, acct: 'lea@piaille.fr' },
      { text: `${brand} is really great, thanks`, acct: 'sam@mastodon.social', language: 'en' },
      // Nor this one's, and its words do not tell: unknown, with the other languages.
      { text: `${brand} 🔥🔥 #${brand}`, acct: 'jan@chaos.social' },
    ];
    for (const status of statuses) session.fakes.mastodon.addPublicStatus(status);
    const search = await createSearch(session, { terms: [brand], networks: ['mastodon'] });
    await listenOnce(session.app.strapi);

    const report = (language?: string) => recentReport(search.id, language ? { language } : {});
    const figures = async (language?: string) => {
      const { searches, days, topAuthors } = (await report(language)).body.data;
      return { total: searches[0].total, days: days.map((d: any) => d.total), topAuthors };
    };
    const expected = {
      all: await figures(),
      fr: { total: 2, days: [2], topAuthors: [{ name: 'lea@piaille.fr', network: 'mastodon', count: 2 }] },
      en: {
        total: 1,
        days: [1],
        topAuthors: [{ name: 'sam@mastodon.social', network: 'mastodon', count: 1 }],
      },
      other: {
        total: 1,
        days: [1],
        topAuthors: [{ name: 'jan@chaos.social', network: 'mastodon', count: 1 }],
      },
    };
    expect(expected.all.total).toBe(4);
    for (const language of ['fr', 'en', 'other'] as const)
      expect(await figures(language)).toEqual(expected[language]);
    expect((await report('fr')).body.data.language).toBe('fr');

    // Rollups counted before languages were kept: one row per hour and network, without a language.
    const uid = 'plugin::moderation.listening-hour';
    const rows = await session.app.strapi.db.query(uid).findMany({ where: { searchId: search.id } });
    await session.app.strapi.db.query(uid).deleteMany({ where: { searchId: search.id } });
    const merged = new Map<string, any>();
    for (const row of rows) {
      const key = `${row.hour} ${row.network}`;
      const into = merged.get(key) ?? {
        searchId: search.id,
        hour: row.hour,
        network: row.network,
        total: 0,
        positive: 0,
        negative: 0,
        neutral: 0,
      };
      for (const count of ['total', 'positive', 'negative', 'neutral']) into[count] += row[count];
      merged.set(key, into);
    }
    for (const data of merged.values()) await session.app.strapi.db.query(uid).create({ data });
    expect(await figures()).toEqual(expected.all);
    expect((await figures('fr')).total).toBe(0);

    // Listening's ticks give them their languages from the mentions they counted.
    const listening = session.app.strapi.plugin('moderation').service('listening');
    while ((await listening.giveRollupsLanguages(1)) > 0);
    for (const language of ['fr', 'en', 'other'] as const)
      expect(await figures(language)).toEqual(expected[language]);
    expect(await figures()).toEqual(expected.all);

    const bad = await report('klingon');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: any) => i.path)).toEqual(['language']);
  });

  it('says what is wrong with a period', async () => {
    const bad = await session.app
      .http()
      .get('/moderation/listening/report')
      .query({ from: '2026-05-10', to: '2026-05-01', timeZone: 'Mars/Olympus' })
      .set('Authorization', `Bearer ${session.token}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: any) => i.path)).toEqual(
      expect.arrayContaining(['timeZone'])
    );
  });
});
