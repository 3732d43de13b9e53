import { detectBot } from '../bot-detection';

const get = (userAgent: string | undefined) => detectBot({ method: 'GET', userAgent });

describe('detectBot', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0'],
    [
      'Mozilla/5.0 (Linux; Android 9; CUBOT P30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 Mobile Safari/537.36',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 330.0.0.40.92',
    ],
  ])('lets a person through: %s', (userAgent) => {
    expect(get(userAgent)).toBeNull();
  });

  it('flags a HEAD request whatever its user agent', () => {
    expect(detectBot({ method: 'HEAD', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/127.0' })).toBe(
      'head_request'
    );
  });

  it('flags a missing or blank user agent', () => {
    expect(get(undefined)).toBe('empty_user_agent');
    expect(get('   ')).toBe('empty_user_agent');
  });

  it.each([
    ['http.rb/5.1.1 (Mastodon/4.2.8; +https://mastodon.social/)'],
    ['http.rb/5.2.0 (Mastodon/4.3.0-nightly.2024-06-01; +https://piaille.fr/)'],
    ['Pleroma 2.6.2; https://pleroma.example <admin@pleroma.example>'],
    ['Misskey/2024.5.0 (https://misskey.io)'],
    ['GoToSocial/0.15.0 (+https://gts.example)'],
  ])('flags the Fediverse preview fetch: %s', (userAgent) => {
    expect(get(userAgent)).toBe('fediverse_preview');
  });

  it.each([
    ['facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'],
    ['Twitterbot/1.0'],
    ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'],
    ['Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)'],
    ['TelegramBot (like TwitterBot)'],
    ['WhatsApp/2.23.20.0 A'],
    ['LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)'],
    ['Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)'],
  ])('flags a link-preview fetcher: %s', (userAgent) => {
    expect(get(userAgent)).toBe('link_preview');
  });

  it.each([
    [
      'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)',
    ],
    [
      'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)',
    ],
    ['Mozilla/5.0 (compatible; PerplexityBot/1.0; +https://perplexity.ai/perplexitybot)'],
    ['CCBot/2.0 (https://commoncrawl.org/faq/)'],
    ['meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)'],
  ])('flags an AI crawler: %s', (userAgent) => {
    expect(get(userAgent)).toBe('ai_crawler');
  });

  it.each([
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
    ['Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)'],
    ['Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)'],
    ['SomeNewCrawler/0.1 (+https://crawler.example)'],
  ])('flags a crawler: %s', (userAgent) => {
    expect(get(userAgent)).toBe('crawler');
  });

  it.each([
    ['curl/8.5.0'],
    ['python-requests/2.32.3'],
    ['Go-http-client/2.0'],
    ['axios/1.7.2'],
    ['Wget/1.21.4'],
  ])('flags an HTTP library: %s', (userAgent) => {
    expect(get(userAgent)).toBe('http_client');
  });
});
