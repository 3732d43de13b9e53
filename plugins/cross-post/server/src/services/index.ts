import accounts from './accounts.service';
import answers from './answers.service';
import calendar from './calendar.service';
import compose from './compose.service';
import deliveries from './deliveries.service';
import demo from './demo.service';
import dispatcher from './dispatcher.service';
import gateway from './gateway.service';
import hashtags from './hashtags.service';
import metrics from './metrics.service';
import networks from './networks.service';
import replies from './replies.service';
import search from './search.service';

export default {
  accounts,
  answers,
  calendar,
  compose,
  deliveries,
  demo,
  dispatcher,
  gateway,
  hashtags,
  metrics,
  networks,
  replies,
  search,
};
