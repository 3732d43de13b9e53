import { useState } from 'react';
import { Badge, Button, Flex, TextInput, Typography } from '@strapi/design-system';
import { useAuth } from '@strapi/strapi/admin';
import { useApiError } from '@porte-voix/kit/admin';

import { useModerationApi, type Card } from '../api/moderation';
import { useT } from '../hooks/useT';
import { networkName } from '../utils/network-names';

/** Who handles a network item, whether it is overdue or done, and the team's internal note. */
export const HandlingBar = ({
  card,
  canModerate,
  canHide,
  canLike,
  onChanged,
}: {
  card: Card;
  canModerate: boolean;
  /** The card's network lets the account take the reply out of view. */
  canHide: boolean;
  canLike: boolean;
  onChanged: (card: Card) => void;
}) => {
  const t = useT();
  const api = useModerationApi();
  const apiError = useApiError();
  const me = useAuth('HandlingBar', (state) => state.user);
  const [note, setNote] = useState(card.handling.internalNote ?? '');
  const [error, setError] = useState<string | null>(null);
  const { handling } = card;
  const mine = !!me?.id && handling.assignedTo?.id === Number(me.id);

  const run = async (action: () => Promise<Card>) => {
    setError(null);
    try {
      onChanged(await action());
    } catch (err) {
      setError(apiError.message(err));
    }
  };

  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={2}
      onClick={(event: React.MouseEvent) => event.stopPropagation()}
      data-testid="handling"
    >
      <Flex gap={2} wrap="wrap" alignItems="center">
        {handling.overdue && (
          <Badge backgroundColor="danger100" textColor="danger700" data-testid="overdue">
            {t('handling.overdue', { minutes: handling.goalMinutes ?? 0 })}
          </Badge>
        )}
        {handling.doneAt && (
          <Badge backgroundColor="success100" textColor="success700">
            {t('handling.done')}
          </Badge>
        )}
        <Typography variant="pi" textColor="neutral600">
          {handling.assignedTo
            ? t('handling.assignedTo', { name: handling.assignedTo.name ?? '' })
            : t('handling.unassigned')}
        </Typography>
        {handling.firstResponseMinutes !== null && (
          <Typography variant="pi" textColor="neutral600">
            {t('handling.firstResponse', { minutes: handling.firstResponseMinutes })}
          </Typography>
        )}
        {canModerate && me?.id && (
          <Button
            size="S"
            variant="tertiary"
            onClick={() => run(() => api.assign(card.id, mine ? null : Number(me.id)))}
          >
            {t(mine ? 'handling.unassign' : 'handling.assignToMe')}
          </Button>
        )}
        {card.source?.likedOnNetworkAt && (
          <Badge backgroundColor="primary100" textColor="primary700">
            {t('handling.liked')}
          </Badge>
        )}
        {canModerate && canLike && !card.source?.likedOnNetworkAt && (
          <Button size="S" variant="tertiary" onClick={() => run(() => api.likeOnNetwork(card.id))}>
            {t('handling.like', { network: networkName(card.source?.network ?? '') })}
          </Button>
        )}
        {card.source?.hiddenOnNetworkAt && (
          <Badge backgroundColor="neutral150" textColor="neutral700">
            {t('handling.hidden')}
          </Badge>
        )}
        {canModerate && canHide && !card.source?.hiddenOnNetworkAt && (
          <Button size="S" variant="danger-light" onClick={() => run(() => api.hideOnNetwork(card.id))}>
            {t('handling.hide', { network: networkName(card.source?.network ?? '') })}
          </Button>
        )}
        {canModerate && (
          <Button
            size="S"
            variant="tertiary"
            onClick={() => run(() => api.setDone(card.id, !handling.doneAt))}
          >
            {t(handling.doneAt ? 'handling.reopen' : 'handling.markDone')}
          </Button>
        )}
      </Flex>
      {canModerate && (
        <Flex gap={2} alignItems="flex-end">
          <TextInput
            name="internalNote"
            aria-label={t('handling.note')}
            placeholder={t('handling.note')}
            value={note}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => setNote(event.target.value)}
          />
          <Button
            size="S"
            variant="secondary"
            disabled={note === (handling.internalNote ?? '')}
            onClick={() => run(() => api.setNote(card.id, note))}
          >
            {t('handling.saveNote')}
          </Button>
        </Flex>
      )}
      {error && (
        <Typography variant="pi" textColor="danger600">
          {error}
        </Typography>
      )}
    </Flex>
  );
};
