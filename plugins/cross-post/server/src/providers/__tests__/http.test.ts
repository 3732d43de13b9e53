import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { httpAgent, providerContext } from '../http';

describe('keep-alive connections to a network', () => {
  let server: http.Server;
  beforeAll(async () => {
    server = http.createServer((_req, res) => res.end('{}'));
    // The server closes idle connections after 3 s and says so (`Keep-Alive: timeout=3`).
    server.keepAliveTimeout = 3_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    httpAgent.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('retires an idle connection a second before the server closes it, never reuses one it is closing', async () => {
    const { port } = server.address() as AddressInfo;
    const ctx = providerContext({ baseUrl: `http://127.0.0.1:${port}` } as any, 5_000);
    await ctx.http.get('/');
    const idle = Object.values(httpAgent.freeSockets).flat();
    expect(idle).toHaveLength(1);
    // Without a timeout of the agent's own, Node ignores the server's hint and keeps the socket forever.
    expect(idle[0]!.timeout).toBe(2_000);
  });
});
