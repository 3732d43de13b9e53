import accounts from './accounts.service';
import compose from './compose.service';
import deliveries from './deliveries.service';
import dispatcher from './dispatcher.service';
import status from './status.service';

export default {
  accounts,
  compose,
  deliveries,
  dispatcher,
  status,
};
