import review from './review';
import historyEntry from './history-entry';
import campaignRule from './campaign-rule';

export default {
  review,
  'history-entry': historyEntry,
  'campaign-rule': campaignRule,
};
