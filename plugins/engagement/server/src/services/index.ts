import collector from './collector.service';
import demo from './demo.service';
import postMetrics from './post-metrics.service';
import reports from './reports.service';
import scheduledReports from './scheduled-reports.service';
import spend from './spend.service';
import linkTargets from './link-targets.service';
import links from './links.service';
import recorder from './recorder.service';
import redirects from './redirects.service';
import trafficMaintenance from './traffic-maintenance.service';
import views from './views.service';
import partners from './partners.service';
import partnerShares from './partner-shares.service';
import visitors from './visitors.service';

export default {
  collector,
  demo,
  'post-metrics': postMetrics,
  reports,
  scheduledReports,
  spend,
  linkTargets,
  links,
  recorder,
  redirects,
  trafficMaintenance,
  views,
  visitors,
  partners,
  partnerShares,
};
