import { forwardRef } from 'react';
import { Badge, Box, Button, Checkbox, Flex, Link, TextButton, Typography } from '@strapi/design-system';
import { Check, Cross, Lock } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { Card } from '../api/moderation';
import { useReasonText } from '../hooks/useReasonText';
import { useT } from '../hooks/useT';
import { findingWhy } from '../utils/why';
import { HighlightedText } from './HighlightedText';
import { Kbd } from './Kbd';
import { StatusBadge } from './StatusBadge';
import { IntentBadge } from './IntentBadge';
import { NetworkOrigin } from './NetworkOrigin';
import { AnswerBox } from './AnswerBox';
import { HandlingBar } from './HandlingBar';
import { AttachToCampaign } from './listening/AttachToCampaign';
import { SendToInbox } from './listening/SendToInbox';

type Props = {
  card: Card;
  focused: boolean;
  selected: boolean;
  canModerate: boolean;
  /** The card's network can be answered through its API (a reply box is shown). */
  canAnswer?: boolean;
  /** The card's network lets the account hide the reply. */
  canHide?: boolean;
  /** The account can like it on its network. */
  canLike?: boolean;
  /** A change of assignee, done state or note was saved: the queue reads the card again. */
  onHandlingChanged?: () => void;
  onFocus: () => void;
  onToggle: () => void;
  onApprove: () => void;
  onReject: () => void;
  onBan: () => void;
  onOpenAuthor: () => void;
  /** Every comment on this target is held (settings → pre-moderation). */
  premoderated: boolean;
  /** Switches pre-moderation of this target; absent without the settings permission. */
  onTogglePremoderation?: () => void;
};

const OUTCOME_COLOURS = {
  reject: { backgroundColor: 'danger100', textColor: 'danger700' },
  hold: { backgroundColor: 'warning100', textColor: 'warning700' },
  note: { backgroundColor: 'neutral150', textColor: 'neutral700' },
} as const;

