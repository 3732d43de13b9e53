import config from '..';
import { defaultSettings, mergeSettings } from '../schema';

describe('the plugin config in config/plugins.ts', () => {
  it('accepts the defaults and partial overrides merged over them', () => {
    expect(() => config.validator(defaultSettings)).not.toThrow();
    expect(() =>
      config.validator(mergeSettings(defaultSettings, { rateLimits: { perIpPerMinute: 30 } }))
    ).not.toThrow();
  });

  it.each([
    [{ rateLimits: { perIpPerMinute: -1 } }, /rateLimits\.perIpPerMinute/],
    [{ newAuthorPremoderation: 'yes' }, /newAuthorPremoderation/],
    [{ premoderation: { targets: ['page:abc'] } }, /premoderation\.targets\.0: must read post:DOCUMENT_ID/],
    [{ externalScorer: { enabled: true, url: '' } }, /externalScorer\.url: needs a url when enabled/],
    [{ links: { allowedDomains: ['not a domain'] } }, /links\.allowedDomains\.0/],
    [{ typo: true }, /Unrecognized key/],
  ])('stops the boot on a wrong value, naming it: %j', (patch, message) => {
    expect(() => config.validator(mergeSettings(defaultSettings, patch))).toThrow(message);
  });

  it('never lets a settings patch reach the object prototype', () => {
    const merged = mergeSettings(defaultSettings, JSON.parse('{"__proto__": {"polluted": true}}'));
    expect((merged as any).polluted).toBeUndefined();
    expect(({} as any).polluted).toBeUndefined();
  });
});
