/** Why the server refused a move (`details.reason`), each with its message `calendar.refused.<reason>`. */
export const MOVE_REFUSALS = [
  'in_the_past',
  'already_published',
  'publishing_now',
  'not_movable',
  'post_not_editable',
  'post_not_found',
  'delivery_not_found',
  'forbidden',
] as const;

type Refusal = (typeof MOVE_REFUSALS)[number];

/** The reason of a failed move, when it is one the calendar can say in the person's language. */
export function refusalOf(error: unknown): Refusal | null {
  const response = (error as any)?.response;
  const reason = response?.data?.error?.details?.reason;
  if ((MOVE_REFUSALS as readonly string[]).includes(reason)) return reason as Refusal;
  return response?.status === 403 ? 'forbidden' : null;
}
