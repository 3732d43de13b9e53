/**
 * When the collector reads a delivery, from its first look until a given moment: the decay schedule
 * of domain/decay.ts applied reading after reading (what a past written for the development demo
 * follows, so it holds the readings the collector would have taken).
 */
import { nextCollection, type DecayProfile } from './decay';

export function collectionTimes(postedAt: Date, firstAt: Date, until: Date, profile: DecayProfile): Date[] {
  const times: Date[] = [];
  for (let at: Date | null = firstAt; at !== null && at <= until;) {
    times.push(at);
    const next = nextCollection(postedAt, at, profile);
    at = next.state === 'frozen' ? null : next.at;
  }
  return times;
}
