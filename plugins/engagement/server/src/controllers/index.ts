import postMetrics from './post-metrics.controller';
import reports from './reports.controller';
import spend from './spend.controller';
import subscriptions from './subscriptions.controller';
import links from './links.controller';
import redirect from './redirect.controller';
import views from './views.controller';
import partners from './partners.controller';
import sharePage from './share-page.controller';

export default {
  'post-metrics': postMetrics,
  reports,
  spend,
  subscriptions,
  links,
  redirect,
  views,
  partners,
  'share-page': sharePage,
};
