/**
 * What one preview call makes only once, however many accounts it shows: an image's variant for a
 * network's rules, and a picture's thumbnail, both keyed by the file's content. Two accounts of one
 * network share the variant; networks that take a picture as it is share its thumbnail.
 */
import { createHash } from 'node:crypto';

export function mediaMemo() {
  const made = new Map<string, Promise<unknown>>();
  return {
    once<T>(key: string, make: () => Promise<T>): Promise<T> {
      if (!made.has(key)) made.set(key, make());
      return made.get(key) as Promise<T>;
    },
  };
}

export type MediaMemo = ReturnType<typeof mediaMemo>;

export const contentKey = (data: Buffer) => createHash('sha256').update(data).digest('hex');
