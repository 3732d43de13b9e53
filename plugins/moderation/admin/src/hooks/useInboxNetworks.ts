import { useEffect, useState } from 'react';

import { useModerationApi } from '../api/moderation';

/**
 * The networks the inbox collects from and those it can answer on, as the server says (empty until
 * it answers, or if it cannot).
 */
export const useInboxNetworks = () => {
  const api = useModerationApi();
  const [networks, setNetworks] = useState<{ networks: string[]; answerable: string[]; hideable: string[] }>({
    networks: [],
    answerable: [],
    hideable: [],
  });
  useEffect(() => {
    let live = true;
    api
      .inboxSources()
      .then(
        (answer) =>
          live &&
          setNetworks({ networks: answer.networks, answerable: answer.answerable, hideable: answer.hideable })
      )
      .catch(() => live && setNetworks({ networks: [], answerable: [], hideable: [] }));
    return () => {
      live = false;
    };
  }, [api]);
  return networks;
};
