import { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';

import { QUEUES, type Card } from '../api/moderation';
import { CommentCard } from '../components/CommentCard';
import { InboxSourcesPanel } from '../components/InboxSourcesPanel';
import { useInboxSources } from '../hooks/useInboxSources';
import { PluginNav } from '../components/PluginNav';
import { QueueFilters } from '../components/QueueFilters';
import { QueuePagination } from '../components/QueuePagination';
import { QueueSelectionBar } from '../components/QueueSelectionBar';
import { QueueTabs } from '../components/QueueTabs';
import { RejectDialog } from '../components/RejectDialog';
import { SanctionDialog } from '../components/SanctionDialog';
import { ShortcutsHelp } from '../components/ShortcutsHelp';
import { usePermissions } from '../hooks/usePermissions';
import { usePremoderatedTargets } from '../hooks/usePremoderatedTargets';
import { useQueue } from '../hooks/useQueue';
import { useQueueShortcuts } from '../hooks/useQueueShortcuts';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';

/** An account answers it: every inbox item, and a listening mention once sent to the inbox. */
const answeredBy = (card: Card) => !!card.source && card.source.accountId !== null;

/** The moderation queue: pick a queue, filter, decide card by card or in bulk, by mouse or keyboard. */
export const QueuePage = () => {
  const t = useT();
  const inbox = useInboxSources();
  const { answerable, hideable, likeable } = inbox;
  const navigate = useNavigate();
  const { canModerate, canManageSettings } = usePermissions();
  const {
    queue,
    page,
    params,
    setQuery,
    response,
    cards,
    error,
    selected,
    setSelected,
    toggle,
    approve,
    reject,
    sanction,
    reload,
  } = useQueue();
  const premoderation = usePremoderatedTargets();

  const [focused, setFocused] = useState(0);
  const [rejecting, setRejecting] = useState<string[] | null>(null);
  const [sanctioning, setSanctioning] = useState<Card | null>(null);
  const [showHelp, setShowHelp] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const cardRefs = useRef<(HTMLDivElement | null)[]>([]);

  useEffect(() => {
    setFocused((index) => Math.min(index, Math.max(cards.length - 1, 0)));
    cardRefs.current = cardRefs.current.slice(0, cards.length);
  }, [cards.length]);

  useEffect(() => {
    cardRefs.current[focused]?.scrollIntoView?.({ block: 'nearest' });
  }, [focused]);

  const card = cards[focused];
  const shortcuts = useMemo(() => {
    const onCard = card && canModerate;
    const onSelection = selected.size > 0 && canModerate;
    return {
      enabled: rejecting === null && sanctioning === null && !showHelp,
      next: () => setFocused((index) => Math.min(index + 1, cards.length - 1)),
      previous: () => setFocused((index) => Math.max(index - 1, 0)),
      approve: onCard ? () => approve([card.id]) : undefined,
      reject: onCard ? () => setRejecting([card.id]) : undefined,
      ban: onCard ? () => setSanctioning(card) : undefined,
      toggle: onCard ? () => toggle(card.id) : undefined,
      approveSelected: onSelection ? () => approve([...selected]) : undefined,
      rejectSelected: onSelection ? () => setRejecting([...selected]) : undefined,
      search: () => searchRef.current?.focus(),
      help: () => setShowHelp(true),
      openQueue: (index: number) => setQuery({ status: QUEUES[index], page: null }),
    };
  }, [
    card,
    canModerate,
    selected,
    rejecting,
    sanctioning,
    showHelp,
    cards.length,
    approve,
    toggle,
    setQuery,
  ]);
  useQueueShortcuts(shortcuts);

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
            <QueueTabs
              queue={queue}
              counts={response?.meta.counts}
              onChange={(value) => setQuery({ status: value, page: null })}
            />
          </Box>

          <InboxSourcesPanel sources={inbox.sources} onReload={inbox.reload} />

          <QueueFilters
            ref={searchRef}
            params={params}
            onApply={setQuery}
            onShowShortcuts={() => setShowHelp(true)}
          />

          {canModerate && selected.size > 0 && (
            <QueueSelectionBar
              count={selected.size}
              onApprove={() => approve([...selected])}
              onReject={() => setRejecting([...selected])}
              onClear={() => setSelected(new Set())}
            />
          )}
          {canModerate && cards.length > 0 && (
            <Flex>
              <Button
                size="S"
                variant="tertiary"
                onClick={() => setSelected(new Set(cards.map(({ id }) => id)))}
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
          {cards.map((item, index) => (
            <CommentCard
              key={item.id}
              ref={(element) => {
                cardRefs.current[index] = element;
              }}
              card={item}
              focused={index === focused}
              selected={selected.has(item.id)}
              canModerate={canModerate}
              canAnswer={answeredBy(item) && answerable.includes(item.source!.network)}
              canHide={answeredBy(item) && hideable.includes(item.source!.network)}
              canLike={answeredBy(item) && likeable.includes(item.source!.network)}
              onHandlingChanged={reload}
              onFocus={() => setFocused(index)}
              onToggle={() => toggle(item.id)}
              onApprove={() => approve([item.id])}
              onReject={() => setRejecting([item.id])}
              onBan={() => setSanctioning(item)}
              onOpenAuthor={() => navigate(`/plugins/${PLUGIN_ID}/authors/${item.authorKey}`)}
              premoderated={premoderation.targets.includes(item.target.key)}
              onTogglePremoderation={
                canManageSettings ? () => premoderation.toggle(item.target.key) : undefined
              }
            />
          ))}

          {response && (
            <QueuePagination
              page={page}
              pageCount={response.meta.pagination.pageCount}
              onPage={(next) => setQuery({ page: String(next) })}
            />
          )}
        </Flex>
      </Layouts.Content>

      {rejecting && (
        <RejectDialog
          count={rejecting.length}
          onConfirm={(rejection) => reject(rejecting, rejection)}
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
