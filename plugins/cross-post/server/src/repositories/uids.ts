export const ACCOUNT_UID = 'plugin::cross-post.social-account';
export const DELIVERY_UID = 'plugin::cross-post.delivery';
export const ATTEMPT_UID = 'plugin::cross-post.delivery-attempt';
export const REPLY_UID = 'plugin::cross-post.reply';
/** The host app's content the calendar plans: posts, and the campaigns that colour them. */
export const POST_UID = 'api::post.post';
export const CAMPAIGN_UID = 'api::campaign.campaign';
export const DIRECT_CHANNEL_UID = 'plugin::cross-post.direct-channel';
