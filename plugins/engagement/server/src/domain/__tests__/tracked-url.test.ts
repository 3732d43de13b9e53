import { normaliseDestination, redirectLocation } from '../tracked-url';

describe('normaliseDestination', () => {
  it('keeps an http(s) address, normalised', () => {
    expect(normaliseDestination(' https://Example.org/a b?x=1 ')).toEqual({
      url: 'https://example.org/a%20b?x=1',
    });
    expect(normaliseDestination('http://example.org')).toEqual({ url: 'http://example.org/' });
  });

  it.each([
    ['javascript:alert(1)', 'not_http'],
    ['data:text/html,<script>alert(1)</script>', 'not_http'],
    ['ftp://example.org/file', 'not_http'],
    ['//evil.example/path', 'not_a_url'],
    ['/relative/path', 'not_a_url'],
    ['not a url', 'not_a_url'],
    ['https://bank.example@evil.example/', 'has_credentials'],
    [`https://example.org/${'a'.repeat(2100)}`, 'too_long'],
  ])('refuses %s', (raw, problem) => {
    expect(normaliseDestination(raw)).toEqual({ problem });
  });

  it('encodes line breaks, so they never reach a Location header', () => {
    const result = normaliseDestination('https://example.org/a\r\nSet-Cookie: x=1');
    expect('url' in result && /[\r\n]/.test(result.url)).toBe(false);
  });
});

describe('redirectLocation', () => {
  it("adds the campaign's UTM defaults and keeps the query string and the fragment", () => {
    expect(
      redirectLocation(
        'https://example.org/page?ref=home#top',
        {},
        { source: 'mastodon', medium: 'social', campaign: 'spring' }
      )
    ).toBe('https://example.org/page?ref=home&utm_source=mastodon&utm_medium=social&utm_campaign=spring#top');
  });

  it("lets the link's own UTM values win over the campaign's and over the destination's", () => {
    const location = new URL(
      redirectLocation(
        'https://example.org/?utm_source=old&utm_medium=kept',
        { source: 'partner', content: 'banner' },
        { source: 'campaign-source', medium: 'campaign-medium', term: 'vélo' }
      )
    );
    expect(location.searchParams.get('utm_source')).toBe('partner');
    expect(location.searchParams.get('utm_content')).toBe('banner');
    // A parameter the destination already has stays as the editor wrote it.
    expect(location.searchParams.get('utm_medium')).toBe('kept');
    expect(location.searchParams.get('utm_term')).toBe('vélo');
  });

  it('ignores empty values', () => {
    expect(redirectLocation('https://example.org/', { source: '  ' }, { medium: null, campaign: '' })).toBe(
      'https://example.org/'
    );
  });
});
