import { canonical, diffTexts, textsOf, valueAt, versionHash } from '../version';

const FIELDS = ['body', 'variants', 'media', 'link', 'hashtags'];
const post = {
  body: 'Bonjour',
  link: 'https://example.org',
  hashtags: ['velo'],
  variants: [{ id: 3, network: 'mastodon', text: 'Salut' }],
  media: [{ id: 9, url: '/uploads/a.png', mime: 'image/png', name: 'a.png', alternativeText: 'A bike' }],
  title: 'Not sent',
};

describe('versionHash', () => {
  it('ignores what is not sent and the ids components get on each save', () => {
    const saved = {
      ...post,
      title: 'Other title',
      variants: [{ id: 7, network: 'mastodon', text: 'Salut' }],
    };
    expect(versionHash(saved, FIELDS, [1])).toBe(versionHash(post, FIELDS, [1]));
  });

  it.each([
    ['the master text', { body: 'Bonsoir' }],
    ['a variant', { variants: [{ network: 'mastodon', text: 'Salut !' }] }],
    ['the media', { media: [{ url: '/uploads/b.png', mime: 'image/png' }] }],
    ['an alternative text', { media: [{ url: '/uploads/a.png', mime: 'image/png', alternativeText: 'x' }] }],
    ['the link', { link: 'https://example.org/other' }],
    ['the hashtags', { hashtags: ['velo', 'lyon'] }],
  ])('changes with %s', (_what, change) => {
    expect(versionHash({ ...post, ...change }, FIELDS, [1])).not.toBe(versionHash(post, FIELDS, [1]));
  });

  it('changes with the chosen accounts, not with their order', () => {
    expect(versionHash(post, FIELDS, [1, 2])).not.toBe(versionHash(post, FIELDS, [1]));
    expect(versionHash(post, FIELDS, [2, 1])).toBe(versionHash(post, FIELDS, [1, 2]));
  });

  it('keeps media by what goes out', () => {
    expect(canonical(post.media)).toEqual([
      { url: '/uploads/a.png', mime: 'image/png', alternativeText: 'A bike' },
    ]);
  });
});

describe('diffTexts', () => {
  it('names the master text and each network variant that changed', () => {
    const before = textsOf(post);
    const after = textsOf({ ...post, body: 'Bonsoir', variants: [{ network: 'bluesky', text: 'Coucou' }] });
    expect(diffTexts(before, after)).toEqual([
      { field: 'body', before: 'Bonjour', after: 'Bonsoir' },
      { field: 'variant:bluesky', before: null, after: 'Coucou' },
      { field: 'variant:mastodon', before: 'Salut', after: null },
    ]);
  });
});

describe('fields inside a component (a contest event: its rules text)', () => {
  const event = {
    title: 'Jeu-concours',
    kind: 'contest',
    contest: { id: 4, rules: 'Article 1 : gratuit.', entryOpensAt: '2026-06-01T08:00:00.000Z' },
  };
  const RULES = ['contest.rules'];

  it('hashes the rules text only: the dates or the title change nothing, the rules do', () => {
    const moved = { ...event, title: 'Autre', contest: { ...event.contest, id: 9, entryOpensAt: 'later' } };
    expect(versionHash(moved, RULES, [])).toBe(versionHash(event, RULES, []));
    const edited = { ...event, contest: { ...event.contest, rules: 'Article 1 : payant.' } };
    expect(versionHash(edited, RULES, [])).not.toBe(versionHash(event, RULES, []));
  });

  it('reads the rules as the text a reviewer compares', () => {
    expect(textsOf(event, { body: 'contest.rules' })).toEqual({ body: 'Article 1 : gratuit.', variants: {} });
    expect(textsOf({ kind: 'contest' }, { body: 'contest.rules' })).toEqual({ body: '', variants: {} });
  });

  it('keeps the hash of a post the same as before paths existed (approvals already given stay valid)', () => {
    expect(versionHash(post, FIELDS, [1])).toBe(
      '947f51db931666c1940c43c7bb512413d96eb6b5f4ca3d7c9a6455108831cc35'
    );
    expect(valueAt(post, 'body')).toBe('Bonjour');
    expect(valueAt(event, 'contest.missing.deeper')).toBeUndefined();
  });
});
