/** The host app's content types that links and page views point at. */
export const HOST_UIDS = {
  post: 'api::post.post',
  campaign: 'api::campaign.campaign',
  partnership: 'api::partnership.partnership',
  event: 'api::event.event',
} as const;

export type HostType = keyof typeof HOST_UIDS;

/** The field that names a document of each type in lists. */
export const LABEL_FIELD: Record<HostType, string> = {
  post: 'title',
  campaign: 'name',
  partnership: 'partnerName',
  event: 'title',
};
