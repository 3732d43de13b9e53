/**
 * Discord's gateway for each Discord account that has a bot: the only way to learn that someone
 * wrote to the bot privately (Discord never lists a bot's DMs). What it hears is only where: each
 * message moves its conversation up (repositories/direct-channels.repository.ts), and the inbox reads
 * the conversations through the REST API from the account's cursor (providers/discord-direct.ts), so
 * nothing rests on the connection alone. The account records since when the connection heard
 * everything without a gap, and that it is alive; after a gap the inbox reads every conversation.
 *
 * Each instance with the gateway on (CROSS_POST_DISCORD_GATEWAY, on by default) holds its own
 * session per bot; Discord sends both the same events and the rows they write are the same.
 */
import type { Core } from '@strapi/strapi';

import type { ProviderAccount } from '../providers';
import { providerContext } from '../providers/http';
import { accountsRepository } from '../repositories/accounts.repository';
import { directChannelsRepository } from '../repositories/direct-channels.repository';
import type { CrossPostConfig } from '../config';
import { PLUGIN_ID } from '../plugin-id';
import { AccountUnusableError } from '../utils/credentials';
import { getService } from '../utils/get-service';
import { openDiscordSession, type DiscordSession } from './gateway/discord-session';
import { gatewayUrlSchema } from './gateway/gateway-url';
import { ALIVE_EVERY_MS } from './gateway/liveness';

/** Accounts are looked at again every minute: a bot added, its token changed, the account removed. */
const SYNC_EVERY_MS = 60_000;

/**
 * A session held for an account. `missedSince`: a message heard could not be written down (the
 * database failed): the account's gapless time starts again from then, written at once (and at the
 * next heartbeat if that fails too).
 */
type Held = { token: string; session: DiscordSession; aliveWrittenAt: number; missedSince: Date | null };

