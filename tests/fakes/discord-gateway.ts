/**
 * Discord's gateway, as the Discord fake serves it on its own port (`ws://…/gateway`): Hello with a
 * heartbeat interval, Identify (a refused token closes with 4004 Authentication failed), READY with a
 * session id and a `resume_gateway_url`, heartbeats acknowledged, Resume replaying what the session
 * missed then RESUMED (op 9 Invalid Session when it cannot), op 7 Reconnect on request. Events go to
 * every session of the bot that asked for their intent, numbered (`s`) per session.
 *
 * Controls for tests: `drop` (connections lost; sessions kept to resume, or forgotten: what came
 * meanwhile is missed), `askReconnect`, `identifies`/`resumes`, `connected`.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';

type Session = {
  id: string;
  bot: string;
  intents: number;
  seq: number;
  /** Every event sent in the session, for a Resume to replay. */
  log: { s: number; t: string; d: unknown }[];
  socket: WebSocket | null;
};

export const DIRECT_MESSAGES_INTENT = 1 << 12;

export class DiscordGatewayFake {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  /** Heartbeat interval sent in Hello (Discord's is about 41 s). */
  heartbeatMs = 41_250;
  identifies = 0;
  resumes = 0;

  constructor(
    private readonly url: () => string,
    private readonly refused: (token: string) => boolean,
    private readonly botUser: (token: string) => { id: string; username: string }
  ) {}

  reset() {
    for (const session of this.sessions.values()) session.socket?.terminate();
    this.sessions.clear();
    this.identifies = 0;
    this.resumes = 0;
    this.heartbeatMs = 41_250;
  }

  /** Whether `GET /gateway` was asked for: takes the upgrade. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if (!(req.url ?? '').startsWith('/gateway')) return false;
    this.server.handleUpgrade(req, socket, head, (ws) => this.connection(ws));
    return true;
  }

  /** Sessions of this bot with a live connection. */
  connected(bot: string): number {
    return [...this.sessions.values()].filter((s) => s.bot === bot && s.socket).length;
  }

  /**
   * An event for the bot's sessions that asked for `intent`: sent where connected, kept in the
   * session's log for a Resume where not.
   */
  dispatch(bot: string, intent: number, t: string, d: unknown) {
    for (const session of this.sessions.values()) {
      if (session.bot !== bot || (session.intents & intent) === 0) continue;
      this.send(session, t, d);
    }
  }

  /** The bot's connections are lost. `resumable`: false, Discord forgot the sessions too. */
  drop(bot: string, { resumable }: { resumable: boolean }) {
    for (const [id, session] of this.sessions) {
      if (session.bot !== bot) continue;
      const socket = session.socket;
      session.socket = null;
      socket?.terminate();
      if (!resumable) this.sessions.delete(id);
    }
  }

  /** Discord asks the bot's sessions to reconnect (op 7). */
  askReconnect(bot: string) {
    for (const session of this.sessions.values())
      if (session.bot === bot) session.socket?.send(JSON.stringify({ op: 7, d: null, s: null, t: null }));
  }

  private send(session: Session, t: string, d: unknown) {
    const s = ++session.seq;
    session.log.push({ s, t, d });
    session.socket?.send(JSON.stringify({ op: 0, s, t, d }));
  }

  private connection(ws: WebSocket) {
    let session: Session | null = null;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatMs }, s: null, t: null }));
    ws.on('message', (raw) => {
      let payload: any;
      try {
        payload = JSON.parse(String(raw));
      } catch {
        ws.close(4002, 'Error while decoding payload.');
        return;
      }
      switch (payload?.op) {
        case 1:
          ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
          return;
        case 2: {
          if (session) return ws.close(4005, 'Already authenticated.');
          const token = String(payload.d?.token ?? '');
          if (!token || this.refused(token)) return ws.close(4004, 'Authentication failed.');
          this.identifies += 1;
          session = {
            id: randomUUID(),
            bot: token,
            intents: Number(payload.d?.intents ?? 0),
            seq: 0,
            log: [],
            socket: ws,
          };
          this.sessions.set(session.id, session);
          this.send(session, 'READY', {
            v: 10,
            user: { ...this.botUser(token), bot: true },
            guilds: [],
            session_id: session.id,
            resume_gateway_url: this.url(),
            application: { id: this.botUser(token).id, flags: 0 },
          });
          return;
        }
        case 6: {
          const found = this.sessions.get(String(payload.d?.session_id ?? ''));
          if (!found || found.bot !== payload.d?.token) {
            ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
            return;
          }
          this.resumes += 1;
          found.socket?.terminate();
          found.socket = ws;
          session = found;
          const after = Number(payload.d?.seq ?? 0);
          for (const entry of found.log.filter((e) => e.s > after))
            ws.send(JSON.stringify({ op: 0, s: entry.s, t: entry.t, d: entry.d }));
          this.send(found, 'RESUMED', null);
          return;
        }
        default:
          return;
      }
    });
    ws.on('close', () => {
      if (session?.socket === ws) session.socket = null;
    });
  }
}
