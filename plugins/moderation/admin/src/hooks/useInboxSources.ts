import { useCallback, useEffect, useState } from 'react';

import { useModerationApi, type InboxSource } from '../api/moderation';

type InboxSources = {
  networks: string[];
  answerable: string[];
  hideable: string[];
  likeable: string[];
  sources: InboxSource[];
};
const NONE: InboxSources = {
  networks: [],
  answerable: [],
  hideable: [],
  likeable: [],
  sources: [],
};

/**
 * The networks the inbox collects from and those it can answer on, and the accounts it reads with
 * what each last met, as the server says (empty until it answers, or if it cannot).
 */
export const useInboxSources = () => {
  const api = useModerationApi();
  const [inbox, setInbox] = useState<InboxSources>(NONE);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    api
      .inboxSources()
      .then(
        (answer) =>
          live &&
          setInbox({
            networks: answer.networks,
            answerable: answer.answerable,
            hideable: answer.hideable,
            likeable: answer.likeable ?? [],
            sources: answer.sources,
          })
      )
      .catch(() => live && setInbox(NONE));
    return () => {
      live = false;
    };
  }, [api, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...inbox, reload };
};
