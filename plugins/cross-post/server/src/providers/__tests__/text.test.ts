import { countGraphemes, mastodonLength, sameText, xWeightedLength } from '../text';
import { createTid, tidFromKey, TID_PATTERN } from '../../utils/tid';

describe("each network's counting", () => {
  it('counts graphemes, not code units (Bluesky)', () => {
    expect(countGraphemes('👍🏽')).toBe(1);
    expect(countGraphemes('👨‍👩‍👧‍👦 é')).toBe(3);
  });

  it('counts every URL as 23 and a remote mention as its local part (Mastodon)', () => {
    expect(mastodonLength('voir https://exemple.fr/un/très/long/chemin?x=1')).toBe(5 + 23);
    expect(mastodonLength('merci @alice@mastodon.social')).toBe('merci @alice'.length);
  });

  it('weighs CJK and emoji as 2 and URLs as 23 (X)', () => {
    expect(xWeightedLength('hello')).toBe(5);
    expect(xWeightedLength('日本')).toBe(4);
    expect(xWeightedLength('👨‍👩‍👧‍👦')).toBe(2);
    expect(xWeightedLength('a https://example.com/a/very/long/path')).toBe(2 + 23);
    expect(xWeightedLength('é')).toBe(1);
  });

  it('recognises a post whose links were rewritten by the network', () => {
    expect(
      sameText(
        '<p>Bonjour &amp; bienvenue <a href="x">https://t.co/abc</a></p>',
        'Bonjour & bienvenue https://porte-voix.fr'
      )
    ).toBe(true);
    expect(sameText('Autre chose', 'Bonjour')).toBe(false);
  });
});

describe('TIDs (idempotency keys and Bluesky record keys)', () => {
  it('creates valid, time-ordered TIDs', () => {
    const a = createTid(new Date('2026-01-01T00:00:00Z'));
    const b = createTid(new Date('2026-01-01T00:00:01Z'));
    expect(a).toMatch(TID_PATTERN);
    expect(a < b).toBe(true);
  });

  it('derives the same valid TID from the same key', () => {
    expect(tidFromKey('delivery-42')).toBe(tidFromKey('delivery-42'));
    expect(tidFromKey('delivery-42')).toMatch(TID_PATTERN);
  });
});
