import { Button, Dialog, Flex, Link, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { CalendarDelivery } from '../../api/crossPost';
import { useT } from '../../hooks/useT';
import { StatusBadge } from '../StatusBadge';

type Props = {
  delivery: CalendarDelivery;
  networkLabel: string;
  timeZone: string;
  onOpenPost: () => void;
  onReschedule: (() => void) | null;
  onClose: () => void;
};

/** A delivery opened from the calendar: where it stands, and the way to its post. */
export const DeliveryDialog = ({
  delivery,
  networkLabel,
  timeZone,
  onOpenPost,
  onReschedule,
  onClose,
}: Props) => {
  const t = useT();
  const { formatDate } = useIntl();
  const when = (iso: string) => formatDate(iso, { dateStyle: 'full', timeStyle: 'short', timeZone });
  return (
    <Dialog.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Dialog.Content>
        <Dialog.Header>{delivery.postTitle ?? t('calendar.untitled')}</Dialog.Header>
        <Dialog.Body>
          <Flex
            direction="column"
            gap={2}
            alignItems="stretch"
            width="100%"
            data-testid="calendar-delivery-details"
          >
            <Flex gap={2}>
              <Typography fontWeight="semiBold">{networkLabel}</Typography>
              <StatusBadge status={delivery.status} />
            </Flex>
            {delivery.campaign && (
              <Typography variant="pi">
                {t('calendar.campaignName', { name: delivery.campaign.name })}
              </Typography>
            )}
            {delivery.scheduledFor && (
              <Typography variant="pi" data-testid="calendar-delivery-due">
                {t('calendar.dueAt', { at: when(delivery.scheduledFor) })}
              </Typography>
            )}
            {delivery.publishedAt && (
              <Typography variant="pi">
                {t('calendar.publishedAt', { at: when(delivery.publishedAt) })}
              </Typography>
            )}
            {delivery.failureReason && (
              <Typography variant="pi" textColor="danger600">
                {delivery.failureReason}
              </Typography>
            )}
            {delivery.url && (
              <Link href={delivery.url} isExternal>
                {t('calendar.seeOnline')}
              </Link>
            )}
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">{t('calendar.close')}</Button>
          </Dialog.Cancel>
          <Flex gap={2}>
            {onReschedule && (
              <Button variant="secondary" onClick={onReschedule}>
                {t('calendar.reschedule.action')}
              </Button>
            )}
            <Button onClick={onOpenPost} data-testid="calendar-open-post">
              {t('panel.open')}
            </Button>
          </Flex>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
