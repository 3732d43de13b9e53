/**
 * Feeds on the web (blogs, forums, Google Alerts' Atom feeds), as a listening search reads them:
 * each path serves what a test put there, RSS 2.0 or Atom, a broken document, or an error; an
 * ETag lets a reader ask `If-None-Match` and get 304 when nothing changed, as most feed servers do.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';

export type FeedItem = {
  id: string;
  title: string;
  text: string;
  link: string;
  author?: string;
  published: Date;
  language?: string;
};

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An RSS 2.0 document, newest item first as blogs publish them. */
export function rssOf(title: string, items: FeedItem[], language = 'fr'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${escape(title)}</title><link>https://blog.example.org/</link><language>${language}</language>
<description>${escape(title)}</description>
${[...items]
  .sort((a, b) => b.published.getTime() - a.published.getTime())
  .map(
    (item) => `<item>
<title>${escape(item.title)}</title>
<link>${escape(item.link)}</link>
<guid isPermaLink="false">${escape(item.id)}</guid>
<pubDate>${item.published.toUTCString()}</pubDate>
${item.author ? `<dc:creator><![CDATA[${item.author}]]></dc:creator>` : ''}
<description><![CDATA[<p>${item.text}</p>]]></description>
</item>`
  )
  .join('\n')}
</channel>
</rss>`;
}

/** An Atom document, as Google Alerts serves one. */
export function atomOf(title: string, items: FeedItem[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>tag:alerts.example.org,2026:feed</id>
<title>${escape(title)}</title>
<updated>${new Date().toISOString()}</updated>
${[...items]
  .sort((a, b) => b.published.getTime() - a.published.getTime())
  .map(
    (item) => `<entry>
<id>${escape(item.id)}</id>
<title type="html">${escape(item.title)}</title>
<link href="${escape(item.link)}"/>
<published>${item.published.toISOString()}</published>
<updated>${item.published.toISOString()}</updated>
${item.author ? `<author><name>${escape(item.author)}</name></author>` : ''}
<content type="html" ${item.language ? `xml:lang="${item.language}"` : ''}>${escape(item.text)}</content>
</entry>`
  )
  .join('\n')}
</feed>`;
}

type Served = { status: number; body: string; contentType: string };

export class FeedsFake {
  baseUrl = '';
  readonly requests: { path: string; ifNoneMatch?: string; status: number }[] = [];
  private server?: http.Server;
  private served = new Map<string, Served>();

  /** What `path` serves from now on (200 with an ETag of its body, unless `status` says otherwise). */
  serve(path: string, body: string, options: { status?: number; contentType?: string } = {}): string {
    this.served.set(path, {
      status: options.status ?? 200,
      body,
      contentType: options.contentType ?? 'application/rss+xml; charset=utf-8',
    });
    return `${this.baseUrl}${path}`;
  }

  url(path: string) {
    return `${this.baseUrl}${path}`;
  }

  async start(port = 0): Promise<void> {
    this.server = http.createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const served = this.served.get(path);
      const ifNoneMatch = req.headers['if-none-match'] as string | undefined;
      if (!served) {
        this.requests.push({ path, ifNoneMatch, status: 404 });
        res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not Found</h1>');
        return;
      }
      const etag = `"${createHash('sha1').update(served.body).digest('hex').slice(0, 16)}"`;
      if (served.status === 200 && ifNoneMatch === etag) {
        this.requests.push({ path, ifNoneMatch, status: 304 });
        res.writeHead(304, { ETag: etag }).end();
        return;
      }
      this.requests.push({ path, ifNoneMatch, status: served.status });
      res.writeHead(served.status, { 'Content-Type': served.contentType, ETag: etag }).end(served.body);
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
