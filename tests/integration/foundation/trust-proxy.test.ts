import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';

import { bootStrapi, type TestApp } from '../../harness/strapi';

/** The address Koa (and so every rate limit and IP signal) sees for a request with this X-Forwarded-For. */
function visitorAddress(app: TestApp, forwardedFor: string): string {
  const request = new IncomingMessage(new Socket());
  request.headers = { 'x-forwarded-for': forwardedFor };
  const koa = app.strapi.server.app;
  return koa.createContext(request, new ServerResponse(request)).request.ip;
}

describe('behind a reverse proxy (TRUST_PROXY=true)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootStrapi({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await app?.stop();
    delete process.env.TRUST_PROXY;
  });

  it('sees the address our proxy appended, whatever a visitor forges to the left of it', () => {
    expect(visitorAddress(app, '203.0.113.7')).toBe('203.0.113.7');
    expect(visitorAddress(app, '1.2.3.4, 203.0.113.7')).toBe('203.0.113.7');
    expect(visitorAddress(app, '5.6.7.8, 9.9.9.9, 203.0.113.7')).toBe('203.0.113.7');
  });

  it('trusts one hop unless told otherwise', () => {
    expect(app.strapi.server.app.proxy).toBe(true);
    expect(app.strapi.server.app.maxIpsCount).toBe(1);
  });
});
