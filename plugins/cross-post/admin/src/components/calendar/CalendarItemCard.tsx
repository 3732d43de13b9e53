import { Box, Flex, IconButton, Typography } from '@strapi/design-system';
import { Clock } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';

import type { CalendarItem } from '../../calendar/items';
import { useT } from '../../hooks/useT';
import { StatusBadge } from '../StatusBadge';

/** Posts without a campaign: Strapi's neutral grey. */
const NO_CAMPAIGN = '#8E8EA9';

const OpenButton = styled.button`
  all: unset;
  cursor: pointer;
  min-width: 0;
  flex: 1;
  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

type Props = {
  item: CalendarItem;
  timeZone: string;
  networkLabel: (id: string) => string;
  onOpen: () => void;
  onReschedule: () => void;
  onDragStart: () => void;
  onDragEnd: () => void;
};

export const titleOf = (item: CalendarItem) =>
  (item.kind === 'post' ? item.post.title : item.delivery.postTitle) || null;

/**
 * A post or delivery on its day, edged in its campaign's colour: a click opens it, a drag (or the
 * clock button, for the keyboard) moves it when it can still move.
 */
export const CalendarItemCard = ({
  item,
  timeZone,
  networkLabel,
  onOpen,
  onReschedule,
  onDragStart,
  onDragEnd,
}: Props) => {
  const t = useT();
  const { formatDate } = useIntl();
  const title = titleOf(item) ?? t('calendar.untitled');
  const what = item.kind === 'post' ? t('calendar.post') : networkLabel(item.delivery.network);
  const testId =
    item.kind === 'post' ? `calendar-post-${item.post.documentId}` : `calendar-delivery-${item.delivery.id}`;
  return (
    <Box
      paddingTop={1}
      paddingBottom={1}
      paddingLeft={2}
      paddingRight={1}
      marginTop={1}
      background={item.kind === 'post' ? 'neutral100' : 'neutral0'}
      hasRadius
      borderColor="neutral200"
      style={{
        borderLeft: `4px solid ${item.campaign?.color ?? NO_CAMPAIGN}`,
        cursor: item.movable ? 'grab' : undefined,
      }}
      draggable={item.movable}
      onDragStart={(event: React.DragEvent) => {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', item.key);
        onDragStart();
      }}
      onDragEnd={onDragEnd}
      data-testid={testId}
      data-kind={item.kind}
      title={item.campaign ? t('calendar.campaignName', { name: item.campaign.name }) : undefined}
    >
      <Flex gap={1} alignItems="flex-start">
        <OpenButton type="button" onClick={onOpen} aria-label={t('calendar.open', { what, title })}>
          <Typography variant="pi" tag="p" textColor="neutral600" data-testid="calendar-item-time">
            {formatDate(item.at, { hour: '2-digit', minute: '2-digit', timeZone })} · {what}
          </Typography>
          <Typography variant="omega" tag="p" fontWeight="semiBold" ellipsis>
            {title}
          </Typography>
        </OpenButton>
        {item.movable && (
          <IconButton
            label={t('calendar.reschedule.label', { title })}
            variant="ghost"
            size="XS"
            withTooltip={false}
            onClick={onReschedule}
            data-testid="calendar-reschedule"
          >
            <Clock />
          </IconButton>
        )}
      </Flex>
      {item.kind === 'delivery' && <StatusBadge status={item.delivery.status} />}
    </Box>
  );
};