/** One comment as a moderator needs to see it, with one-click decisions. */
export const CommentCard = forwardRef<HTMLDivElement, Props>(
  (
    {
      card,
      focused,
      selected,
      canModerate,
      canAnswer = false,
      canHide = false,
      canLike = false,
      onHandlingChanged,
      onFocus,
      onToggle,
      onApprove,
      onReject,
      onBan,
      onOpenAuthor,
      premoderated,
      onTogglePremoderation,
    },
    ref
  ) => {
    const t = useT();
    const reasonText = useReasonText();
    const { formatDate } = useIntl();
    const matches = card.reasons.flatMap((finding) => finding.matches ?? []);
    const { history, sanction } = card.author;

    return (
      <Box
        ref={ref}
        background="neutral0"
        padding={5}
        hasRadius
        shadow="tableShadow"
        borderColor={focused ? 'primary600' : 'neutral150'}
        borderWidth={focused ? '2px' : '1px'}
        borderStyle="solid"
        onClick={onFocus}
        data-testid="comment-card"
        data-comment-id={card.id}
        data-focused={focused ? 'true' : 'false'}
        aria-current={focused ? 'true' : undefined}
      >
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Flex gap={3} wrap="wrap" alignItems="center">
            {canModerate && (
              <Checkbox checked={selected} onCheckedChange={onToggle} aria-label={t('card.select')} />
            )}
            <StatusBadge status={card.status} />
            <IntentBadge intent={card.intent ?? 'other'} />
            {card.report.state === 'open' && (
              <Badge backgroundColor="danger100" textColor="danger700">
                {t('card.reported', { count: card.report.count })}
              </Badge>
            )}
            <Typography fontWeight="bold">
              <HighlightedText
                text={card.authorName}
                matches={matches.filter((m) => m.field === 'authorName')}
                variant="pi"
              />
            </Typography>
            <TextButton onClick={onOpenAuthor}>{t('card.history', history)}</TextButton>
            {sanction && (
              <Badge backgroundColor="danger100" textColor="danger700">
                {t(`sanction.${sanction.kind}`)}
              </Badge>
            )}
            <Typography variant="pi" textColor="neutral600">
              {formatDate(card.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
            </Typography>
          </Flex>

          <Typography variant="pi" textColor="neutral600">
            {t(`card.on.${card.target.type}`)}{' '}
            {card.target.adminPath ? (
              <Link href={`/admin${card.target.adminPath}`} isExternal={false}>
                {card.target.title || card.target.documentId}
              </Link>
            ) : (
              card.target.title || card.target.documentId
            )}
            {' · '}
            {card.locale?.toUpperCase()}
            {card.parent ? ` · ${t('card.reply')}` : ''}
          </Typography>
          {card.source && <NetworkOrigin source={card.source} />}
          {(premoderated || onTogglePremoderation) && (
            <Flex gap={2} alignItems="center">
              {premoderated && (
                <Badge backgroundColor="warning100" textColor="warning700">
                  {t('card.premoderated')}
                </Badge>
              )}
              {onTogglePremoderation && (
                <TextButton onClick={onTogglePremoderation}>
                  {t(premoderated ? 'card.stopPremoderation' : `card.startPremoderation.${card.target.type}`)}
                </TextButton>
              )}
            </Flex>
          )}

          <HighlightedText text={card.content} matches={matches.filter((m) => m.field === 'content')} />

          {(card.reasons.length > 0 || card.report.count > 0) && (
            <Flex direction="column" alignItems="stretch" gap={1}>
              {card.reasons.map((finding, index) => (
                <Flex key={index} gap={2} alignItems="center">
                  <Badge {...OUTCOME_COLOURS[finding.outcome]}>{t(`rule.${finding.rule}`)}</Badge>
                  <Typography variant="pi">{reasonText(findingWhy(finding))}</Typography>
                </Flex>
              ))}
              {card.report.count > 0 && (
                <Typography variant="pi" textColor="danger600">
                  {t('card.reports', {
                    count: card.report.count,
                    score: card.report.score,
                    reasons: Object.entries(card.report.reasons)
                      .map(([reason, count]) => `${t(`report.${reason}`)} × ${count}`)
                      .join(', '),
                  })}
                </Typography>
              )}
            </Flex>
          )}

          {card.moderatedBy && (
            <Typography variant="pi" textColor="neutral600">
              {t('card.moderated', {
                by: card.moderatedBy,
                at: card.moderatedAt
                  ? formatDate(card.moderatedAt, { dateStyle: 'medium', timeStyle: 'short' })
                  : '',
                note: reasonText({ code: card.moderationReason, typed: card.moderationNote }),
              })}
            </Typography>
          )}

          {card.source && card.handling && (
            <HandlingBar
              card={card}
              canModerate={canModerate}
              canHide={canHide}
              canLike={canLike}
              onChanged={() => onHandlingChanged?.()}
            />
          )}
          {card.target.type === 'search' && card.source && card.source.accountId !== null && (
            <Typography variant="pi" fontWeight="semiBold" data-testid="answering-account">
              {t('listening.answeredAs', { account: card.source.accountName ?? '' })}
            </Typography>
          )}
          {canModerate && card.target.type === 'search' && card.source && card.source.accountId === null && (
            <SendToInbox card={card} onSent={() => onHandlingChanged?.()} />
          )}
          {canModerate && card.target.type === 'search' && card.source && (
            <AttachToCampaign card={card} onChanged={() => onHandlingChanged?.()} />
          )}
          {canModerate && card.source && canAnswer && <AnswerBox card={card} />}

          {canModerate && (
            <Flex gap={2}>
              <Button
                size="S"
                variant="success-light"
                startIcon={<Check />}
                onClick={onApprove}
                disabled={card.status === 'approved' && card.report.state !== 'open'}
              >
                {t('action.approve')} <Kbd>a</Kbd>
              </Button>
              <Button
                size="S"
                variant="danger-light"
                startIcon={<Cross />}
                onClick={onReject}
                disabled={card.status === 'rejected'}
              >
                {t('action.reject')} <Kbd>r</Kbd>
              </Button>
              <Button size="S" variant="tertiary" startIcon={<Lock />} onClick={onBan}>
                {t('action.ban')} <Kbd>b</Kbd>
              </Button>
            </Flex>
          )}
        </Flex>
      </Box>
    );
  }
);
CommentCard.displayName = 'CommentCard';
