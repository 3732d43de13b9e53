/** One axios client per call, on shared keep-alive agents; the account's base URL decides the host. */
import http from 'node:http';
import https from 'node:https';
import axios from 'axios';

import type { ProviderAccount, ProviderContext } from './types';

const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64 });

export function providerContext(account: ProviderAccount, timeoutMs = 15_000): ProviderContext {
  return {
    account,
    http: axios.create({
      baseURL: account.baseUrl.replace(/\/+$/, ''),
      timeout: timeoutMs,
      httpAgent,
      httpsAgent,
      maxRedirects: 0,
    }),
  };
}
