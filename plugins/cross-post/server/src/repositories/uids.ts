export const ACCOUNT_UID = 'plugin::cross-post.social-account';
export const DELIVERY_UID = 'plugin::cross-post.delivery';
export const ATTEMPT_UID = 'plugin::cross-post.delivery-attempt';
