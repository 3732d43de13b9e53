export const COMMENT_UID = 'plugin::moderation.comment';
export const REPORT_UID = 'plugin::moderation.report';
export const SANCTION_UID = 'plugin::moderation.author-sanction';
export const AUDIT_UID = 'plugin::moderation.audit-entry';
export const RATE_WINDOW_UID = 'plugin::moderation.rate-window';
export const INBOX_SOURCE_UID = 'plugin::moderation.inbox-source';
export const SAVED_REPLY_UID = 'plugin::moderation.saved-reply';
export const SAVED_SEARCH_UID = 'plugin::moderation.saved-search';
export const LISTENING_SOURCE_UID = 'plugin::moderation.listening-source';
export const LISTENING_HOUR_UID = 'plugin::moderation.listening-hour';
export const LISTENING_ALERT_UID = 'plugin::moderation.listening-alert';

/** The host app's campaigns, which the queue filters by. */
export const CAMPAIGN_UID = 'api::campaign.campaign';

export const TARGET_UIDS = { post: 'api::post.post', event: 'api::event.event' } as const;
export type TargetType = keyof typeof TARGET_UIDS;
