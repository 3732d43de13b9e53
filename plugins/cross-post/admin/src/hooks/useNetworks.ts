import { useEffect, useState } from 'react';
import { useApiError } from '@porte-voix/kit/admin';

import { useCrossPostApi, type NetworkDescription } from '../api/crossPost';

/** The networks the server knows, with their credential fields and limits; empty until it answers. */
export const useNetworks = () => {
  const api = useCrossPostApi();
  const apiError = useApiError();
  const [networks, setNetworks] = useState<NetworkDescription[]>([]);
  useEffect(() => {
    api.networks().then(setNetworks, apiError.notify);
  }, [api, apiError]);
  return networks;
};
