import { useCallback, useEffect, useState } from 'react';

import { useCrossPostApi, type Delivery } from '../api/crossPost';

const ACTIVE = ['scheduled', 'publishing', 'retrying', 'unconfirmed', 'handed'];

/** A post's deliveries, followed every two seconds while some are on their way. */
export const usePostDeliveries = (documentId: string, onError: (error: unknown) => void) => {
  const api = useCrossPostApi();
  const [deliveries, setDeliveries] = useState<Delivery[]>([]);

  const reload = useCallback(
    async () => setDeliveries(await api.postDeliveries(documentId)),
    [api, documentId]
  );

  useEffect(() => {
    reload().catch(onError);
  }, [reload, onError]);

  const pending = deliveries.some((delivery) => ACTIVE.includes(delivery.status));
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => reload().catch(() => undefined), 2000);
    return () => clearInterval(timer);
  }, [pending, reload]);

  return { deliveries, reload };
};
