import { composeText, withUtm, type PostSnapshot } from '../compose.service';

const post = (overrides: Partial<PostSnapshot> = {}): PostSnapshot => ({
  documentId: 'p1',
  locale: 'fr',
  title: 'Titre',
  body: 'Le festival ouvre ses portes',
  link: 'https://porte-voix.example/festival',
  hashtags: ['festival'],
  variants: [],
  media: [],
  campaign: {
    documentId: 'c1',
    slug: 'ete-2026',
    utm: { source: null, medium: null, campaign: null },
    hashtags: [],
  },
  ...overrides,
});

describe('composing the text of a delivery', () => {
  it('adds the campaign UTM parameters to the link, the network as source by default', () => {
    const { text, link } = composeText(post(), 'mastodon');
    expect(link).toBe(
      'https://porte-voix.example/festival?utm_source=mastodon&utm_medium=social&utm_campaign=ete-2026'
    );
    expect(text).toBe(`Le festival ouvre ses portes\n\n#festival\n\n${link}`);
  });

  it("uses the network's variant and keeps utm values already in the link", () => {
    const { text, link } = composeText(
      post({
        variants: [
          { network: 'x', text: 'Court pour X', link: 'https://porte-voix.example/x?utm_source=twitter' },
        ],
      }),
      'x'
    );
    expect(link).toContain('utm_source=twitter');
    expect(text.startsWith('Court pour X')).toBe(true);
  });

  it('replaces a link already in the text instead of adding it twice', () => {
    const { text } = composeText(
      post({ body: 'Voir https://porte-voix.example/festival', hashtags: [] }),
      'bluesky'
    );
    expect(text.match(/https:/g)).toHaveLength(1);
    expect(text).toContain('utm_source=bluesky');
  });

  it('leaves a malformed link alone', () => {
    expect(withUtm('not a url', { source: 'x' })).toBe('not a url');
  });

  it('takes hashtags with regex characters as plain text', () => {
    const { text } = composeText(
      post({ body: 'On code en #C++ ce soir', hashtags: ['c++', '(fr', '[x', 'a.b'] }),
      'mastodon'
    );
    expect(text).toContain('#(fr #[x #a.b');
    expect(text.match(/#c\+\+/gi)).toHaveLength(1);
    expect(composeText(post({ body: 'Voir #axb', hashtags: ['a.b'] }), 'x').text).toContain('#a.b');
  });

  it('does not count a longer tag as the same one', () => {
    expect(composeText(post({ body: 'Le #festivalier', hashtags: ['festival'] }), 'x').text).toContain(
      '\n\n#festival'
    );
    expect(composeText(post({ body: 'Le #Festival!', hashtags: ['festival'] }), 'x').text).not.toContain(
      '\n\n#festival'
    );
  });

  it('keeps a link with $ characters as it is', () => {
    const { text } = composeText(
      post({
        body: "Voir https://porte-voix.example/a$&b$'",
        link: "https://porte-voix.example/a$&b$'",
        hashtags: [],
        campaign: null,
      }),
      'x'
    );
    expect(text).toContain("https://porte-voix.example/a$&b$'?utm_source=x");
  });
});
