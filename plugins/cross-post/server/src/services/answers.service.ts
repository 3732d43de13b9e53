/**
 * Answers sent as an account under a reply or mention (the moderation inbox's "reply"), with the
 * dispatcher's guarantees: one row per idempotency key (a double click, a retried request or a second
 * instance finds it), sent by whoever holds its lease, and an outcome that is never guessed. Where the
 * network keeps idempotency keys (Mastodon, an hour), an unknown outcome is resolved by sending again
 * with the same key, which the network answers with the first post; elsewhere (Telegram) it stays
 * `unconfirmed` and is never re-sent blindly: where the provider can look its answers up (a direct
 * message on Bluesky, X or Messenger, `findAnswer`), sending it again looks first and records it sent
 * if it is there; so does a network whose memory of the key is over (Discord's nonce, minutes);
 * otherwise someone checks the network. An answer sent in steps
 * (Threads: a container, then its publication) keeps its progress on the row: the next attempt, after
 * a crash or an unknown outcome, resumes the same container and never creates a second one. As for
 * deliveries, a send is marked right before its request: one whose lease ran out after that (its
 * instance died once the network had it, perhaps) becomes `unconfirmed`, never re-sent blindly; one
 * that never got that far is simply sent.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { parse } from '@porte-voix/kit/server';
import type { AnswerFailureKind } from '@porte-voix/kit/contracts';

import {
  NETWORKS,
  providerFor,
  type ErrorVerdict,
  type NetworkId,
  type PublishResult,
  type RemotePost,
} from '../providers';
import { providerContext } from '../providers/http';
import { repliesRepository, type ReplyRow } from '../repositories/replies.repository';
import { AccountUnusableError, redactSecrets } from '../utils/credentials';
import { getService } from '../utils/get-service';
import { leasedProgress } from './dispatcher/progress';

/** A send may not hold a reply longer than this (the request's own timeout is shorter). */
const LEASE_MS = 60_000;
const SEND_TIMEOUT_MS = 20_000;

const answerSchema = z.object({
  accountId: z.number().int().positive(),
  inReplyTo: z.string().trim().min(1).max(255),
  text: z.string().trim().min(1, 'text: write the answer').max(5000),
  language: z.string().max(10).nullish(),
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,100}$/, 'idempotencyKey: 8 to 100 letters, digits, - or _'),
  requestedBy: z.string().max(200).nullish(),
});
export type AnswerInput = z.input<typeof answerSchema>;

export type PublicAnswer = {
  id: number;
  accountId: number;
  network: string;
  inReplyTo: string;
  text: string;
  status: ReplyRow['status'];
  remoteId: string | null;
  url: string | null;
  failureReason: string | null;
  failureKind: AnswerFailureKind | null;
  attemptCount: number;
  sentAt: string | null;
  createdAt: string;
};

/** The send lost its lease before its request (another instance took the row): nothing left from here. */
class AnswerLeaseLost extends Error {}

/** How long the network recognises the key of an answer under `inReplyTo` (0: it keeps none). */
const keyWindowOf = (provider: ReturnType<typeof providerFor>, inReplyTo: string) =>
  provider.replyIdempotencyWindowFor?.(inReplyTo) ??
  provider.replyIdempotencyWindowMs ??
  provider.idempotencyWindowMs;

/** Why an answer's outcome is unknown, and what the editor does next on this network. */
function uncertainFailure(
  provider: ReturnType<typeof providerFor>,
  inReplyTo: string,
  detail: string
): { failureReason: string; failureKind: AnswerFailureKind } {
  return keyWindowOf(provider, inReplyTo) > 0
    ? {
        failureKind: 'uncertain_resend',
        failureReason: `The answer may have been published (${detail}): sending it again is safe, ${provider.displayName} recognises it.`,
      }
    : {
        failureKind: 'uncertain_check',
        failureReason: `The answer may have been published (${detail}): check on ${provider.displayName} before writing it again.`,
      };
}

