/**
 * Reads an RSS 2.0 or Atom feed (a blog, a forum, a Google Alerts feed) into entries, asking the
 * server with the ETag it gave last time so that an unchanged feed costs a 304. Whatever goes
 * wrong (no answer, an error status, something that is not a feed, XML that does not parse) is a
 * `FeedError` whose message says what and where, for the admin to show on that feed.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { getFeed, PrivateAddressError, type FeedResponse, type Resolve } from './feed-http';

/** A feed larger than this is not a feed a listening search should read. */
const MAX_FEED_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

export class FeedError extends Error {}

export type FeedEntry = {
  id: string;
  title: string;
  text: string;
  link: string | null;
  author: string | null;
  publishedAt: string | null;
  language: string | null;
};

export type FeedRead =
  { changed: false } | { changed: true; etag: string | null; title: string | null; entries: FeedEntry[] };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link', 'category'].includes(name),
});

/** The text of a node that may be a string, a number, or `{ '#text': … }` with attributes. */
const textOf = (node: unknown): string => {
  if (node === null || node === undefined) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return textOf(node[0]);
  if (typeof node === 'object') return textOf((node as any)['#text']);
  return '';
};

const plain = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const dateOf = (value: string): string | null => {
  const at = Date.parse(value.trim());
  return Number.isFinite(at) ? new Date(at).toISOString() : null;
};

function rssEntries(channel: any): FeedEntry[] {
  const language = textOf(channel.language) || null;
  return (channel.item ?? []).map((item: any) => {
    const link = textOf(item.link) || null;
    return {
      id: textOf(item.guid) || link || `${textOf(item.title)}|${textOf(item.pubDate)}`,
      title: plain(textOf(item.title)),
      text: plain(textOf(item.description) || textOf(item['content:encoded'])),
      link,
      author: textOf(item['dc:creator']) || textOf(item.author) || null,
      publishedAt: dateOf(textOf(item.pubDate) || textOf(item['dc:date'])),
      language,
    };
  });
}

function atomEntries(feed: any): FeedEntry[] {
  const feedLanguage = feed['@_xml:lang'] ?? null;
  return (feed.entry ?? []).map((entry: any) => {
    const links = (entry.link ?? []) as any[];
    const link =
      links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate')?.['@_href'] ??
      links[0]?.['@_href'] ??
      null;
    const content = entry.content ?? entry.summary;
    return {
      id: textOf(entry.id) || link || textOf(entry.title),
      title: plain(textOf(entry.title)),
      text: plain(textOf(content)),
      link,
      author: textOf(entry.author?.name) || null,
      publishedAt: dateOf(textOf(entry.published) || textOf(entry.updated)),
      language: content?.['@_xml:lang'] ?? entry['@_xml:lang'] ?? feedLanguage,
    };
  });
}

/** Parses a feed document; throws FeedError saying why it is not one. */
export function parseFeed(xml: string): { title: string | null; entries: FeedEntry[] } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new FeedError(
      `not well-formed XML (line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg})`
    );
  const document = parser.parse(xml);
  if (document?.rss?.channel) {
    const channel = Array.isArray(document.rss.channel) ? document.rss.channel[0] : document.rss.channel;
    return { title: plain(textOf(channel.title)) || null, entries: rssEntries(channel) };
  }
  if (document?.feed)
    return { title: plain(textOf(document.feed.title)) || null, entries: atomEntries(document.feed) };
  const root = Object.keys(document ?? {}).find((key) => !key.startsWith('?')) ?? 'nothing';
  throw new FeedError(`not an RSS 2.0 or Atom feed (its root element is <${root}>)`);
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

export type FeedReadOptions = {
  /** Development and tests (fake feeds on 127.0.0.1), or an intranet's feeds: see public-address.ts. */
  allowPrivateAddresses: boolean;
  /** How hosts are resolved (tests); Node's own lookup by default. */
  resolve?: Resolve;
  /** How long a read may take, answer and body (15 s by default). */
  timeoutMs?: number;
};

async function request(address: URL, etag: string | null, options: FeedReadOptions): Promise<FeedResponse> {
  try {
    return await getFeed(address, {
      headers: {
        Accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8',
        'User-Agent': 'Porte-voix listening (+https://github.com/porte-voix)',
        ...(etag && { 'If-None-Match': etag }),
      },
      timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
      allowPrivateAddresses: options.allowPrivateAddresses,
      resolve: options.resolve,
    });
  } catch (error: any) {
    if (error instanceof PrivateAddressError) throw new FeedError(`refused: ${error.message}`);
    throw new FeedError(`unreachable (${error?.code ?? error?.message ?? String(error)})`);
  }
}

/** The body as text, read no further than MAX_FEED_BYTES whatever the server says of its length. */
async function cappedText(response: FeedResponse): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > MAX_FEED_BYTES) {
        response.discard();
        throw new FeedError(`larger than ${MAX_FEED_BYTES / 1024 / 1024} MB`);
      }
      chunks.push(chunk);
    }
  } catch (error: any) {
    if (error instanceof FeedError) throw error;
    throw new FeedError(`unreachable while reading (${error?.code ?? error?.message ?? String(error)})`);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

export async function readFeed(
  url: string,
  etag: string | null,
  options: FeedReadOptions
): Promise<FeedRead> {
  let address = new URL(url);
  let response: FeedResponse;
  for (let hops = 0; ; hops += 1) {
    response = await request(address, etag, options);
    if (!REDIRECTS.has(response.status)) break;
    response.discard();
    const location = response.header('location');
    if (!location)
      throw new FeedError(`the server answered HTTP ${response.status} with no address to follow`);
    if (hops >= MAX_REDIRECTS) throw new FeedError(`redirected more than ${MAX_REDIRECTS} times`);
    address = new URL(location, address);
    if (!/^https?:$/.test(address.protocol))
      throw new FeedError(`redirected to a ${address.protocol} address, not an http(s) one`);
  }
  if (response.status === 304 || response.status < 200 || response.status >= 300) response.discard();
  if (response.status === 304) return { changed: false };
  if (response.status < 200 || response.status >= 300)
    throw new FeedError(`the server answered HTTP ${response.status}`);
  const length = Number(response.header('content-length') ?? 0);
  if (length > MAX_FEED_BYTES) {
    response.discard();
    throw new FeedError(`larger than ${MAX_FEED_BYTES / 1024 / 1024} MB`);
  }
  const { title, entries } = parseFeed(await cappedText(response));
  return { changed: true, etag: response.header('etag'), title, entries };
}
