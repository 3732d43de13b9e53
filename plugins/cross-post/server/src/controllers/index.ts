import accounts from './accounts.controller';
import calendar from './calendar.controller';
import deliveries from './deliveries.controller';
import hashtags from './hashtags.controller';
import networks from './networks.controller';

export default {
  accounts,
  calendar,
  deliveries,
  hashtags,
  networks,
};
