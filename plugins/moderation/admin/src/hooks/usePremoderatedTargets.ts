import { useCallback, useEffect, useState } from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { useApiError } from '@porte-voix/kit/admin';

import { useModerationApi } from '../api/moderation';
import { useT } from './useT';

/** Which posts and events hold every new comment for review, toggled from a card. */
export const usePremoderatedTargets = () => {
  const t = useT();
  const api = useModerationApi();
  const apiError = useApiError();
  const { toggleNotification } = useNotification();
  const [targets, setTargets] = useState<string[]>([]);

  useEffect(() => {
    api
      .settings()
      .then((settings) => setTargets(settings.premoderation.targets))
      .catch(() => setTargets([]));
  }, [api]);

  const toggle = useCallback(
    async (targetKey: string) => {
      const next = targets.includes(targetKey)
        ? targets.filter((key) => key !== targetKey)
        : [...targets, targetKey];
      try {
        const settings = await api.saveSettings({ premoderation: { targets: next } });
        setTargets(settings.premoderation.targets);
        toggleNotification({ type: 'success', message: t('settings.saved') });
      } catch (err) {
        apiError.notify(err);
      }
    },
    [api, apiError, targets, toggleNotification, t]
  );

  return { targets, toggle };
};
