import { canonical, diffTexts, textsOf, versionHash } from '../version';

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
