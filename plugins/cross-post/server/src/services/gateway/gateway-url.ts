import { z } from 'zod';

/**
 * Where the bot token may go: a secure WebSocket, as Discord's API answers it; a plain one only when
 * the API host itself is plain HTTP (the fakes of tests and demos, `apiBaseUrls`).
 */
export const gatewayUrlSchema = (apiBaseUrl: string) =>
  z
    .string()
    .url()
    .regex(apiBaseUrl.startsWith('http://') ? /^wss?:\/\// : /^wss:\/\//);
