/**
 * The signed-in admin's notifications: what waits for their approval, what was approved or sent back
 * to them. Unread first by default; opening one or "mark all read" marks it read (the e-mail digest
 * then leaves it out).
 */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useApiError } from '@porte-voix/kit/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import { useEditorialApi, type Notification, type NotificationsPage as Loaded } from '../api/editorial';
import { useT } from '../hooks/useT';

const PAGE_SIZE = 20;

const editLink = (notification: Notification) =>
  `/content-manager/collection-types/${notification.type}/${notification.documentId}?plugins[i18n][locale]=${notification.locale}`;

const Row = ({ notification, onOpen }: { notification: Notification; onOpen: () => void }) => {
  const t = useT();
  const { formatDate } = useIntl();
  return (
    <Box
      padding={4}
      background={notification.read ? 'neutral0' : 'primary100'}
      hasRadius
      data-testid={`notification-${notification.id}`}
      data-read={notification.read}
    >
      <Flex justifyContent="space-between" gap={4} alignItems="start">
        <Flex direction="column" alignItems="start" gap={1}>
          <Typography variant="pi" textColor="neutral600">
            {formatDate(notification.createdAt, {
              day: 'numeric',
              month: 'short',
              hour: '2-digit',
              minute: '2-digit',
            })}
            {notification.actorName ? ` · ${notification.actorName}` : ''}
          </Typography>
          <Typography variant="omega" fontWeight={notification.read ? 'regular' : 'bold'}>
            {t(`notifications.kind.${notification.kind}`)}
          </Typography>
          <Link tag={RouterLink} to={editLink(notification)} onClick={onOpen}>
            {notification.title ?? t('widget.untitled')} ({notification.locale})
          </Link>
          {notification.comment && (
            <Typography variant="pi" textColor="neutral800">
              « {notification.comment} »
            </Typography>
          )}
        </Flex>
        {!notification.read && (
          <Button variant="tertiary" size="S" onClick={onOpen} data-testid="notification-mark-read">
            {t('notifications.markRead')}
          </Button>
        )}
      </Flex>
    </Box>
  );
};

export const NotificationsPage = () => {
  const t = useT();
  const api = useEditorialApi();
  const apiError = useApiError();
  const [unreadOnly, setUnreadOnly] = useState(true);
  const [page, setPage] = useState(1);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      api
        .notifications({ unread: unreadOnly, page, pageSize: PAGE_SIZE })
        .then(setLoaded, (e) => setError(apiError.message(e))),
    [api, apiError, unreadOnly, page]
  );
  useEffect(() => {
    load();
  }, [load]);

  const markRead = async (ids: number[] | 'all') => {
    try {
      await api.markRead(ids);
      await load();
    } catch (e) {
      apiError.notify(e);
    }
  };

  const total = loaded?.meta.pagination.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <Page.Main>
      <Page.Title>{t('notifications.title')}</Page.Title>
      <Layouts.Header
        title={t('notifications.title')}
        subtitle={t('notifications.subtitle', { unread: loaded?.meta.unread ?? 0 })}
        primaryAction={
          <Button
            variant="secondary"
            onClick={() => markRead('all')}
            disabled={!loaded || loaded.meta.unread === 0}
            data-testid="notifications-mark-all-read"
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={2}>
            {(['unread', 'all'] as const).map((filter) => (
              <Button
                key={filter}
                variant={(filter === 'unread') === unreadOnly ? 'secondary' : 'tertiary'}
                onClick={() => {
                  setUnreadOnly(filter === 'unread');
                  setPage(1);
                }}
                data-testid={`notifications-filter-${filter}`}
              >
                {t(`notifications.${filter}`)}
                {filter === 'unread' && loaded && loaded.meta.unread > 0 && (
                  <>
                    {' '}
                    <Badge>{loaded.meta.unread}</Badge>
                  </>
                )}
              </Button>
            ))}
          </Flex>
          {error && <Typography textColor="danger600">{error}</Typography>}
          {loaded && loaded.data.length === 0 && (
            <Typography textColor="neutral600" data-testid="notifications-empty">
              {t('notifications.empty')}
            </Typography>
          )}
          {loaded?.data.map((notification) => (
            <Row
              key={notification.id}
              notification={notification}
              onOpen={() => !notification.read && markRead([notification.id])}
            />
          ))}
          {pages > 1 && (
            <Flex gap={2} justifyContent="center">
              <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('notifications.previous')}
              </Button>
              <Typography variant="pi">{t('notifications.page', { page, pages })}</Typography>
              <Button variant="tertiary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                {t('notifications.next')}
              </Button>
            </Flex>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
