import { useCallback, useState } from 'react';
import { useIntl } from 'react-intl';

import { isTimeZone } from '../calendar/zoned-time';

const STORAGE_KEY = 'porte-voix.cross-post.timeZone';

/** The zone times are shown and read in when the person picked none: Paris in French, else the browser's. */
export const defaultTimeZone = (locale: string) =>
  locale.toLowerCase().startsWith('fr') ? 'Europe/Paris' : Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Every zone the browser knows (for the selector), with the current one first if it is missing. */
export function timeZones(current: string): string[] {
  const known: string[] = (Intl as any).supportedValuesOf?.('timeZone') ?? [];
  return known.includes(current) ? known : [current, ...known];
}

const stored = () => {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value && isTimeZone(value) ? value : null;
  } catch {
    return null;
  }
};

/** The person's time zone for the calendar and the schedule form, kept in this browser. */
export function useTimeZone(): [string, (timeZone: string) => void] {
  const { locale } = useIntl();
  const [timeZone, setState] = useState(() => stored() ?? defaultTimeZone(locale));
  const choose = useCallback((next: string) => {
    if (!isTimeZone(next)) return;
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private windows may refuse storage: the choice then lasts until the page is left.
    }
    setState(next);
  }, []);
  return [timeZone, choose];
}
