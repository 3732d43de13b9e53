import { useEffect, useState } from 'react';

import { useEngagementApi, type EngagementApi, type HomepageSummary } from '../api/engagement';

/** The widgets of one homepage share one answer (the server caches it a minute anyway). */
const SHARED_MS = 30_000;
let shared: { at: number; answer: Promise<HomepageSummary> } | null = null;

function summaryOnce(api: EngagementApi) {
  if (!shared || Date.now() - shared.at > SHARED_MS) {
    const answer = api.homepage();
    shared = { at: Date.now(), answer };
    // A failure is not kept: the next widget asks again.
    answer.catch(() => {
      if (shared?.answer === answer) shared = null;
    });
  }
  return shared.answer;
}

/** `GET /engagement/homepage/summary`, asked once for every engagement widget on the page. */
export function useHomepageSummary() {
  const api = useEngagementApi();
  const [summary, setSummary] = useState<HomepageSummary | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    summaryOnce(api).then(
      (answer) => live && setSummary(answer),
      () => live && setFailed(true)
    );
    return () => {
      live = false;
    };
  }, [api]);

  return { summary, failed };
}
