import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import { useApiError } from '@porte-voix/kit/admin';

import {
  QUEUES,
  useModerationApi,
  type Card,
  type Queue,
  type QueueResponse,
  type Rejection,
  type SanctionInput,
} from '../api/moderation';
import { useT } from './useT';

const POLL_MS = 10_000;
export const FILTER_KEYS = [
  'q',
  'target',
  'campaign',
  'author',
  'from',
  'to',
  'source',
  'intent',
  'language',
] as const;

/**
 * The queue a moderator works in: which queue, page and filters (kept in the URL), its cards and
 * live counts, the selection, and the decisions taken on cards.
 */
export const useQueue = () => {
  const t = useT();
  const api = useModerationApi();
  const apiError = useApiError();
  const { toggleNotification } = useNotification();
  const [params, setParams] = useSearchParams();
  const queue = (QUEUES.includes(params.get('status') as Queue) ? params.get('status') : 'pending') as Queue;
  const page = Number(params.get('page') ?? 1) || 1;
  const filterQuery = useMemo(() => {
    const query = new URLSearchParams();
    for (const key of FILTER_KEYS) if (params.get(key)) query.set(key, params.get(key)!);
    // Questions and complaints first, unless the moderator asked for the newest first.
    query.set('sort', params.get('sort') === 'newest' ? 'newest' : 'priority');
    return query.toString();
  }, [params]);

  const [response, setResponse] = useState<QueueResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());

  const load = useCallback(async () => {
    try {
      setResponse(await api.queue(queue, page, filterQuery));
      setError(null);
    } catch (err) {
      setError(apiError.message(err));
    }
  }, [api, apiError, queue, page, filterQuery]);

  useEffect(() => {
    load();
  }, [load]);

  // Live counts: the queues move while a moderator works; refresh them without moving the cards.
  useEffect(() => {
    const timer = setInterval(async () => {
      if (document.hidden) return;
      try {
        const counts = await api.counts(filterQuery);
        setResponse((current) => (current ? { ...current, meta: { ...current.meta, counts } } : current));
      } catch {
        // The next tick tries again; the list itself shows errors.
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [api, filterQuery]);

  const setQuery = useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      setParams(next);
      setSelected(new Set());
    },
    [params, setParams]
  );

  const run = useCallback(
    async (action: () => Promise<unknown>, success: string) => {
      try {
        await action();
        toggleNotification({ type: 'success', message: success });
        setSelected(new Set());
        await load();
      } catch (err) {
        apiError.notify(err);
      }
    },
    [toggleNotification, load, apiError]
  );

  const approve = useCallback(
    (ids: string[]) => run(() => api.approve(ids), t('done.approved', { count: ids.length })),
    [run, api, t]
  );
  const reject = useCallback(
    (ids: string[], rejection: Rejection) =>
      run(() => api.reject(ids, rejection), t('done.rejected', { count: ids.length })),
    [run, api, t]
  );
  const sanction = useCallback(
    (card: Card, input: SanctionInput) =>
      run(
        async () => {
          await api.sanction(card.authorKey, input);
          // Banning from a card also takes the comment down.
          if (input.kind === 'ban' && card.status !== 'rejected')
            await api.reject([card.id], { reason: 'author_banned' });
        },
        t('done.sanctioned', { name: card.authorName })
      ),
    [run, api, t]
  );

  const toggle = useCallback(
    (id: string) =>
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    []
  );

  return {
    queue,
    page,
    params,
    setQuery,
    response,
    cards: response?.data ?? [],
    error,
    selected,
    setSelected,
    toggle,
    approve,
    reject,
    sanction,
    /** Reads the page again (after a change made on one card, such as its assignee). */
    reload: load,
  };
};
