import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Badge, Box, Button, Flex, Searchbar, Tabs, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useNavigate, useSearchParams } from 'react-router-dom';

import { QUEUES, type Card, type Queue, type QueueResponse, type Settings } from '../api/types';
import { CommentCard } from '../components/CommentCard';
import { Kbd } from '../components/Kbd';
import { PluginNav } from '../components/PluginNav';
import { RejectDialog } from '../components/RejectDialog';
import { SanctionDialog, type SanctionInput } from '../components/SanctionDialog';
import { ShortcutsHelp } from '../components/ShortcutsHelp';
import { apiErrorMessage } from '../hooks/useApiError';
import { usePermissions } from '../hooks/usePermissions';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';

const POLL_MS = 10_000;
const FILTER_KEYS = ['q', 'target', 'campaign', 'author', 'from', 'to'] as const;

/** Typing in a field must not trigger a shortcut. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export const QueuePage = () => {
  const t = useT();
  const navigate = useNavigate();
  const { get, post, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { canModerate, canManageSettings } = usePermissions();
  const [params, setParams] = useSearchParams();
  const queue = (QUEUES.includes(params.get('status') as Queue) ? params.get('status') : 'pending') as Queue;
  const page = Number(params.get('page') ?? 1) || 1;
  const filterQuery = useMemo(() => {
    const query = new URLSearchParams();
    for (const key of FILTER_KEYS) if (params.get(key)) query.set(key, params.get(key)!);
    return query.toString();
  }, [params]);

  const [response, setResponse] = useState<QueueResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [focused, setFocused] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [rejecting, setRejecting] = useState<string[] | null>(null);
  const [sanctioning, setSanctioning] = useState<Card | null>(null);
  const [showHelp, setShowHelp] = useState(false);
  const [draftFilters, setDraftFilters] = useState<Record<string, string>>({});
  const [premoderated, setPremoderated] = useState<string[]>([]);
  const searchRef = useRef<HTMLInputElement>(null);
  const cardRefs = useRef<(HTMLDivElement | null)[]>([]);

  const cards = response?.data ?? [];
  const counts = response?.meta.counts;
  const dialogOpen = rejecting !== null || sanctioning !== null || showHelp;

  const load = useCallback(async () => {
    try {
      const { data } = await get<QueueResponse>(
        `/${PLUGIN_ID}/comments?status=${queue}&page=${page}&pageSize=20${filterQuery ? `&${filterQuery}` : ''}`
      );
      setResponse(data);
      setError(null);
    } catch (err) {
      setError(apiErrorMessage(err));
    }
  }, [get, queue, page, filterQuery]);

  useEffect(() => {
    load();
  }, [load]);

  useEffect(() => {
    get<{ data: Settings }>(`/${PLUGIN_ID}/settings`)
      .then(({ data }) => setPremoderated(data.data.premoderation.targets))
      .catch(() => setPremoderated([]));
  }, [get]);

  const togglePremoderation = async (targetKey: string) => {
    const targets = premoderated.includes(targetKey)
      ? premoderated.filter((key) => key !== targetKey)
      : [...premoderated, targetKey];
    try {
      const { data } = await put<{ data: Settings }>(`/${PLUGIN_ID}/settings`, {
        premoderation: { targets },
      });
      setPremoderated(data.data.premoderation.targets);
      toggleNotification({ type: 'success', message: t('settings.saved') });
    } catch (err) {
      toggleNotification({ type: 'danger', message: apiErrorMessage(err) });
    }
  };

  // Live counts: the queues move while a moderator works; refresh them without moving the cards.
  useEffect(() => {
    const timer = setInterval(async () => {
      if (document.hidden) return;
      try {
        const { data } = await get<{ data: Record<Queue, number> }>(
          `/${PLUGIN_ID}/comments/counts${filterQuery ? `?${filterQuery}` : ''}`
        );
        setResponse((current) =>
          current ? { ...current, meta: { ...current.meta, counts: data.data } } : current
        );
      } catch {
        // The next tick tries again; the list itself shows errors.
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [get, filterQuery]);

  useEffect(() => {
    setFocused((index) => Math.min(index, Math.max(cards.length - 1, 0)));
    cardRefs.current = cardRefs.current.slice(0, cards.length);
  }, [cards.length]);

  useEffect(() => {
    cardRefs.current[focused]?.scrollIntoView?.({ block: 'nearest' });
  }, [focused]);

  const setQuery = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
    setSelected(new Set());
  };

  const run = async (action: () => Promise<unknown>, success: string) => {
    try {
      await action();
      toggleNotification({ type: 'success', message: success });
      setSelected(new Set());
      await load();
    } catch (err) {
      toggleNotification({ type: 'danger', message: apiErrorMessage(err) });
    }
  };

  const approve = (ids: string[]) =>
    run(
      () =>
        ids.length === 1
          ? post(`/${PLUGIN_ID}/comments/${ids[0]}/approve`, {})
          : post(`/${PLUGIN_ID}/comments/bulk`, { action: 'approve', ids }),
      t('done.approved', { count: ids.length })
    );
  const reject = (ids: string[], reason: string) =>
    run(
      () =>
        ids.length === 1
          ? post(`/${PLUGIN_ID}/comments/${ids[0]}/reject`, { reason })
          : post(`/${PLUGIN_ID}/comments/bulk`, { action: 'reject', ids, reason }),
      t('done.rejected', { count: ids.length })
    );
  const sanction = (card: Card, input: SanctionInput) =>
    run(
      async () => {
        await post(`/${PLUGIN_ID}/authors/${card.authorKey}/sanctions`, input);
        // Banning from a card also takes the comment down.
        if (input.kind === 'ban' && card.status !== 'rejected') {
          await post(`/${PLUGIN_ID}/comments/${card.id}/reject`, { reason: t('reason.author_banned') });
        }
      },
      t('done.sanctioned', { name: card.authorName })
    );

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (dialogOpen || isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const card = cards[focused];
      const handled = () => event.preventDefault();
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          handled();
          setFocused((index) => Math.min(index + 1, cards.length - 1));
          break;
        case 'k':
        case 'ArrowUp':
          handled();
          setFocused((index) => Math.max(index - 1, 0));
          break;
        case 'a':
          if (card && canModerate) {
            handled();
            approve([card.id]);
          }
          break;
        case 'r':
          if (card && canModerate) {
            handled();
            setRejecting([card.id]);
          }
          break;
        case 'b':
          if (card && canModerate) {
            handled();
            setSanctioning(card);
          }
          break;
        case 'x':
          if (card && canModerate) {
            handled();
            toggle(card.id);
          }
          break;
        case 'A':
          if (selected.size > 0 && canModerate) {
            handled();
            approve([...selected]);
          }
          break;
        case 'R':
          if (selected.size > 0 && canModerate) {
            handled();
            setRejecting([...selected]);
          }
          break;
        case '/':
          handled();
          searchRef.current?.focus();
          break;
        case '?':
          handled();
          setShowHelp(true);
          break;
        default:
          if (/^[1-5]$/.test(event.key)) {
            handled();
            setQuery({ status: QUEUES[Number(event.key) - 1], page: null });
          }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <Page.Main>
      <Page.Title>{t('plugin.name')}</Page.Title>
      <Layouts.Header
        title={t('queue.title')}
        subtitle={t('queue.subtitle')}
        secondaryAction={<PluginNav current="queue" />}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {/* Marked once the server has answered: browser tests wait for it. */}
          <Box data-testid={response ? 'plugin-status' : undefined}>
            <Tabs.Root
              value={queue}
              onValueChange={(value: string) => setQuery({ status: value, page: null })}
            >
              <Tabs.List aria-label={t('queue.title')}>
                {QUEUES.map((name, index) => (
                  <Tabs.Trigger key={name} value={name} data-testid={`queue-${name}`}>
                    {t(`queue.${name}`)}{' '}
                    <Badge active={name === queue} data-testid={`count-${name}`}>
                      {counts ? counts[name] : '…'}
                    </Badge>
                    <Kbd aria-hidden>{index + 1}</Kbd>
                  </Tabs.Trigger>
                ))}
              </Tabs.List>
            </Tabs.Root>
          </Box>

          <Box background="neutral0" padding={4} hasRadius shadow="filterShadow">
            <form
              onSubmit={(event) => {
                event.preventDefault();
                setQuery({ ...draftFilters, page: null });
              }}
            >
              <Flex gap={2} wrap="wrap" alignItems="flex-end">
                <Box flex="2" minWidth="220px">
                  <Searchbar
                    ref={searchRef}
                    name="q"
                    value={draftFilters.q ?? params.get('q') ?? ''}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                      setDraftFilters((f) => ({ ...f, q: event.target.value }))
                    }
                    onClear={() => {
                      setDraftFilters((f) => ({ ...f, q: '' }));
                      setQuery({ q: null });
                    }}
                    placeholder={t('filters.search')}
                    clearLabel={t('filters.clear')}
                  >
                    {t('filters.search')}
                  </Searchbar>
                </Box>
                {(['target', 'campaign', 'author', 'from', 'to'] as const).map((key) => (
                  <Box key={key} flex="1" minWidth="140px">
                    <TextInput
                      name={key}
                      type={key === 'from' || key === 'to' ? 'date' : 'text'}
                      aria-label={t(`filters.${key}`)}
                      placeholder={t(`filters.${key}`)}
                      value={draftFilters[key] ?? params.get(key) ?? ''}
                      onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                        setDraftFilters((f) => ({ ...f, [key]: event.target.value }))
                      }
                    />
                  </Box>
                ))}
                <Button type="submit" variant="secondary">
                  {t('filters.apply')}
                </Button>
                <Button variant="tertiary" onClick={() => setShowHelp(true)}>
                  {t('shortcuts.button')}
                </Button>
              </Flex>
            </form>
          </Box>

          {canModerate && selected.size > 0 && (
            <Flex gap={2} background="primary100" padding={3} hasRadius>
              <Typography>{t('bulk.selected', { count: selected.size })}</Typography>
              <Button size="S" variant="success" onClick={() => approve([...selected])}>
                {t('bulk.approve')}
              </Button>
              <Button size="S" variant="danger" onClick={() => setRejecting([...selected])}>
                {t('bulk.reject')}
              </Button>
              <Button size="S" variant="tertiary" onClick={() => setSelected(new Set())}>
                {t('bulk.clear')}
              </Button>
            </Flex>
          )}
          {canModerate && cards.length > 0 && (
            <Flex>
              <Button
                size="S"
                variant="tertiary"
                onClick={() => setSelected(new Set(cards.map((card) => card.id)))}
              >
                {t('bulk.selectPage')}
              </Button>
            </Flex>
          )}

          {error && <Typography textColor="danger600">{error}</Typography>}
          {response && cards.length === 0 && (
            <Box padding={8} background="neutral0" hasRadius>
              <Typography textColor="neutral600" data-testid="empty-queue">
                {t('queue.empty')}
              </Typography>
            </Box>
          )}
          {cards.map((card, index) => (
            <CommentCard
              key={card.id}
              ref={(element) => {
                cardRefs.current[index] = element;
              }}
              card={card}
              focused={index === focused}
              selected={selected.has(card.id)}
              canModerate={canModerate}
              onFocus={() => setFocused(index)}
              onToggle={() => toggle(card.id)}
              onApprove={() => approve([card.id])}
              onReject={() => setRejecting([card.id])}
              onBan={() => setSanctioning(card)}
              onOpenAuthor={() => navigate(`/plugins/${PLUGIN_ID}/authors/${card.authorKey}`)}
              premoderated={premoderated.includes(card.target.key)}
              onTogglePremoderation={
                canManageSettings ? () => togglePremoderation(card.target.key) : undefined
              }
            />
          ))}

          {response && response.meta.pagination.pageCount > 1 && (
            <Flex gap={2} justifyContent="center">
              <Button
                variant="tertiary"
                disabled={page <= 1}
                onClick={() => setQuery({ page: String(page - 1) })}
              >
                {t('pagination.previous')}
              </Button>
              <Typography>
                {t('pagination.page', { page, count: response.meta.pagination.pageCount })}
              </Typography>
              <Button
                variant="tertiary"
                disabled={page >= response.meta.pagination.pageCount}
                onClick={() => setQuery({ page: String(page + 1) })}
              >
                {t('pagination.next')}
              </Button>
            </Flex>
          )}
        </Flex>
      </Layouts.Content>

      {rejecting && (
        <RejectDialog
          count={rejecting.length}
          onConfirm={(reason) => reject(rejecting, reason)}
          onClose={() => setRejecting(null)}
        />
      )}
      {sanctioning && (
        <SanctionDialog
          authorName={sanctioning.authorName}
          onConfirm={(input) => sanction(sanctioning, input)}
          onClose={() => setSanctioning(null)}
        />
      )}
      {showHelp && <ShortcutsHelp onClose={() => setShowHelp(false)} />}
    </Page.Main>
  );
};
