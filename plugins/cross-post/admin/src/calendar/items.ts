/** What the calendar places on its days: planned posts and deliveries, each at the time it is about. */
import type { Calendar, CalendarDelivery, CampaignLabel, PlannedPost } from '../api/crossPost';
import { dayKey, dayOf } from './zoned-time';

export type CalendarItem =
  | {
      kind: 'post';
      key: string;
      at: Date;
      movable: boolean;
      campaign: CampaignLabel | null;
      post: PlannedPost;
    }
  | {
      kind: 'delivery';
      key: string;
      at: Date;
      movable: boolean;
      campaign: CampaignLabel | null;
      delivery: CalendarDelivery;
    };

/** A delivery is where it went out, or where it is due; only a scheduled one can still be moved. */
export const deliveryTime = (d: CalendarDelivery) =>
  new Date(d.publishedAt ?? d.scheduledFor ?? d.scheduledAt);

export function itemsOf(calendar: Calendar): CalendarItem[] {
  const posts: CalendarItem[] = calendar.posts.map((post) => ({
    kind: 'post',
    key: `post-${post.documentId}`,
    at: new Date(post.plannedAt),
    movable: true,
    campaign: post.campaign,
    post,
  }));
  const deliveries: CalendarItem[] = calendar.deliveries.map((delivery) => ({
    kind: 'delivery',
    key: `delivery-${delivery.id}`,
    at: deliveryTime(delivery),
    movable: delivery.status === 'scheduled',
    campaign: delivery.campaign,
    delivery,
  }));
  return [...posts, ...deliveries].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key)
  );
}

/** The items of each day (by `dayKey` in `timeZone`). */
export function byDay(items: CalendarItem[], timeZone: string): Map<string, CalendarItem[]> {
  const days = new Map<string, CalendarItem[]>();
  for (const item of items) {
    const key = dayKey(dayOf(item.at, timeZone));
    days.set(key, [...(days.get(key) ?? []), item]);
  }
  return days;
}

/** The same item at another time (shown there while the server is asked). */
export function movedTo(item: CalendarItem, at: Date): CalendarItem {
  if (item.kind === 'post') return { ...item, at, post: { ...item.post, plannedAt: at.toISOString() } };
  return { ...item, at, delivery: { ...item.delivery, scheduledFor: at.toISOString() } };
}
