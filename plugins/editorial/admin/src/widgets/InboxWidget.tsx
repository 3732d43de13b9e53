import { useEffect, useState } from 'react';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';

import { useEditorialApi, type InboxItem } from '../api/editorial';
import { useT } from '../hooks/useT';

const editLink = (item: InboxItem) =>
  `/content-manager/collection-types/${item.type}/${item.documentId}?plugins[i18n][locale]=${item.locale}`;

const Section = ({ title, items, testId }: { title: string; items: InboxItem[]; testId: string }) => {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <Box data-testid={testId}>
      <Typography variant="sigma" textColor="neutral600">
        {title}
      </Typography>
      {items.map((item) => (
        <Flex key={`${item.documentId}:${item.locale}`} direction="column" alignItems="start" paddingTop={1}>
          <Link tag={RouterLink} to={editLink(item)}>
            {item.title ?? t('widget.untitled')} ({item.locale})
          </Link>
          {item.comment && (
            <Typography variant="pi" textColor="neutral600" ellipsis>
              « {item.comment} »
            </Typography>
          )}
        </Flex>
      ))}
    </Box>
  );
};

/** Homepage widget: posts waiting for my approval, and mine sent back to me. */
export const InboxWidget = () => {
  const t = useT();
  const api = useEditorialApi();
  const [inbox, setInbox] = useState<{ waiting: InboxItem[]; sentBack: InboxItem[] } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    api.inbox().then(
      (value) => live && setInbox(value),
      () => live && setFailed(true)
    );
    return () => {
      live = false;
    };
  }, [api]);

  if (failed) return <Widget.Error>{t('widget.error')}</Widget.Error>;
  if (!inbox) return <Widget.Loading>{t('widget.loading')}</Widget.Loading>;
  if (inbox.waiting.length === 0 && inbox.sentBack.length === 0)
    return <Widget.NoData>{t('widget.empty')}</Widget.NoData>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="editorial-inbox-widget">
      <Section title={t('widget.waiting')} items={inbox.waiting} testId="editorial-waiting" />
      <Section title={t('widget.sentBack')} items={inbox.sentBack} testId="editorial-sent-back" />
    </Flex>
  );
};
