import { DEVELOPMENT_ADMIN_DEFAULTS, ensureDevelopmentAdmin } from '../../../src/bootstrap/development-admin';
import { seedDemoContent } from '../../../src/seed/seed-demo';
import { applyAdminListLayouts } from '../../../src/bootstrap/admin-layouts';
import { bootStrapi, type TestApp } from '../../harness/strapi';

describe('what a boot sets up', () => {
  let app: TestApp;
  beforeAll(async () => {
    // A port other than Strapi's default, for the log that tells where to log in.
    app = await bootStrapi({ seedDemo: true, env: { PORT: '4321' } });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('makes French the default content locale, with English beside it', async () => {
    const locales = await app.strapi.plugin('i18n').service('locales').find();
    expect(locales.map((locale: any) => locale.code).sort()).toEqual(['en', 'fr']);
    expect(await app.strapi.plugin('i18n').service('locales').getDefaultLocale()).toBe('fr');
  });

  it('seeds the demo content once: a second run changes nothing', async () => {
    const count = () => app.strapi.documents('api::post.post').count({});
    const before = await count();
    expect(before).toBe(12);
    expect(await seedDemoContent(app.strapi)).toBe(false);
    expect(await count()).toBe(before);
  });

  it('seeds a contest that opened at seeding, its draw committed before entries opened', async () => {
    const contest = await app.strapi.documents('api::event.event').findFirst({
      filters: { slug: 'concours-velo-cargo' },
      populate: { contest: true },
      status: 'published',
    });
    const opensAt = new Date(contest.contest.entryOpensAt).getTime();
    expect(opensAt).toBeLessThanOrEqual(Date.now());
    expect(opensAt).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect(new Date(contest.contest.entryClosesAt).getTime()).toBeGreaterThan(opensAt + 20 * 24 * 3600_000);

    const publicState = await app.http().get(`/api/contests/${contest.documentId}`);
    expect(publicState.status).toBe(200);
    expect(publicState.body.data).toMatchObject({ phase: 'open', committedBeforeOpening: true });
    expect(publicState.body.data.commitment).toMatch(/^[0-9a-f]{64}$/);
  });

  /** Runs `fn` with some variables set (undefined: unset), then puts the environment back. */
  async function withEnv(vars: Record<string, string | undefined>, fn: () => Promise<void>) {
    const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
    const apply = (values: Record<string, string | undefined>) => {
      for (const [name, value] of Object.entries(values)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    };
    apply(vars);
    try {
      await fn();
    } finally {
      apply(saved);
    }
  }

  /** As `strapi develop` does: Strapi's autoReload flag, read by the development-defaults rule. */
  async function asDevelop(fn: () => Promise<void>) {
    app.strapi.config.set('autoReload', true);
    try {
      await fn();
    } finally {
      app.strapi.config.set('autoReload', false);
    }
  }

  const developmentAdmin = () =>
    app.strapi.db.query('admin::user').findOne({ where: { email: DEVELOPMENT_ADMIN_DEFAULTS.email } });

  it('never creates the development admin in production, even under `strapi develop`', async () => {
    // Only the rule guards here: the harness's PORTE_VOIX_DEV_ADMIN=false is lifted.
    await asDevelop(() =>
      withEnv({ NODE_ENV: 'production', PORTE_VOIX_DEV_ADMIN: undefined }, () =>
        ensureDevelopmentAdmin(app.strapi)
      )
    );
    expect(await developmentAdmin()).toBeNull();
  });

  it('never creates the development admin under `strapi start`, where NODE_ENV=development proves nothing', async () => {
    await withEnv({ NODE_ENV: 'development', PORTE_VOIX_DEV_ADMIN: undefined }, () =>
      ensureDevelopmentAdmin(app.strapi)
    );
    expect(await developmentAdmin()).toBeNull();
  });

  it('creates the development admin under `strapi develop`, who can then log in, at the URL the log gives', async () => {
    const info = jest.spyOn(app.strapi.log, 'info');
    await asDevelop(() =>
      withEnv({ NODE_ENV: 'development', PORTE_VOIX_DEV_ADMIN: undefined }, () =>
        ensureDevelopmentAdmin(app.strapi)
      )
    );
    const response = await app
      .http()
      .post('/admin/login')
      .send({ email: DEVELOPMENT_ADMIN_DEFAULTS.email, password: DEVELOPMENT_ADMIN_DEFAULTS.password });
    expect(response.status).toBe(200);
    expect(response.body.data.token).toEqual(expect.any(String));
    const logged = info.mock.calls.map(([message]) => String(message));
    info.mockRestore();
    expect(logged).toContainEqual(
      expect.stringContaining('Log into the admin at http://127.0.0.1:4321/admin with')
    );
  });

  it('shows editors useful list columns, and keeps their own choices afterwards', async () => {
    const contentTypes = app.strapi.plugin('content-manager').service('content-types');
    const post = app.strapi.contentType('api::post.post');
    const configuration = await contentTypes.findConfiguration(post);
    expect(configuration.layouts.list).toEqual(['title', 'campaign', 'editorialStatus', 'plannedAt']);
    expect(configuration.metadatas.campaign.list.mainField).toBe('name');
    expect(configuration.metadatas.editorialStatus.list.label).toBe('Editorial status');

    await contentTypes.updateConfiguration(post, {
      ...configuration,
      layouts: { ...configuration.layouts, list: ['title'] },
    });
    await applyAdminListLayouts(app.strapi);
    expect((await contentTypes.findConfiguration(post)).layouts.list).toEqual(['title']);
  });

  it('heads a collapsed network variant with its network and the start of its text, never blank', async () => {
    const components = app.strapi.plugin('content-manager').service('components');
    const variant = app.strapi.components['post.network-variant' as keyof typeof app.strapi.components];
    expect((await components.findConfiguration(variant)).settings.mainField).toBe('summary');

    const posts = app.strapi.documents('api::post.post' as any);
    const post = await posts.create({
      locale: 'fr',
      data: {
        title: 'Variantes',
        body: 'Le texte principal',
        variants: [{ network: 'mastodon', text: 'Samedi,\n  on roule jusqu’à Annecy' }],
      } as any,
    });
    const read = async () =>
      (
        (await posts.findOne({
          documentId: post.documentId,
          locale: 'fr',
          populate: ['variants'],
        } as any)) as any
      ).variants;
    expect((await read())[0].summary).toBe('Mastodon — Samedi, on roule jusqu’à Annecy');
    await posts.update({
      documentId: post.documentId,
      locale: 'fr',
      data: { variants: [{ network: 'linkedin', text: 'x'.repeat(200) }] } as any,
    });
    const [long] = await read();
    expect(long.summary).toHaveLength(120);
    expect(long.summary.startsWith('LinkedIn — xxx')).toBe(true);

    // For the admin only: frontends read the variant as it was written.
    await posts.publish({ documentId: post.documentId, locale: 'fr' });
    const published = await app.http().get(`/api/posts/${post.documentId}?populate=variants&locale=fr`);
    expect(published.status).toBe(200);
    expect(published.body.data.variants[0]).toMatchObject({ network: 'linkedin' });
    expect(published.body.data.variants[0]).not.toHaveProperty('summary');
  });

  it("offers the networks of cross-post's registry in a post's variants and a campaign's KPI targets, no other", async () => {
    const registered = app.strapi
      .plugin('cross-post')
      .service('networks')
      .list()
      .map((network: { id: string }) => network.id);
    expect(registered).toEqual(expect.arrayContaining(['mastodon', 'instagram', 'threads', 'youtube']));
    const components = app.strapi.components as Record<string, any>;
    expect(components['post.network-variant'].attributes.network.enum).toEqual(registered);
    expect(components['campaign.kpi-target'].attributes.network.enum).toEqual(registered);

    const posts = app.strapi.documents('api::post.post' as any);
    const post = await posts.create({
      locale: 'fr',
      data: { title: 'Vidéo', body: 'Texte', variants: [{ network: 'youtube', text: 'En vidéo' }] } as any,
    });
    const [variant] = (
      (await posts.findOne({
        documentId: post.documentId,
        locale: 'fr',
        populate: ['variants'],
      } as any)) as any
    ).variants;
    expect(variant.summary).toBe('YouTube — En vidéo');
    await expect(
      posts.create({
        locale: 'fr',
        data: { title: 'Ailleurs', body: 'Texte', variants: [{ network: 'myspace', text: 'x' }] } as any,
      })
    ).rejects.toThrow(/network/);
  });
});
