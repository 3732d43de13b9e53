export const COMMENT_UID = 'plugin::moderation.comment';
export const REPORT_UID = 'plugin::moderation.report';
export const SANCTION_UID = 'plugin::moderation.author-sanction';
export const AUDIT_UID = 'plugin::moderation.audit-entry';

export const TARGET_UIDS = { post: 'api::post.post', event: 'api::event.event' } as const;
export type TargetType = keyof typeof TARGET_UIDS;

/** RBAC actions, as registered with the admin (`plugin::moderation.<uid>`). */
export const ACTIONS = {
  read: 'plugin::moderation.read',
  moderate: 'plugin::moderation.moderate',
  settings: 'plugin::moderation.settings',
} as const;
