import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { STATUS_COLORS, type DeliveryStatus } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';

const StatusBadge = ({ status }: { status: DeliveryStatus }) => {
  const { formatMessage } = useIntl();
  const colors = STATUS_COLORS[status];
  return (
    <Badge
      textColor={colors.text}
      backgroundColor={colors.background}
      data-testid={`delivery-status-${status}`}
    >
      {formatMessage({ id: getTranslation(`status.${status}`), defaultMessage: status })}
    </Badge>
  );
};

export { StatusBadge };
