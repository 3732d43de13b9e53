import accounts from './accounts.controller';
import deliveries from './deliveries.controller';
import networks from './networks.controller';

export default {
  accounts,
  deliveries,
  networks,
};
