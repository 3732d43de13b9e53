import { useEffect, useState } from 'react';

import { useModerationApi } from '../api/moderation';

/** The networks the inbox collects from, as the server says (empty until it answers, or if it cannot). */
export const useInboxNetworks = () => {
  const api = useModerationApi();
  const [networks, setNetworks] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    api
      .inboxSources()
      .then((answer) => live && setNetworks(answer.networks))
      .catch(() => live && setNetworks([]));
    return () => {
      live = false;
    };
  }, [api]);
  return networks;
};
