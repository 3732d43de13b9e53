import { useEffect, useState } from 'react';

import { useModerationApi } from '../api/moderation';

type InboxNetworks = { networks: string[]; answerable: string[]; hideable: string[]; likeable: string[] };
const NONE: InboxNetworks = { networks: [], answerable: [], hideable: [], likeable: [] };

/**
 * The networks the inbox collects from and those it can answer on, as the server says (empty until
 * it answers, or if it cannot).
 */
export const useInboxNetworks = () => {
  const api = useModerationApi();
  const [networks, setNetworks] = useState<InboxNetworks>(NONE);
  useEffect(() => {
    let live = true;
    api
      .inboxSources()
      .then(
        (answer) =>
          live &&
          setNetworks({
            networks: answer.networks,
            answerable: answer.answerable,
            hideable: answer.hideable,
            likeable: answer.likeable ?? [],
          })
      )
      .catch(() => live && setNetworks(NONE));
    return () => {
      live = false;
    };
  }, [api]);
  return networks;
};
