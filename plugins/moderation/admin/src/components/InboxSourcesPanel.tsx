import { useState } from 'react';
import { INBOX_NOTICES } from '@porte-voix/kit/contracts';
import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { InboxSource } from '../api/moderation';
import { useT } from '../hooks/useT';
import { networkName } from '../utils/network-names';

type Props = {
  sources: InboxSource[];
  onReload: () => void;
};

/** A kind that only says the source waits its turn (publishing goes first), not that someone must act. */
const WAITING = new Set(['paused_for_publishing', 'rate_limited']);

/**
 * The accounts the inbox reads: what each brought, when it was read and will be next, and what the last
 * read met: its kind in the editor's language, then the network's own words.
 */
/** Notices the panel says in the editor's language; one it does not know is shown as cross-post wrote it. */
const saidInLanguage = (notices: string[]) =>
  notices.length > 0 && notices.every((notice) => (INBOX_NOTICES as readonly string[]).includes(notice));

export const InboxSourcesPanel = ({ sources, onReload }: Props) => {
  const t = useT();
  const { formatDate } = useIntl();
  const [open, setOpen] = useState(false);
  if (sources.length === 0) return null;
  const at = (value: string) => formatDate(value, { dateStyle: 'medium', timeStyle: 'short' });
  const needing = sources.filter((s) => s.lastErrorKind && !WAITING.has(s.lastErrorKind)).length;
  return (
    <Box background="neutral0" padding={3} hasRadius shadow="tableShadow" data-testid="inbox-sources">
      <Flex gap={2} alignItems="center" wrap="wrap">
        <Typography fontWeight="bold">{t('inboxSources.title')}</Typography>
        <Typography variant="pi" textColor="neutral600">
          {t('inboxSources.summary', { count: sources.length })}
        </Typography>
        {needing > 0 && (
          <Badge backgroundColor="danger100" textColor="danger700" data-testid="inbox-sources-attention">
            {t('inboxSources.attention', { count: needing })}
          </Badge>
        )}
        <Button
          size="S"
          variant="tertiary"
          aria-expanded={open}
          onClick={() => {
            if (!open) onReload();
            setOpen(!open);
          }}
        >
          {open ? t('inboxSources.hide') : t('inboxSources.show')}
        </Button>
      </Flex>
      {open && (
        <Flex direction="column" alignItems="stretch" gap={2} paddingTop={3}>
          {sources.map((source) => (
            <Box key={source.accountId} data-testid="inbox-source">
              <Typography variant="omega" fontWeight="semiBold">
                {networkName(source.network)}
                {' · '}
                {source.accountName ?? `#${source.accountId}`}
              </Typography>
              <Typography variant="pi" textColor="neutral600" tag="p">
                {t('inboxSources.collected', { count: source.collectedCount })}
                {' · '}
                {source.lastCollectedAt
                  ? t('inboxSources.lastRead', { at: at(source.lastCollectedAt) })
                  : t('inboxSources.notReadYet')}
                {source.nextRunAt && ` · ${t('inboxSources.nextRead', { at: at(source.nextRunAt) })}`}
              </Typography>
              {source.lastErrorKind && (
                <Typography
                  variant="pi"
                  tag="p"
                  textColor={WAITING.has(source.lastErrorKind) ? 'warning600' : 'danger600'}
                  data-testid="inbox-source-problem"
                >
                  {t(`inboxSources.kind.${source.lastErrorKind}`)}
                  {saidInLanguage(source.notices)
                    ? source.notices.map((notice) => ` ${t(`inboxSources.notice.${notice}`)}`).join('')
                    : source.lastError && ` ${t('inboxSources.networkSaid', { message: source.lastError })}`}
                </Typography>
              )}
            </Box>
          ))}
        </Flex>
      )}
    </Box>
  );
};
