/**
 * One axios client per network host and timeout, on shared keep-alive agents: the account's base URL
 * decides the host. Clients are shared because nothing changes them after creation (credentials go
 * in each request's headers), and creating one per send cost more CPU than the send itself.
 */
import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';

import type { ProviderAccount, ProviderContext } from './types';

/**
 * An idle connection is retired before its server closes it: reusing one the server is closing fails
 * the send with ECONNRESET after it may have left, and on a network without idempotency (X, Discord)
 * the post then waits to be looked up or for an editor. Node retires an idle socket a second before
 * the server's `Keep-Alive: timeout=…` only when the agent has a timeout of its own; 30 s covers the
 * servers that announce nothing. (A request's own timeout is axios's, set per request.)
 */
const IDLE_SOCKET_MS = 30_000;
const agentOptions = { keepAlive: true, maxSockets: 64, timeout: IDLE_SOCKET_MS };
export const httpAgent = new http.Agent(agentOptions);
const httpsAgent = new https.Agent(agentOptions);

/** Bounded: a few hosts per network in practice, self-hosted Mastodon instances aside. */
const CLIENTS_KEPT = 500;
const clients = new Map<string, AxiosInstance>();

function clientFor(baseURL: string, timeout: number): AxiosInstance {
  const key = `${timeout} ${baseURL}`;
  let client = clients.get(key);
  if (!client) {
    if (clients.size >= CLIENTS_KEPT) clients.delete(clients.keys().next().value as string);
    client = axios.create({ baseURL, timeout, httpAgent, httpsAgent, maxRedirects: 0 });
    clients.set(key, client);
  }
  return client;
}

export function providerContext(account: ProviderAccount, timeoutMs = 15_000): ProviderContext {
  return { account, http: clientFor(account.baseUrl.replace(/\/+$/, ''), timeoutMs) };
}
