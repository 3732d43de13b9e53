/**
 * Who a request comes from, as far as counting needs and no further: a visitor hash (HMAC of address
 * and user agent under a random salt of the day), whether it is a bot, the referring host. No cookie,
 * and the address is never stored: once the day's salt is deleted, no hash can be traced back.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

import type { EngagementConfig } from '../config';
import { detectBot, type BotReason } from '../domain/bot-detection';
import { hourOf, localDay } from '../domain/local-day';
import { referrerHost } from '../domain/referrer';
import { PLUGIN_ID } from '../plugin-id';
import { visitorSaltsRepository } from '../repositories/visitor-salts.repository';
import { once } from '../utils/once';

export type RequestTraits = {
  ip: string;
  userAgent: string | undefined;
  method: string;
  referer: string | undefined;
};

export type Visit = {
  visitorHash: string;
  botReason: BotReason | null;
  referrerHost: string | null;
  occurredAt: Date;
  /** The day in the target's time zone. */
  day: string;
  hour: number;
};

/** What a koa request tells about its visitor (the address as the proxy settings resolve it). */
export const traitsOf = (ctx: any): RequestTraits => ({
  ip: ctx.request.ip,
  userAgent: ctx.get('user-agent') || undefined,
  method: ctx.method,
  referer: ctx.get('referer') || undefined,
});

/** Browsers share a few user agents: each is read against the bot rules once, not on every click. */
const AGENTS_REMEMBERED = 2_000;

const visitorsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const botByAgent = new Map<string, BotReason | null>();
  const botReasonOf = (method: string, userAgent: string | undefined): BotReason | null => {
    if (method.toUpperCase() === 'HEAD') return 'head_request';
    const agent = userAgent ?? '';
    const known = botByAgent.get(agent);
    if (known !== undefined) return known;
    const reason = detectBot({ method: 'GET', userAgent: agent });
    if (botByAgent.size >= AGENTS_REMEMBERED) botByAgent.clear();
    botByAgent.set(agent, reason);
    return reason;
  };

  const salts = visitorSaltsRepository(strapi);
  const saltZone = once(() => strapi.plugin(PLUGIN_ID).config('timeZone') as EngagementConfig['timeZone']);
  // The day's salt, read once per day by each instance; a failed read is tried again on the next request.
  let current: { day: string; salt: Promise<string> } | null = null;

  const saltOf = (day: string): Promise<string> => {
    if (current?.day === day) return current.salt;
    const salt = (async () => {
      const stored = await salts.find(day);
      if (stored) return stored;
      const created = await salts.findOrCreate(day, randomBytes(32).toString('base64url'));
      // The days before are over: their salts go, and with them any way to link a hash to a person.
      await salts.deleteBefore(day);
      return created;
    })();
    current = { day, salt };
    salt.catch(() => {
      if (current?.salt === salt) current = null;
    });
    return salt;
  };

  return {
    /** The salt day of `at` (in the plugin's time zone). */
    saltDay: (at: Date) => localDay(at, saltZone()),

    async visitorHash(ip: string, userAgent: string | undefined, at: Date): Promise<string> {
      const salt = await saltOf(localDay(at, saltZone()));
      return createHmac('sha256', salt)
        .update(`${ip}\n${userAgent ?? ''}`)
        .digest('base64url');
    },

    /** Everything the counts keep about a request, for a target dated in `timeZone`. */
    async visit(traits: RequestTraits, timeZone: string, at = new Date()): Promise<Visit> {
      return {
        visitorHash: await this.visitorHash(traits.ip, traits.userAgent, at),
        botReason: botReasonOf(traits.method, traits.userAgent),
        referrerHost: referrerHost(traits.referer),
        occurredAt: at,
        day: localDay(at, timeZone),
        hour: hourOf(at),
      };
    },

    /** Deletes every salt before today's (the maintenance timer; a new day's first request does it too). */
    deleteOldSalts: (at = new Date()) => salts.deleteBefore(localDay(at, saltZone())),
  };
};

export default visitorsService;
