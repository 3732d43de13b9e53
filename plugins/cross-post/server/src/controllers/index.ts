import accounts from './accounts.controller';
import deliveries from './deliveries.controller';
import status from './status.controller';

export default {
  accounts,
  deliveries,
  status,
};
