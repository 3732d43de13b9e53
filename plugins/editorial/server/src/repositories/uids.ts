export const REVIEW_UID = 'plugin::editorial.review';
export const HISTORY_UID = 'plugin::editorial.history-entry';
export const RULE_UID = 'plugin::editorial.campaign-rule';
export const NOTIFICATION_UID = 'plugin::editorial.notification';
export const DIGEST_UID = 'plugin::editorial.digest';
