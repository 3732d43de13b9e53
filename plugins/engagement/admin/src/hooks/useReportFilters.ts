import { useEffect, useState } from 'react';

import { useEngagementApi, type EngagementApi, type ReportFilters } from '../api/engagement';

let cached: { at: number; answer: Promise<ReportFilters> } | null = null;
const KEEP_MS = 60_000;

function filtersOnce(api: EngagementApi) {
  if (!cached || Date.now() - cached.at > KEEP_MS) {
    const answer = api.filters();
    cached = { at: Date.now(), answer };
    answer.catch(() => {
      if (cached?.answer === answer) cached = null;
    });
  }
  return cached.answer;
}

/** The campaigns and networks reports filter on, and the reports' time zone (asked once a minute). */
export function useReportFilters() {
  const api = useEngagementApi();
  const [filters, setFilters] = useState<ReportFilters | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    filtersOnce(api).then(
      (answer) => live && setFilters(answer),
      (failure) => live && setError(failure)
    );
    return () => {
      live = false;
    };
  }, [api]);

  return { filters, error };
}
