/** How many reverse proxies stand in front of the app, each appending one address to X-Forwarded-For. */
function proxyHops(value: string): number {
  if (!/^[1-9]\d{0,1}$/.test(value)) {
    throw new Error(
      `TRUST_PROXY_HOPS must be a whole number from 1 to 99 (the reverse proxies in front), not "${value}"`
    );
  }
  return Number(value);
}

export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // The address people reach the app at (links in e-mails, admin URL), e.g. https://cms.example.org
  ...(env('PUBLIC_URL') && { url: env('PUBLIC_URL') }),
  // Behind a reverse proxy, trust X-Forwarded-For so rate limits and IP signals see each visitor, not the
  // proxy; but only the last TRUST_PROXY_HOPS addresses, those our own proxies appended: a visitor can write
  // anything to the left of them.
  proxy: { koa: env.bool('TRUST_PROXY', false), maxIpsCount: proxyHops(env('TRUST_PROXY_HOPS', '') || '1') },
  // Filled in or checked by src/bootstrap/secrets.ts, like the admin secrets.
  app: { keys: env.array('APP_KEYS') },
  // Strapi's own cron is not used to publish: the cross-post dispatcher claims work in the database.
  cron: { enabled: env.bool('CRON_ENABLED', false) },
});
