import metricSnapshot from './metric-snapshot';
import deliveryStat from './delivery-stat';
import metricDaily from './metric-daily';
import campaignDaily from './campaign-daily';
import accountStat from './account-stat';
import accountDaily from './account-daily';
import collectorJob from './collector-job';
import spend from './spend';
import reportSubscription from './report-subscription';
import trackedLink from './tracked-link';
import clickEvent from './click-event';
import linkDaily from './link-daily';
import visitorSalt from './visitor-salt';
import pageView from './page-view';
import viewDaily from './view-daily';
import beaconRateWindow from './beacon-rate-window';
import partnerShare from './partner-share';

export const SNAPSHOT_UID = 'plugin::engagement.metric-snapshot';
export const DELIVERY_STAT_UID = 'plugin::engagement.delivery-stat';
export const METRIC_DAILY_UID = 'plugin::engagement.metric-daily';
export const CAMPAIGN_DAILY_UID = 'plugin::engagement.campaign-daily';
export const ACCOUNT_STAT_UID = 'plugin::engagement.account-stat';
export const ACCOUNT_DAILY_UID = 'plugin::engagement.account-daily';
export const COLLECTOR_JOB_UID = 'plugin::engagement.collector-job';
export const SPEND_UID = 'plugin::engagement.spend';
export const REPORT_SUBSCRIPTION_UID = 'plugin::engagement.report-subscription';
export const TRACKED_LINK_UID = 'plugin::engagement.tracked-link';
export const CLICK_EVENT_UID = 'plugin::engagement.click-event';
export const LINK_DAILY_UID = 'plugin::engagement.link-daily';
export const VISITOR_SALT_UID = 'plugin::engagement.visitor-salt';
export const PAGE_VIEW_UID = 'plugin::engagement.page-view';
export const VIEW_DAILY_UID = 'plugin::engagement.view-daily';
export const BEACON_RATE_WINDOW_UID = 'plugin::engagement.beacon-rate-window';
export const PARTNER_SHARE_UID = 'plugin::engagement.partner-share';

export default {
  'metric-snapshot': metricSnapshot,
  'delivery-stat': deliveryStat,
  'metric-daily': metricDaily,
  'campaign-daily': campaignDaily,
  'account-stat': accountStat,
  'account-daily': accountDaily,
  'collector-job': collectorJob,
  spend,
  'report-subscription': reportSubscription,
  'tracked-link': trackedLink,
  'click-event': clickEvent,
  'link-daily': linkDaily,
  'visitor-salt': visitorSalt,
  'page-view': pageView,
  'view-daily': viewDaily,
  'beacon-rate-window': beaconRateWindow,
  'partner-share': partnerShare,
};
