import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

import { readReportQuery, todayIn, writeReportQuery } from '../utils/period';

/**
 * A report's filters live in the URL (period, comparison, campaign, network), so a report can be
 * bookmarked and sent to a colleague as it is.
 */
export function useReportQuery(timeZone: string) {
  const [params, setParams] = useSearchParams();
  const today = todayIn(timeZone);
  const query = useMemo(() => readReportQuery(params, today), [params, today]);
  const update = useCallback(
    (changes: Record<string, string | null | undefined>) =>
      setParams((current) => writeReportQuery(current, changes)),
    [setParams]
  );
  return { query, params, update, today };
}
