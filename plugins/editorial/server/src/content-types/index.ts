import review from './review';
import historyEntry from './history-entry';
import campaignRule from './campaign-rule';
import notification from './notification';
import digest from './digest';

export default {
  review,
  'history-entry': historyEntry,
  'campaign-rule': campaignRule,
  notification,
  digest,
};
