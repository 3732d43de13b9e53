import { Button, Flex, Typography } from '@strapi/design-system';

import { useT } from '../hooks/useT';

type Props = { page: number; pageCount: number; onPage: (page: number) => void };

export const QueuePagination = ({ page, pageCount, onPage }: Props) => {
  const t = useT();
  if (pageCount <= 1) return null;
  return (
    <Flex gap={2} justifyContent="center">
      <Button variant="tertiary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('pagination.previous')}
      </Button>
      <Typography>{t('pagination.page', { page, count: pageCount })}</Typography>
      <Button variant="tertiary" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        {t('pagination.next')}
      </Button>
    </Flex>
  );
};