/** What kind of refusal a network's verdict on an answer is, for the editor's language. */
function refusalKind(verdict: ErrorVerdict): AnswerFailureKind {
  if (verdict.action === 'retry') return verdict.rateLimited ? 'rate_limited' : 'refused';
  if (verdict.action === 'refresh' || (verdict.action === 'reject' && verdict.credentials))
    return 'reconnect';
  if (verdict.action === 'reject' && verdict.windowClosed) return 'window_closed';
  return 'refused';
}

const ABANDONED = 'its sending instance stopped before recording what the network answered';

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

const toPublic = (row: ReplyRow): PublicAnswer => ({
  id: row.id,
  accountId: row.accountId,
  network: row.network,
  inReplyTo: row.inReplyTo,
  text: row.text,
  status: row.status,
  remoteId: row.remoteId ?? null,
  url: row.url ?? null,
  failureReason: row.failureReason ?? null,
  failureKind: row.failureKind ?? null,
  attemptCount: row.attemptCount ?? 0,
  sentAt: iso(row.sentAt),
  createdAt: iso(row.createdAt)!,
});

const answersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const replies = repliesRepository(strapi);

  async function accountAndProvider(accountId: number) {
    const account = await getService(strapi, 'accounts')
      .forProvider(accountId)
      .catch((error) => {
        if (error instanceof AccountUnusableError)
          throw new errors.ApplicationError(error.message, { reason: 'account_unusable' });
        throw error;
      });
    if (!account)
      throw new errors.NotFoundError(`No cross-post account ${accountId}.`, { reason: 'account_not_found' });
    return { account, provider: providerFor(account.network as NetworkId) };
  }

  type Account = Awaited<ReturnType<typeof accountAndProvider>>['account'];
  type Provider = ReturnType<typeof providerFor>;

  /**
   * One call to the network as the account; an expired session (Bluesky, X) is refreshed once across
   * instances, as for publishing, and the call made again. Any other failure is the caller's to judge.
   */
  async function asAccount<T>(
    account: Account,
    provider: Provider,
    call: (ctx: ReturnType<typeof providerContext>) => Promise<T>
  ): Promise<T> {
    // The quota units an answer spends (YouTube's) are counted on the account.
    const contextOf = (as: Account) => ({
      ...providerContext(as, SEND_TIMEOUT_MS),
      spendQuota: (quotaDay: string, units: number) =>
        getService(strapi, 'accounts').spendQuota(as, quotaDay, units),
    });
    try {
      return await call(contextOf(account));
    } catch (error) {
      if (provider.classifyError(error).action !== 'refresh' || !provider.refresh) throw error;
      const refresh = provider.refresh.bind(provider);
      const renewed = await getService(strapi, 'accounts').refreshOnce(account, () =>
        refresh(providerContext(account, SEND_TIMEOUT_MS))
      );
      return call(contextOf(renewed));
    }
  }

  /** One call to the network as the account; its refusal is an error an editor can read. */
  async function onNetwork(
    account: Account,
    provider: Provider,
    call: (ctx: ReturnType<typeof providerContext>) => Promise<void>
  ) {
    try {
      await asAccount(account, provider, call);
    } catch (error) {
      const verdict = provider.classifyError(error);
      throw new errors.ApplicationError(
        redactSecrets(verdict.reason, account.credentials, provider.credentialFields),
        { reason: 'network_refused' }
      );
    }
  }
  /**
   * An answer whose outcome is unknown, on a network that keeps no key for it, is looked up where the
   * provider can (`findAnswer`): found, it was sent. Not found, it stays unconfirmed (it may still be
   * on its way): never sent again blindly.
   */
  async function findUncertain(rowId: number, account: Account, provider: Provider): Promise<void> {
    const row = await replies.findById(rowId);
    if (row?.status !== 'unconfirmed' || !provider.findAnswer) return;
    const findAnswer = provider.findAnswer.bind(provider);
    const since = new Date(row.firstAttemptAt ?? row.createdAt);
    try {
      const found = await asAccount<RemotePost | null>(account, provider, (ctx) =>
        findAnswer({ inReplyTo: row.inReplyTo, since, text: row.text }, ctx)
      );
      if (found)
        await replies.recordLateSuccess(row.id, {
          status: 'sent',
          remoteId: found.remoteId,
          url: found.url,
          sentAt: new Date() as any,
          failureReason: null,
          failureKind: null,
        });
    } catch (error) {
      // The look-up itself failed: the answer stays unconfirmed, as it was.
      strapi.log.warn(
        `[cross-post] answer ${row.id}: looking it up on ${provider.displayName} failed: ${redactSecrets(
          provider.classifyError(error).reason,
          account.credentials,
          provider.credentialFields
        )}`
      );
    }
  }

  const instance = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  let sends = 0;

  return {
    /** Which networks can be answered through their API (the admin shows the reply box only there). */
    answerable: (): string[] =>
      NETWORKS.filter((network) => typeof providerFor(network).reply === 'function'),

    /**
     * Sends the answer once: the row of this key is created or found, then sent unless it was sent,
     * is being sent, or its outcome is unknown on a network without idempotency. Answers its state.
     */
    async send(input: AnswerInput): Promise<PublicAnswer> {
      const answer = parse(answerSchema, input);
      const { account, provider } = await accountAndProvider(answer.accountId);
      if (!provider.reply)
        throw new errors.ApplicationError(`${provider.displayName} cannot be answered through its API.`, {
          reason: 'network_cannot_reply',
        });

      const row = await replies.findOrCreate({
        accountId: answer.accountId,
        network: account.network,
        inReplyTo: answer.inReplyTo,
        text: answer.text,
        language: answer.language ?? account.language ?? null,
        idempotencyKey: answer.idempotencyKey,
        requestedBy: answer.requestedBy ?? null,
      });
      if (row.accountId !== answer.accountId || row.inReplyTo !== answer.inReplyTo)
        throw new errors.ApplicationError('This idempotency key was used for another answer.', {
          reason: 'idempotency_key_reused',
        });
      // A network that keeps keys gets the same key again: it answers with the first post, never a second.
      const keyWindowMs = keyWindowOf(provider, row.inReplyTo);
      // A send abandoned after its request is shown as what it is before anyone looks at taking it.
      await replies.giveUpAbandonedSend(row.id, uncertainFailure(provider, row.inReplyTo, ABANDONED));
      const withinWindow =
        !row.firstAttemptAt || Date.now() - new Date(row.firstAttemptAt).getTime() < keyWindowMs;
      // No key, or the network's memory of it is gone (Discord's nonce, minutes): looked up, not re-sent.
      if (keyWindowMs === 0 || !withinWindow) await findUncertain(row.id, account, provider);
      const resendable: ReplyRow['status'][] =
        keyWindowMs > 0 ? ['sending', 'failed', 'unconfirmed'] : ['sending', 'failed'];
      // A step kept on the row (Threads' container) tells the next attempt whether the answer went.
      const resumable = Boolean(row.providerState);
      const statuses = resendable.filter((s) => s !== 'unconfirmed' || withinWindow);
      if (resumable && !statuses.includes('unconfirmed')) statuses.push('unconfirmed');
      const owner = `${instance}#${(sends += 1)}`;
      if (!(await replies.take(row.id, owner, LEASE_MS, statuses))) {
        return toPublic((await replies.findById(row.id))!);
      }

      const safe = (text: string) => redactSecrets(text, account.credentials, provider.credentialFields);
      const reply = provider.reply.bind(provider) as NonNullable<Provider['reply']>;
      const progress = leasedProgress(
        row.providerState,
        (state) => replies.saveProgress(row.id, owner, state),
        'answer'
      );
      try {
        const sent = await asAccount<PublishResult>(account, provider, async (ctx) => {
          if (!(await replies.armForSend(row.id, owner, LEASE_MS))) throw new AnswerLeaseLost();
          return reply(
            { text: row.text, inReplyTo: row.inReplyTo, language: row.language },
            row.idempotencyKey,
            { ...ctx, progress }
          );
        });
        const outcome: Partial<ReplyRow> = {
          status: 'sent',
          remoteId: sent.remoteId,
          url: sent.url,
          sentAt: new Date() as any,
          failureReason: null,
          failureKind: null,
        };
        // Answered after the lease ran out: the answer is online all the same, so it is recorded.
        if (!(await replies.settle(row.id, owner, outcome))) await replies.recordLateSuccess(row.id, outcome);
      } catch (error) {
        if (error instanceof AnswerLeaseLost) return toPublic((await replies.findById(row.id))!);
        const verdict = provider.classifyError(error);
        if (verdict.action === 'retry' && verdict.rateLimited && verdict.waitMs)
          await getService(strapi, 'accounts').waitUntil(
            account.id,
            new Date(Date.now() + verdict.waitMs),
            safe(verdict.reason)
          );
        const uncertain = verdict.action === 'unknown';
        await replies.settle(row.id, owner, {
          status: uncertain ? 'unconfirmed' : 'failed',
          ...(uncertain
            ? uncertainFailure(provider, row.inReplyTo, safe(verdict.reason))
            : { failureReason: safe(verdict.reason), failureKind: refusalKind(verdict) }),
        });
      }
      return toPublic((await replies.findById(row.id))!);
    },

    /** Which networks let the account like a reader's reply through their API. */
    likeable: (): string[] => NETWORKS.filter((network) => typeof providerFor(network).like === 'function'),

    /** Likes a reader's reply on its network, as the account. */
    async like(accountId: number, remoteId: string): Promise<void> {
      const { account, provider } = await accountAndProvider(accountId);
      if (!provider.like)
        throw new errors.ApplicationError(`${provider.displayName} does not let an account like a reply.`, {
          reason: 'network_cannot_like',
        });
      const like = provider.like.bind(provider);
      await onNetwork(account, provider, (ctx) => like(remoteId, ctx));
    },

    /** Which networks let the account take a reader's reply out of view. */
    hideable: (): string[] => NETWORKS.filter((network) => typeof providerFor(network).hide === 'function'),

    /** Takes a reader's reply out of view on its network, as the account. */
    async hide(accountId: number, remoteId: string): Promise<void> {
      const { account, provider } = await accountAndProvider(accountId);
      if (!provider.hide)
        throw new errors.ApplicationError(`${provider.displayName} does not let an account hide a reply.`, {
          reason: 'network_cannot_hide',
        });
      await onNetwork(account, provider, (ctx) => provider.hide!(remoteId, ctx));
    },

    /** Deletes one of our sent answers from its network. */
    async deleteAnswer(answerId: number): Promise<PublicAnswer> {
      const row = await replies.findById(answerId);
      if (!row || row.status !== 'sent' || !row.remoteId)
        throw new errors.NotFoundError(`No sent answer ${answerId}.`, { reason: 'answer_not_found' });
      const { account, provider } = await accountAndProvider(row.accountId);
      if (!provider.deleteOwn)
        throw new errors.ApplicationError(
          `${provider.displayName} does not let an account delete its posts.`,
          {
            reason: 'network_cannot_delete',
          }
        );
      await onNetwork(account, provider, (ctx) => provider.deleteOwn!(row.remoteId!, ctx));
      await replies.markDeleted(row.id);
      return toPublic((await replies.findById(row.id))!);
    },

    /** The answers sent (or being sent) under a remote post or reply, oldest first. */
    async under(accountId: number, inReplyTo: string): Promise<PublicAnswer[]> {
      const rows = await replies.underParent(accountId, inReplyTo);
      // An editor opening the card sees a send abandoned after its request as unconfirmed, not "sending".
      const abandoned = rows.filter((row) => row.status === 'sending' && row.firstAttemptAt);
      for (const row of abandoned)
        await replies.giveUpAbandonedSend(
          row.id,
          uncertainFailure(providerFor(row.network as NetworkId), row.inReplyTo, ABANDONED)
        );
      return (abandoned.length ? await replies.underParent(accountId, inReplyTo) : rows).map(toPublic);
    },
  };
};

export type AnswersService = ReturnType<typeof answersService>;
export default answersService;
