import { referrerHost } from '../referrer';

describe('referrerHost', () => {
  it('keeps the host only', () => {
    expect(referrerHost('https://Mastodon.Social/@someone/112233?token=secret')).toBe('mastodon.social');
    expect(referrerHost(['https://t.co/abc', 'https://other.example/'])).toBe('t.co');
  });

  it('keeps nothing from what is not a web address', () => {
    expect(referrerHost(undefined)).toBeNull();
    expect(referrerHost('')).toBeNull();
    expect(referrerHost('android-app://com.google.android.gm/')).toBeNull();
    expect(referrerHost('not a url')).toBeNull();
  });
});
