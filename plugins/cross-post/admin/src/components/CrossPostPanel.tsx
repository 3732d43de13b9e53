/** Side panel of a post's edit view: pick accounts, preview each network's text, publish or schedule, follow deliveries. */
import { useCallback, useEffect, useState } from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useApiError } from '@porte-voix/kit/admin';

import { useCrossPostApi, type Account, type Delivery, type Preview } from '../api/crossPost';
import { usePostDeliveries } from '../hooks/usePostDeliveries';
import { useT } from '../hooks/useT';
import { useTimeZone } from '../hooks/useTimeZone';
import { AccountPicker } from './AccountPicker';
import { DeliveriesList } from './DeliveriesList';
import { NetworkPreview } from './NetworkPreview';
import { SchedulePicker } from './SchedulePicker';

const POST_UID = 'api::post.post';

const PanelContent = ({ documentId, plannedAt }: { documentId: string; plannedAt?: Date }) => {
  const api = useCrossPostApi();
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [selected, setSelected] = useState<number[]>([]);
  const [previews, setPreviews] = useState<Preview[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [timeZone] = useTimeZone();
  // Shown inside the panel rather than as a notification: it stays beside what it is about.
  const apiError = useApiError();
  const showError = useCallback((e: unknown) => setError(apiError.message(e)), [apiError]);
  const { deliveries, reload } = usePostDeliveries(documentId, showError);

  useEffect(() => {
    api.accounts().then(setAccounts, showError);
  }, [api, showError]);

  useEffect(() => {
    if (selected.length === 0) {
      setPreviews([]);
      return;
    }
    api.preview(documentId, selected).then(setPreviews, showError);
  }, [api, documentId, selected, showError]);

  const toggle = (id: number, checked: boolean) =>
    setSelected((current) => (checked ? [...current, id] : current.filter((x) => x !== id)));

  const send = async (at?: Date) => {
    setBusy(true);
    setError(null);
    try {
      await api.schedule(documentId, selected, at);
      setSelected([]);
      await reload();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const act = async (delivery: Delivery, action: 'cancel' | 'retry') => {
    setError(null);
    try {
      await api[action](delivery.id);
      await reload();
    } catch (e) {
      showError(e);
    }
  };

  const accountName = (id: number) => accounts.find((a) => a.id === id)?.name ?? `#${id}`;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="cross-post-panel">
      <AccountPicker accounts={accounts} selected={selected} onToggle={toggle} />
      {previews.map((preview) => (
        <NetworkPreview
          key={preview.accountId}
          preview={preview}
          accountName={accountName(preview.accountId)}
        />
      ))}
      {selected.length > 0 && (
        <SchedulePicker
          timeZone={timeZone}
          plannedAt={plannedAt}
          busy={busy}
          blocked={previews.some((p) => p.problems.length > 0)}
          onSend={send}
        />
      )}
      {error && (
        <Typography variant="pi" textColor="danger600" data-testid="cross-post-error">
          {error}
        </Typography>
      )}
      <DeliveriesList deliveries={deliveries} timeZone={timeZone} accountName={accountName} onAction={act} />
    </Flex>
  );
};

/** A content-manager side panel description; only posts that exist get one. */
const CrossPostPanel = ({
  model,
  documentId,
  document,
}: {
  model: string;
  documentId?: string;
  document?: { plannedAt?: string | null };
}) => {
  const t = useT();
  if (model !== POST_UID || !documentId) return null;
  const plannedAt = document?.plannedAt ? new Date(document.plannedAt) : undefined;
  return { title: t('panel.title'), content: <PanelContent documentId={documentId} plannedAt={plannedAt} /> };
};

export { CrossPostPanel };