const gatewayService = ({ strapi }: { strapi: Core.Strapi }) => {
  const accounts = accountsRepository(strapi);
  const channels = directChannelsRepository(strapi);
  const sessions = new Map<number, Held>();
  /** The token Discord refused for good, per account: not tried again until it changes. */
  const refused = new Map<number, string>();
  let timer: NodeJS.Timeout | null = null;
  let syncing: Promise<void> | null = null;
  let stopped = false;

  const enabled = () =>
    (
      strapi.plugin(PLUGIN_ID).config as unknown as <K extends keyof CrossPostConfig>(
        k: K
      ) => CrossPostConfig[K]
    )('discordGateway');
  const warn = (accountId: number, message: string) =>
    strapi.log.warn(`[cross-post] Discord gateway, account ${accountId}: ${message}`);
  const quietly = (accountId: number, work: Promise<unknown>) =>
    void work.catch((error) => warn(accountId, (error as Error).message));

  /** The accounts that should hold a session, with their bot token. */
  async function wanted(): Promise<Map<number, ProviderAccount & { token: string }>> {
    const found = new Map<number, ProviderAccount & { token: string }>();
    for (const state of await accounts.readStates()) {
      if (state.network !== 'discord') continue;
      let account: ProviderAccount | null;
      try {
        account = await getService(strapi, 'accounts').forProvider(state.id);
      } catch (error) {
        if (error instanceof AccountUnusableError) continue;
        throw error;
      }
      const token = account?.credentials.botToken;
      if (account && token) found.set(state.id, { ...account, token });
    }
    return found;
  }

  /** `GET /gateway/bot`: where to connect. A refused token is refused for good (until it changes). */
  async function gatewayUrl(account: ProviderAccount & { token: string }): Promise<string | null> {
    const response = await providerContext(account).http.get('/gateway/bot', {
      headers: { Authorization: `Bot ${account.token}` },
      validateStatus: () => true,
    });
    if (response.status === 401 || response.status === 403) {
      refused.set(account.id, account.token);
      warn(account.id, 'Discord refused the bot token: edit the account with a valid bot token.');
      return null;
    }
    const url = gatewayUrlSchema(account.baseUrl).safeParse(response.data?.url);
    if (response.status >= 300 || !url.success) {
      warn(
        account.id,
        `Discord did not say where its gateway is (${response.status}); tried again in a minute.`
      );
      return null;
    }
    return url.data;
  }

  function open(account: ProviderAccount & { token: string }, url: string) {
    const id = account.id;
    /** Alive, written every ALIVE_EVERY_MS at most; at once with the time of a message not written down. */
    const writeAlive = () => {
      const now = Date.now();
      const missed = held.missedSince;
      if (!missed && now - held.aliveWrittenAt < ALIVE_EVERY_MS) return;
      held.aliveWrittenAt = now;
      quietly(
        id,
        accounts.gatewayAlive(id, new Date(now), missed).then(() => {
          if (held.missedSince === missed) held.missedSince = null;
        })
      );
    };
    const held: Held = {
      token: account.token,
      aliveWrittenAt: 0,
      missedSince: null,
      session: openDiscordSession({
        gatewayUrl: url,
        token: account.token,
        events: {
          connected(gap) {
            const now = new Date();
            held.aliveWrittenAt = now.getTime();
            quietly(id, accounts.gatewayAlive(id, now, gap ? now : null));
          },
          alive: () => writeAlive(),
          dispatch(event, data) {
            // A person's message to the bot: a DM has no server; the bot's own answers are not news.
            if (event !== 'MESSAGE_CREATE' || data?.guild_id || data?.author?.bot) return;
            const channelId = String(data?.channel_id ?? '');
            const messageId = String(data?.id ?? '');
            if (!/^\d{1,25}$/.test(channelId) || !/^\d{1,25}$/.test(messageId)) return;
            const recipientName = String(data.author?.global_name ?? data.author?.username ?? '');
            quietly(
              id,
              channels.heard(id, { channelId, messageId, recipientName }).catch((error) => {
                // Not written down: the inbox must read every conversation again, not only those moved.
                held.missedSince ??= new Date();
                writeAlive();
                throw error;
              })
            );
          },
          fatal(reason) {
            sessions.delete(id);
            refused.set(id, account.token);
            warn(id, reason);
          },
          warn: (message) => warn(id, message),
        },
      }),
    };
    sessions.set(id, held);
  }

  async function syncNow() {
    const current = await wanted();
    for (const [id, held] of sessions) {
      if (current.get(id)?.token === held.token) continue;
      held.session.close();
      sessions.delete(id);
    }
    for (const [id, account] of current) {
      if (stopped || sessions.has(id) || refused.get(id) === account.token) continue;
      const url = await gatewayUrl(account).catch((error) => {
        warn(id, `${(error as Error).message}; tried again in a minute.`);
        return null;
      });
      if (url && !stopped && !sessions.has(id)) open(account, url);
    }
  }

  return {
    start() {
      if (!enabled() || timer) return;
      stopped = false;
      void this.sync();
      timer = setInterval(() => void this.sync(), SYNC_EVERY_MS);
      timer.unref?.();
    },

    /** Opens the sessions of accounts that gained a bot, closes those of accounts that lost theirs. */
    async sync(): Promise<void> {
      if (!enabled() || stopped) return;
      // One look at a time; a call meanwhile waits for it and looks again.
      while (syncing) await syncing.catch(() => undefined);
      syncing = syncNow()
        .catch((error) => {
          strapi.log.warn(`[cross-post] Discord gateway: ${(error as Error).message}`);
        })
        .finally(() => (syncing = null));
      await syncing;
    },

    /** Whether the account holds a session now (for the admin and tests). */
    holds: (accountId: number) => sessions.has(accountId),

    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await syncing?.catch(() => undefined);
      for (const held of sessions.values()) held.session.close();
      sessions.clear();
    },
  };
};

export type GatewayService = ReturnType<typeof gatewayService>;
export default gatewayService;
