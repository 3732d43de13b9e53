/**
 * Which requests are not a person following a link: flagged and kept (so the bot traffic stays
 * visible), never counted as clicks or views. Dub's rules, plus the Fediverse: every Mastodon server
 * that receives a post fetches its link preview itself, hundreds of requests within seconds.
 */
export const BOT_REASONS = [
  'head_request',
  'empty_user_agent',
  'fediverse_preview',
  'link_preview',
  'ai_crawler',
  'http_client',
  'crawler',
] as const;

export type BotReason = (typeof BOT_REASONS)[number];

/** Mastodon's fetcher (`http.rb/5.1.1 (Mastodon/4.2.8; +https://mastodon.social/)`) and the other servers of the Fediverse. */
const FEDIVERSE =
  /\(Mastodon\/|\bhttp\.rb\/|\b(Pleroma|Akkoma|Misskey|Friendica|GoToSocial|Firefish|Sharkey|Iceshrimp|Calckey|Pixelfed|Lemmy|PeerTube|Mbin|kbinBot|Hubzilla|BookWyrm|Takahe|Mitra|snac)\b/i;

/** What networks and messengers send to draw a link card. */
const LINK_PREVIEW =
  /facebookexternalhit|\bFacebot\b|Twitterbot|Slackbot|Slack-ImgProxy|Discordbot|TelegramBot|WhatsApp\/|LinkedInBot|Bluesky Cardyb|\bCardyb\b|SkypeUriPreview|redditbot|Pinterestbot|Pinterest\/0\.|vkShare|Iframely|Embedly|Mattermost-Bot|Google-PageRenderer|Snap URL Preview|Viber\b.*Preview|Yahoo Link Preview|Bitlybot|Tumblr\/|Threads\b.*Preview|XING-contenttabreceiver|Nextcloud.*Preview/i;

/** Crawlers that feed AI models or AI answers. */
const AI_CRAWLER =
  /GPTBot|ChatGPT-User|OAI-SearchBot|ClaudeBot|Claude-Web|Claude-User|Claude-SearchBot|anthropic-ai|PerplexityBot|Perplexity-User|\bCCBot\b|Google-Extended|Bytespider|Amazonbot|Applebot-Extended|meta-externalagent|meta-externalfetcher|cohere-ai|cohere-training-data-crawler|Diffbot|YouBot|ImagesiftBot|Omgilibot|Timpibot|AI2Bot|DuckAssistBot|MistralAI-User|Kangaroo Bot|PanguBot|Scrapy/i;

/** Programs and libraries, not browsers. */
const HTTP_CLIENT =
  /^curl\/|^Wget\/|python-requests|python-urllib|Python\/[\d.]+ aiohttp|\baiohttp\/|python-httpx|^axios\/|node-fetch|\bundici\b|Go-http-client|^Java\/|\bokhttp\/|Apache-HttpClient|libwww-perl|PostmanRuntime|HeadlessChrome|PhantomJS|Chrome-Lighthouse|^Dart\/|\breqwest\/|^Ruby\b|Faraday v|GuzzleHttp|^PHP\/|^Deno\/|^Bun\/|^got \(|^Scrapy/i;

/**
 * Search engines, SEO tools, feed readers, monitors; then anything that calls itself a bot, crawler
 * or spider ("Cubot" is a phone brand, not a bot).
 */
const CRAWLER =
  /Googlebot|AdsBot-Google|Mediapartners-Google|APIs-Google|Storebot-Google|bingbot|BingPreview|Slurp|DuckDuckBot|Baiduspider|YandexBot|YandexMobileBot|Sogou|Exabot|SeznamBot|PetalBot|AhrefsBot|SemrushBot|MJ12bot|DotBot|BLEXBot|rogerbot|Screaming Frog|serpstatbot|DataForSeoBot|Applebot|Qwantify|Qwantbot|ia_archiver|archive\.org_bot|Feedfetcher|Feedly|Inoreader|NewsBlur|UptimeRobot|Pingdom|StatusCake|Site24x7|(?<!cu)bot\b|bot\/|crawler|spider|\bcrawl/i;

export type RequestTraits = {
  method: string;
  userAgent: string | null | undefined;
};

/** The reason this request is a bot, or null for what looks like a person. */
export function detectBot({ method, userAgent }: RequestTraits): BotReason | null {
  if (method.toUpperCase() === 'HEAD') return 'head_request';
  const agent = (userAgent ?? '').trim();
  if (agent.length === 0) return 'empty_user_agent';
  if (FEDIVERSE.test(agent)) return 'fediverse_preview';
  if (LINK_PREVIEW.test(agent)) return 'link_preview';
  if (AI_CRAWLER.test(agent)) return 'ai_crawler';
  if (HTTP_CLIENT.test(agent)) return 'http_client';
  if (CRAWLER.test(agent)) return 'crawler';
  return null;
}
