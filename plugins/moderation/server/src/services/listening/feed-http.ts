/**
 * One GET of a feed address. The host is resolved once, by the connection itself, and every address it
 * resolves to is checked there (public-address.ts) before anything connects: the address checked is the
 * address connected to, so a host that answers DNS one way for a check and another way for the
 * connection (rebinding) cannot reach the server's own network. Redirects are not followed here (the
 * feed reader follows each, through this again).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';

import { isPublicAddress } from './public-address';

export type FeedResponse = {
  status: number;
  header(name: string): string | null;
  body: AsyncIterable<Buffer>;
  /** Stops reading the body and closes the connection. */
  discard(): void;
};

/** The host resolves to (or is) an address that is not public: nothing was sent to it. */
export class PrivateAddressError extends Error {
  constructor(host: string, address: string) {
    super(`${host} is a private address (${address}); a feed must be a public page`);
  }
}

/** How the host is resolved: Node's own lookup (tests give another). */
export type Resolve = (
  host: string,
  callback: (error: Error | null, addresses: LookupAddress[]) => void
) => void;

const systemResolve: Resolve = (host, callback) =>
  dnsLookup(host, { all: true }, (error, addresses) => callback(error, addresses ?? []));

export type FeedGetOptions = {
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivateAddresses: boolean;
  resolve?: Resolve;
};

export function getFeed(address: URL, options: FeedGetOptions): Promise<FeedResponse> {
  const host = address.hostname.replace(/^\[|\]$/g, '');
  // An address typed as an IP is connected to as it is: no lookup runs for it.
  if (isIP(host) && !options.allowPrivateAddresses && !isPublicAddress(host))
    return Promise.reject(new PrivateAddressError(host, host));
  const resolve = options.resolve ?? systemResolve;
  const lookup = (
    hostname: string,
    lookupOptions: { all?: boolean },
    callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void
  ) =>
    resolve(hostname, (error, addresses) => {
      if (error) return callback(error, '');
      if (addresses.length === 0) return callback(new Error(`${hostname} has no address`), '');
      const inside = options.allowPrivateAddresses
        ? undefined
        : addresses.find((entry) => !isPublicAddress(entry.address));
      if (inside) return callback(new PrivateAddressError(hostname, inside.address), '');
      if (lookupOptions.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });

  const client = address.protocol === 'https:' ? https : http;
  return new Promise((resolvePromise, reject) => {
    const request = client.get(address, { headers: options.headers, lookup: lookup as any }, (response) => {
      // The time allowed covers the body too: a server that trickles it is cut off all the same.
      response.once('close', () => clearTimeout(timer));
      resolvePromise({
        status: response.statusCode ?? 0,
        header: (name) => {
          const value = response.headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
        body: response,
        discard: () => response.destroy(),
      });
    });
    const timer = setTimeout(() => {
      const error = new Error(`no answer within ${options.timeoutMs / 1000} s`);
      error.name = 'TimeoutError';
      request.destroy(error);
    }, options.timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
