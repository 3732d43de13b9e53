import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Resolve } from '../feed-http';
import { FeedError, readFeed } from '../feed-reader';
import { isPublicAddress } from '../public-address';

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title>
<item><guid>1</guid><title>Porte-voix</title><description>On parle de nous</description></item></channel></rss>`;

describe('feed addresses', () => {
  it.each([
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.20.0.5', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['::ffff:127.0.0.1', false],
    ['not an address', false],
    ['8.8.8.8', true],
    ['2001:4860:4860::8888', true],
    ['::ffff:93.184.216.34', true],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('reading a feed', () => {
  let server: http.Server;
  let base: string;
  const requests: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/moved') {
        res.writeHead(302, { Location: '/feed' }).end();
      } else if (req.url === '/huge') {
        // No content-length: only counting what arrives stops it.
        res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        let sent = 0;
        const more = () => {
          while (sent < 8 && res.write(chunk)) sent += 1;
          if (sent < 8) res.once('drain', () => ((sent += 1), more()));
          else res.end();
        };
        more();
      } else {
        res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: '"v1"' }).end(RSS);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => requests.splice(0));

  it('refuses a feed on a private address without asking it anything', async () => {
    const read = readFeed(`${base}/feed`, null, { allowPrivateAddresses: false });
    await expect(read).rejects.toThrow(FeedError);
    await expect(read).rejects.toThrow('refused: 127.0.0.1 is a private address (127.0.0.1)');
    expect(requests).toEqual([]);
  });

  it('refuses a host whose name resolves to a private address, without asking it anything', async () => {
    const port = (server.address() as AddressInfo).port;
    const read = readFeed(`http://localhost:${port}/feed`, null, { allowPrivateAddresses: false });
    await expect(read).rejects.toThrow(/^refused: localhost is a private address \((127\.0\.0\.1|::1)\)/);
    expect(requests).toEqual([]);
  });

  it('connects to the address it checked: the host is resolved once, by the connection', async () => {
    const port = (server.address() as AddressInfo).port;
    // A name that would answer a public address first and the server's own one the next time (rebinding):
    // only one answer is ever asked for, and it is the one connected to.
    const answers = ['8.8.8.8', '127.0.0.1'];
    const asked: string[] = [];
    const rebinding: Resolve = (host, callback) => {
      asked.push(host);
      callback(null, [{ address: answers.shift()!, family: 4 }]);
    };
    const read = readFeed(`http://feeds.example:${port}/feed`, null, {
      allowPrivateAddresses: false,
      resolve: rebinding,
      timeoutMs: 500,
    });
    await expect(read).rejects.toThrow(/^unreachable/);
    expect(asked).toEqual(['feeds.example']);
    expect(requests).toEqual([]);

    // Allowed (development, an intranet), the same name is read from where it resolves.
    const local: Resolve = (_host, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]);
    const allowed = await readFeed(`http://feeds.example:${port}/feed`, null, {
      allowPrivateAddresses: true,
      resolve: local,
    });
    expect(allowed).toMatchObject({ changed: true, title: 'Blog' });
    expect(requests).toEqual(['/feed']);
  });

  it('follows a redirect, checking each address, and reads the feed', async () => {
    const read = await readFeed(`${base}/moved`, null, { allowPrivateAddresses: true });
    expect(read).toMatchObject({ changed: true, etag: '"v1"', title: 'Blog' });
    expect(requests).toEqual(['/moved', '/feed']);
  });

  it('stops reading a feed larger than 5 MB that does not say its length', async () => {
    await expect(readFeed(`${base}/huge`, null, { allowPrivateAddresses: true })).rejects.toThrow(
      'larger than 5 MB'
    );
  });
});
