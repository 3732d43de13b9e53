/**
 * Listening collects mentions for saved searches from Bluesky's post search, Mastodon's hashtag
 * timelines and full-text search, X's recent search and RSS/Atom feeds: each once, from its cursor,
 * in the search's languages and without its exclusions; a source that fails says why and waits,
 * and the others go on.
 */
import { atomOf, rssOf } from '../../fakes/feeds';
import {
  createSearch,
  dueNow,
  listenOnce,
  listeningOnFakes,
  mentionsOf,
  searchAccounts,
  sourcesOf,
  unique,
  type ListeningSession,
} from './helpers';

describe('listening: collection', () => {
  let session: ListeningSession;
  listeningOnFakes((s) => (session = s));
  const strapi = () => session.app.strapi;

  beforeAll(async () => {
    await searchAccounts(strapi(), session.fakes);
  });

  it('keeps each mention once with its source, author, link, language and time, and reads only what is new', async () => {
    const brand = unique('Quillon').replace('-', '');
    const search = await createSearch(session, {
      terms: [brand, `#${brand}`],
      exclusions: ['recrutement'],
      networks: ['bluesky', 'mastodon', 'x'],
    });
    const { bluesky, mastodon, x } = session.fakes;
    bluesky.addPublicPost({
      text: `J'adore ${brand}, service impeccable`,
      handle: 'amelie.bsky.social',
      langs: ['fr'],
    });
    bluesky.addPublicPost({
      text: `${brand} recrutement : postulez`,
      handle: 'rh.bsky.social',
      langs: ['fr'],
    });
    bluesky.addPublicPost({ text: `${brand} ist super`, handle: 'hans.bsky.social', langs: ['de'] });
    mastodon.addPublicStatus({
      text: `Nouvelle boutique #${brand} à Lyon`,
      acct: 'paul@piaille.fr',
      language: 'fr',
    });
    mastodon.addPublicStatus({
      text: `Does ${brand} ship to Canada?`,
      acct: 'kim@mastodon.social',
      language: 'en',
    });
    x.addPublicTweet({ text: `${brand} support never answers`, username: 'angry_jo', lang: 'en' });

    expect(await listenOnce(strapi())).toMatchObject({ collected: 4 });
    const mentions = await mentionsOf(strapi(), search.id);
    expect(mentions.map((m: any) => [m.sourceNetwork, m.authorHandle, m.locale]).sort()).toEqual(
      [
        ['bluesky', 'amelie.bsky.social', 'fr'],
        ['mastodon', 'kim@mastodon.social', 'en'],
        ['mastodon', 'paul@piaille.fr', 'fr'],
        ['x', '@angry_jo', 'en'],
      ].sort()
    );
    // The hashtag timeline and the full-text search both find Paul's status: it is kept once.
    expect(mentions).toHaveLength(4);
    const amelie = mentions.find((m: any) => m.authorHandle === 'amelie.bsky.social');
    expect(amelie).toMatchObject({
      remoteUrl: expect.stringMatching(/^https:\/\/bsky\.app\/profile\/amelie\.bsky\.social\/post\//),
      authorUrl: 'https://bsky.app/profile/amelie.bsky.social',
      targetKey: `search:${search.id}`,
      sourceAccountId: null,
      sentiment: 'positive',
    });
    expect(mentions.find((m: any) => m.authorHandle === '@angry_jo').sentiment).toBe('negative');
    expect(mentions.find((m: any) => m.authorHandle === 'kim@mastodon.social').sentiment).toBe('neutral');
    expect(new Date(amelie.publishedOnNetworkAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    // Nothing new: the next round reads from each cursor and stores nothing.
    for (const fake of [bluesky, mastodon, x]) fake.requests.length = 0;
    await dueNow(strapi(), search.id);
    expect(await listenOnce(strapi())).toMatchObject({ collected: 0 });
    const blueskyRead = bluesky.requests.find((r) => r.path === '/xrpc/app.bsky.feed.searchPosts');
    const since = Date.parse(new URLSearchParams(blueskyRead!.query).get('since')!);
    expect(since).toBeGreaterThanOrEqual(Date.parse(amelie.publishedOnNetworkAt));
    const xRead = x.requests.find((r) => r.path === '/2/tweets/search/recent');
    expect(new URLSearchParams(xRead!.query).get('since_id')).toBe(
      mentions.find((m: any) => m.sourceNetwork === 'x').remoteId
    );
    const tagRead = mastodon.requests.find((r) => r.path.startsWith('/api/v1/timelines/tag/'));
    expect(new URLSearchParams(tagRead!.query).get('min_id')).toBe(
      mentions
        .filter((m: any) => m.sourceNetwork === 'mastodon')
        .map((m: any) => m.remoteId)
        .sort()
        .pop()
    );

    bluesky.addPublicPost({ text: `Merci ${brand} !`, handle: 'lea.bsky.social', langs: ['fr'] });
    await dueNow(strapi(), search.id);
    expect(await listenOnce(strapi())).toMatchObject({ collected: 1 });
    expect(await mentionsOf(strapi(), search.id)).toHaveLength(5);
  });

  it('goes down Bluesky pages with its cursor and carries on after a 429 at the time the network named', async () => {
    const brand = unique('Parapluie').replace('-', '');
    const search = await createSearch(session, { terms: [brand], networks: ['bluesky'] });
    const { bluesky } = session.fakes;
    for (let i = 0; i < 250; i++)
      bluesky.addPublicPost({
        text: `${brand} avis numéro ${i}`,
        handle: `r${i}.bsky.social`,
        langs: ['fr'],
      });
    bluesky.requests.length = 0;
    expect(await listenOnce(strapi())).toMatchObject({ collected: 250 });
    const pages = bluesky.requests
      .filter((r) => r.path === '/xrpc/app.bsky.feed.searchPosts')
      .map((r) => new URLSearchParams(r.query).get('cursor'));
    expect(pages).toEqual([null, '100', '200']);
    expect(await mentionsOf(strapi(), search.id)).toHaveLength(250);

    bluesky.addPublicPost({ text: `${brand} encore`, handle: 'last.bsky.social', langs: ['fr'] });
    bluesky.failNextRead('rate-limit');
    await dueNow(strapi(), search.id);
    await listenOnce(strapi());
    const [source] = await sourcesOf(strapi(), search.id);
    expect(source.lastErrorKind).toBe('rate_limited');
    expect(source.lastError).toBeTruthy();
    expect(new Date(source.nextRunAt).getTime()).toBeGreaterThan(Date.now());

    await dueNow(strapi(), search.id);
    // The account's reads wait for the reset too: lift it as time passing would.
    await strapi()
      .query('plugin::cross-post.social-account' as any)
      .updateMany({ where: {}, data: { metricsPausedUntil: null } });
    expect(await listenOnce(strapi())).toMatchObject({ collected: 1 });
    expect((await sourcesOf(strapi(), search.id))[0].lastError).toBeNull();
  });

  it('says once that X search is not on the plan, and does not ask again before a day', async () => {
    const brand = unique('Boussole').replace('-', '');
    const search = await createSearch(session, { terms: [brand], networks: ['x'] });
    session.fakes.x.searchPlan = 'free';
    try {
      session.fakes.x.addPublicTweet({ text: `${brand} rocks`, lang: 'en' });
      session.fakes.x.requests.length = 0;
      await listenOnce(strapi());
      const [source] = await sourcesOf(strapi(), search.id);
      expect(source.notAvailable).toBeTruthy();
      expect(source.lastErrorKind).toBe('not_on_plan');
      expect(source.lastError).toMatch(/plan .* does not include the recent search/);
      expect(new Date(source.nextRunAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
      await listenOnce(strapi());
      await listenOnce(strapi());
      expect(session.fakes.x.requests.filter((r) => r.path === '/2/tweets/search/recent')).toHaveLength(1);
      expect(await mentionsOf(strapi(), search.id)).toHaveLength(0);
    } finally {
      session.fakes.x.searchPlan = 'basic';
    }
  });

  it('reads RSS and Atom feeds, keeps an error on a broken or unreachable feed, and goes on with the others', async () => {
    const brand = unique('Lanterne').replace('-', '');
    const now = Date.now();
    const item = (n: number, text: string, extra: object = {}) => ({
      id: `tag:blog,2026:${brand}-${n}`,
      title: `Billet ${n}`,
      text,
      link: `https://blog.example.org/${brand}/${n}`,
      author: 'Claire',
      published: new Date(now - n * 60_000),
      ...extra,
    });
    const good = session.feeds.serve(
      `/${brand}/rss.xml`,
      rssOf('Le blog de Claire', [
        item(1, `Notre avis sur ${brand} : très bon accueil`),
        item(2, `Rien à voir avec la marque`),
        item(3, `Old news about ${brand}`, { published: new Date(now - 30 * 86_400_000) }),
      ])
    );
    const atom = session.feeds.serve(
      `/${brand}/alerts.atom`,
      atomOf('Google Alert - marque', [item(4, `${brand} ouvre un magasin`, { language: 'fr' })]),
      { contentType: 'application/atom+xml' }
    );
    const broken = session.feeds.serve(
      `/${brand}/broken.xml`,
      '<rss><channel><item><title>oops</channel></rss>'
    );
    const html = session.feeds.serve(`/${brand}/page`, '<html><body>Pas un flux</body></html>', {
      contentType: 'text/html',
    });
    const missing = session.feeds.url(`/${brand}/gone.xml`);
    const search = await createSearch(session, {
      terms: [brand],
      feeds: [good, atom, broken, html, missing],
    });

    expect(await listenOnce(strapi())).toMatchObject({ claimed: 5, collected: 2 });
    const mentions = await mentionsOf(strapi(), search.id);
    expect(mentions.map((m: any) => [m.sourceNetwork, m.authorHandle, m.remoteUrl])).toEqual([
      ['rss', 'Claire', `https://blog.example.org/${brand}/4`],
      ['rss', 'Claire', `https://blog.example.org/${brand}/1`],
    ]);
    expect(mentions[1]).toMatchObject({ locale: 'fr', sourceAccountName: 'Le blog de Claire' });

    const listed = await session.app
      .http()
      .get(`/moderation/listening/searches/${search.id}`)
      .set('Authorization', `Bearer ${session.token}`);
    const errors = Object.fromEntries(listed.body.data.sources.map((s: any) => [s.feedUrl, s.lastError]));
    expect(errors[good]).toBeNull();
    expect(errors[atom]).toBeNull();
    expect(errors[broken]).toMatch(/is not well-formed XML \(line \d+/);
    expect(errors[html]).toMatch(/is not an RSS 2.0 or Atom feed \(its root element is <html>\)/);
    expect(errors[missing]).toMatch(/answered HTTP 404/);
    // The admin says what kind it is in the editor's language, then the feed's details.
    const kinds = listed.body.data.sources.map((s: any) => s.lastErrorKind);
    expect(kinds.sort()).toEqual(['feed_unreadable', 'feed_unreadable', 'feed_unreadable', null, null]);

    // Unchanged feeds answer 304 to their ETag; a new item is read once.
    session.feeds.serve(
      `/${brand}/rss.xml`,
      rssOf('Le blog de Claire', [
        item(0, `${brand}, encore mieux`, { published: new Date() }),
        item(1, `Notre avis sur ${brand} : très bon accueil`),
      ])
    );
    session.feeds.requests.length = 0;
    await dueNow(strapi(), search.id);
    expect(await listenOnce(strapi())).toMatchObject({ collected: 1 });
    expect(session.feeds.requests.find((r) => r.path.endsWith('alerts.atom'))).toMatchObject({ status: 304 });
    expect(await mentionsOf(strapi(), search.id)).toHaveLength(3);
  });

  it('reads each source once when two collectors claim at the same time', async () => {
    const brand = unique('Horizon').replace('-', '');
    const searches = [];
    for (let n = 0; n < 3; n++)
      searches.push(
        await createSearch(session, { terms: [`${brand}${n}`], networks: ['bluesky', 'mastodon'] })
      );
    for (let n = 0; n < 3; n++) {
      session.fakes.bluesky.addPublicPost({ text: `${brand}${n} est génial`, langs: ['fr'] });
      session.fakes.mastodon.addPublicStatus({ text: `Vu ${brand}${n} hier, très bien`, language: 'fr' });
    }
    session.fakes.bluesky.requests.length = 0;
    const listening = strapi().plugin('moderation').service('listening');
    const rounds = await Promise.all([listening.runOnce(), listening.runOnce(), listening.runOnce()]);
    expect(rounds.reduce((sum: number, r: any) => sum + r.claimed, 0)).toBe(6);
    expect(rounds.reduce((sum: number, r: any) => sum + r.collected, 0)).toBe(6);
    expect(
      session.fakes.bluesky.requests.filter((r) => r.path === '/xrpc/app.bsky.feed.searchPosts')
    ).toHaveLength(3);
    for (const search of searches) expect(await mentionsOf(strapi(), search.id)).toHaveLength(2);
  });
});
