import { listsTrackedLinksMiddleware, trackedLinkCode } from '../tracked-links';

describe('tracked-link paths', () => {
  it('reads the code of /l/<code> and nothing else', () => {
    expect(trackedLinkCode('/l/abc123')).toBe('abc123');
    expect(trackedLinkCode('/l/')).toBeNull();
    expect(trackedLinkCode('/l/abc/https://evil.example')).toBeNull();
    expect(trackedLinkCode('/list')).toBeNull();
    expect(trackedLinkCode('/api/l/abc')).toBeNull();
  });

  it('knows whether the app lists the middleware, by name or as { name }', () => {
    expect(listsTrackedLinksMiddleware(['strapi::logger', 'plugin::engagement.tracked-links'])).toBe(true);
    expect(listsTrackedLinksMiddleware([{ name: 'plugin::engagement.tracked-links', config: {} }])).toBe(
      true
    );
    expect(listsTrackedLinksMiddleware(['strapi::logger', { name: 'strapi::body' }])).toBe(false);
    expect(listsTrackedLinksMiddleware(undefined)).toBe(false);
  });
});
