export const REVIEW_UID = 'plugin::editorial.review';
export const HISTORY_UID = 'plugin::editorial.history-entry';
export const RULE_UID = 'plugin::editorial.campaign-rule';
