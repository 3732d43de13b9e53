/**
 * One session on Discord's gateway as a bot, for the messages people send it directly (the REST API
 * never lists a bot's DMs): Hello, then Identify (or Resume a session that dropped: Discord replays
 * what it missed), heartbeats at the interval Hello gave, and a new connection whenever Discord asks
 * (Reconnect), drops, or stops acknowledging heartbeats. A refused token or intent ends it for good.
 * Only the shape of the protocol lives here; what the events mean is the gateway service's.
 */
import WebSocket from 'ws';

/** Direct messages (1 << 12): the only events asked for. Message content in DMs needs no privileged intent. */
export const DIRECT_MESSAGES_INTENT = 1 << 12;
const API_VERSION = 10;

/** Close codes after which connecting again with the same token and intents cannot help. */
const FATAL_CLOSE_CODES: Record<number, string> = {
  4004: 'Discord refused the bot token on its gateway: edit the account with a valid bot token.',
  4010: 'Discord refused the gateway shard.',
  4011: 'Discord asks this bot to be sharded: it is in too many servers for one gateway session.',
  4012: 'Discord refused the gateway API version.',
  4013: 'Discord refused the gateway intents.',
  4014: 'Discord refused the direct-message intent for this bot: allow it in the Developer Portal.',
};
/** Close codes after which the session cannot be resumed: identify anew. */
const FRESH_SESSION_CODES = new Set([4007, 4009]);
const MAX_BACKOFF_MS = 60_000;

export type SessionEvents = {
  /** A new session (`gap`: true, anything sent meanwhile was not replayed) or a resumed one (false). */
  connected(gap: boolean): void;
  /** Discord acknowledged a heartbeat: the session is alive. */
  alive(): void;
  dispatch(event: string, data: any): void;
  /** The session ended for good (token or intents refused). */
  fatal(reason: string): void;
  warn(message: string): void;
};

export type DiscordSession = { close(): void };

export function openDiscordSession(options: {
  /** `GET /gateway/bot`'s `url`. */
  gatewayUrl: string;
  token: string;
  events: SessionEvents;
  intents?: number;
}): DiscordSession {
  const { token, events, intents = DIRECT_MESSAGES_INTENT } = options;
  let socket: WebSocket | null = null;
  let closed = false;
  let sessionId: string | null = null;
  let resumeUrl: string | null = null;
  let sequence: number | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let acknowledged = true;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;

  const send = (payload: object) => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  };
  const beat = () => {
    // No acknowledgement since the last one: the connection is a zombie; a new one resumes.
    if (!acknowledged) {
      socket?.terminate();
      return;
    }
    acknowledged = false;
    send({ op: 1, d: sequence });
  };
  const stopHeartbeat = () => {
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
  };
  const forgetSession = () => {
    sessionId = null;
    resumeUrl = null;
    sequence = null;
  };

  /** A resume URL the token may go to: the same kind of WebSocket as the gateway's (wss from Discord). */
  const sameScheme = (url: unknown): url is string => {
    try {
      return typeof url === 'string' && new URL(url).protocol === new URL(options.gatewayUrl).protocol;
    } catch {
      return false;
    }
  };

  function connect() {
    retry = null;
    if (closed) return;
    const base = (sessionId && resumeUrl) || options.gatewayUrl;
    const url = new URL(base);
    url.searchParams.set('v', String(API_VERSION));
    url.searchParams.set('encoding', 'json');
    const current = new WebSocket(url);
    socket = current;
    current.on('message', (raw) => {
      let payload: any;
      try {
        payload = JSON.parse(String(raw));
      } catch {
        events.warn('Discord gateway sent something that is not JSON; ignored.');
        return;
      }
      receive(payload);
    });
    current.on('error', (error) => events.warn(`Discord gateway: ${error.message}`));
    current.on('close', (code) => {
      if (socket !== current) return;
      socket = null;
      stopHeartbeat();
      if (closed) return;
      const fatal = FATAL_CLOSE_CODES[code];
      if (fatal) {
        closed = true;
        events.fatal(fatal);
        return;
      }
      if (FRESH_SESSION_CODES.has(code)) forgetSession();
      later(backoff());
    });
  }

  function receive(payload: any) {
    if (typeof payload?.s === 'number') sequence = payload.s;
    switch (payload?.op) {
      case 10: {
        const interval = Number(payload.d?.heartbeat_interval);
        if (!Number.isFinite(interval) || interval < 100) {
          socket?.close(4000);
          return;
        }
        acknowledged = true;
        stopHeartbeat();
        // The first beat at a random moment of the interval (Discord's advice), then every interval.
        heartbeat = setTimeout(() => {
          beat();
          heartbeat = setInterval(beat, interval);
          heartbeat.unref?.();
        }, Math.random() * interval) as unknown as NodeJS.Timeout;
        heartbeat.unref?.();
        if (sessionId) send({ op: 6, d: { token, session_id: sessionId, seq: sequence } });
        else
          send({
            op: 2,
            d: {
              token,
              intents,
              properties: { os: process.platform, browser: 'porte-voix', device: 'porte-voix' },
            },
          });
        return;
      }
      case 11:
        acknowledged = true;
        events.alive();
        return;
      case 1:
        send({ op: 1, d: sequence });
        return;
      case 7:
        // Discord asks for a new connection: it resumes this session.
        socket?.close(4000);
        return;
      case 9:
        // Invalid session: resumable (d: true) or not; either way, a new connection a moment later.
        if (payload.d !== true) forgetSession();
        socket?.close(4000);
        return;
      case 0:
        if (payload.t === 'READY') {
          sessionId = String(payload.d?.session_id ?? '') || null;
          resumeUrl = sameScheme(payload.d?.resume_gateway_url) ? payload.d.resume_gateway_url : null;
          failures = 0;
          events.connected(true);
        } else if (payload.t === 'RESUMED') {
          failures = 0;
          events.connected(false);
        } else if (typeof payload.t === 'string') {
          events.dispatch(payload.t, payload.d);
        }
        return;
      default:
        return;
    }
  }

  /** 1 s, 2 s, 4 s… up to a minute, with a little jitter; a session that connects starts over. */
  function backoff() {
    failures += 1;
    return Math.min(MAX_BACKOFF_MS, 500 * 2 ** failures) * (0.8 + Math.random() * 0.4);
  }

  function later(ms: number) {
    if (closed || retry) return;
    retry = setTimeout(connect, ms);
    retry.unref?.();
  }

  connect();
  return {
    close() {
      closed = true;
      if (retry) clearTimeout(retry);
      stopHeartbeat();
      socket?.close(1000);
      socket = null;
    },
  };
}
