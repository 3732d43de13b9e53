import comment from './comment';
import report from './report';
import authorSanction from './author-sanction';
import auditEntry from './audit-entry';
import rateWindow from './rate-window';
import inboxSource from './inbox-source';
import savedReply from './saved-reply';
import savedSearch from './saved-search';
import listeningSource from './listening-source';
import listeningHour from './listening-hour';
import listeningAlert from './listening-alert';

export default {
  comment,
  report,
  'author-sanction': authorSanction,
  'audit-entry': auditEntry,
  'rate-window': rateWindow,
  'inbox-source': inboxSource,
  'saved-reply': savedReply,
  'saved-search': savedSearch,
  'listening-source': listeningSource,
  'listening-hour': listeningHour,
  'listening-alert': listeningAlert,
};
