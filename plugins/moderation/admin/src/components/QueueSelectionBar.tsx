import { Button, Flex, Typography } from '@strapi/design-system';

import { useT } from '../hooks/useT';

type Props = {
  count: number;
  onApprove: () => void;
  onReject: () => void;
  onClear: () => void;
};

/** Bulk decisions on the selected cards. */
export const QueueSelectionBar = ({ count, onApprove, onReject, onClear }: Props) => {
  const t = useT();
  return (
    <Flex gap={2} background="primary100" padding={3} hasRadius>
      <Typography>{t('bulk.selected', { count })}</Typography>
      <Button size="S" variant="success" onClick={onApprove}>
        {t('bulk.approve')}
      </Button>
      <Button size="S" variant="danger" onClick={onReject}>
        {t('bulk.reject')}
      </Button>
      <Button size="S" variant="tertiary" onClick={onClear}>
        {t('bulk.clear')}
      </Button>
    </Flex>
  );
};
