/** Side panel of a post's edit view: pick accounts, preview each network's text, publish or schedule, follow deliveries. */
import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Checkbox, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { PLUGIN_ID } from '../pluginId';
import { errorMessage, type Account, type Delivery, type Preview } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';
import { StatusBadge } from './StatusBadge';

const POST_UID = 'api::post.post';
const ACTIVE = ['scheduled', 'publishing', 'retrying', 'unconfirmed'];

/** `YYYY-MM-DDTHH:mm:ss` in local time, as datetime-local inputs want it. */
function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

const PanelContent = ({ documentId }: { documentId: string }) => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage: id }, values);
  const { get, post } = useFetchClient();
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [selected, setSelected] = useState<number[]>([]);
  const [previews, setPreviews] = useState<Preview[]>([]);
  const [deliveries, setDeliveries] = useState<Delivery[]>([]);
  const [scheduledAt, setScheduledAt] = useState<Date | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [openAttempts, setOpenAttempts] = useState<number | null>(null);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const loadDeliveries = useCallback(async () => {
    const { data } = await get<{ data: Delivery[] }>(`/${PLUGIN_ID}/posts/${documentId}/deliveries`);
    setDeliveries(data.data);
  }, [get, documentId]);

  useEffect(() => {
    get<{ data: Account[] }>(`/${PLUGIN_ID}/accounts`)
      .then(({ data }) => setAccounts(data.data))
      .catch((e) => setError(errorMessage(e)));
    loadDeliveries().catch((e) => setError(errorMessage(e)));
  }, [get, loadDeliveries]);

  // Follow deliveries while some are on their way.
  const pending = deliveries.some((d) => ACTIVE.includes(d.status));
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => loadDeliveries().catch(() => undefined), 2000);
    return () => clearInterval(timer);
  }, [pending, loadDeliveries]);

  useEffect(() => {
    if (selected.length === 0) {
      setPreviews([]);
      return;
    }
    get<{ data: Preview[] }>(`/${PLUGIN_ID}/posts/${documentId}/preview?accountIds=${selected.join(',')}`)
      .then(({ data }) => setPreviews(data.data))
      .catch((e) => setError(errorMessage(e)));
  }, [get, documentId, selected]);

  const toggle = (id: number, checked: boolean) =>
    setSelected((current) => (checked ? [...current, id] : current.filter((x) => x !== id)));

  const send = async (at?: Date) => {
    setBusy(true);
    setError(null);
    try {
      await post(`/${PLUGIN_ID}/posts/${documentId}/deliveries`, {
        accountIds: selected,
        ...(at && { scheduledAt: at.toISOString() }),
      });
      setSelected([]);
      await loadDeliveries();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const act = async (delivery: Delivery, action: 'cancel' | 'retry') => {
    setError(null);
    try {
      await post(`/${PLUGIN_ID}/deliveries/${delivery.id}/${action}`, {});
      await loadDeliveries();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const accountName = (id: number) => accounts.find((a) => a.id === id)?.name ?? `#${id}`;
  const hasProblems = previews.some((p) => p.problems.length > 0);

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="cross-post-panel">
      {accounts.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {t('panel.noAccounts')}
        </Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography variant="sigma" textColor="neutral600">
            {t('panel.accounts')}
          </Typography>
          {accounts.map((account) => (
            <Checkbox
              key={account.id}
              checked={selected.includes(account.id)}
              onCheckedChange={(checked) => toggle(account.id, checked === true)}
              data-testid={`cross-post-account-${account.id}`}
            >
              {account.name} · {account.network}
            </Checkbox>
          ))}
        </Flex>
      )}

      {previews.map((preview) => (
        <Box
          key={preview.accountId}
          padding={2}
          background="neutral100"
          hasRadius
          data-testid={`cross-post-preview-${preview.accountId}`}
        >
          <Flex justifyContent="space-between">
            <Typography variant="pi" fontWeight="bold">
              {accountName(preview.accountId)} ({preview.locale})
            </Typography>
            <Typography variant="pi" textColor={preview.length > preview.limit ? 'danger600' : 'neutral600'}>
              {preview.length} / {preview.limit}
            </Typography>
          </Flex>
          <Typography variant="pi" tag="p" style={{ whiteSpace: 'pre-wrap' }}>
            {preview.text}
          </Typography>
          {preview.problems.map((problem) => (
            <Typography key={problem.code} variant="pi" textColor="danger600" tag="p">
              {problem.message}
            </Typography>
          ))}
        </Box>
      ))}

      {selected.length > 0 && (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Field.Root>
            <Field.Label>{t('panel.scheduleAt', { timeZone })}</Field.Label>
            {/* A native picker: seconds precision, in the browser's time zone (shown above). */}
            <TextInput
              type="datetime-local"
              step={1}
              value={scheduledAt ? toLocalInput(scheduledAt) : ''}
              onChange={(e: any) => setScheduledAt(e.target.value ? new Date(e.target.value) : undefined)}
              data-testid="cross-post-scheduled-at"
            />
          </Field.Root>
          <Typography variant="pi" textColor="neutral600">
            {t('panel.timeZone', { timeZone })}
          </Typography>
          <Flex gap={2}>
            <Button
              onClick={() => send()}
              loading={busy}
              disabled={hasProblems}
              data-testid="cross-post-publish-now"
            >
              {t('panel.publishNow')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => send(scheduledAt)}
              disabled={!scheduledAt || hasProblems || busy}
              data-testid="cross-post-schedule"
            >
              {t('panel.schedule')}
            </Button>
          </Flex>
        </Flex>
      )}

      {error && (
        <Typography variant="pi" textColor="danger600" data-testid="cross-post-error">
          {error}
        </Typography>
      )}

      {deliveries.length > 0 && (
        <Flex direction="column" alignItems="stretch" gap={2} data-testid="cross-post-deliveries">
          <Typography variant="sigma" textColor="neutral600">
            {t('panel.deliveries')}
          </Typography>
          {deliveries.map((delivery) => (
            <Box key={delivery.id} padding={2} background="neutral100" hasRadius>
              <Flex justifyContent="space-between" gap={2}>
                <Typography variant="pi" fontWeight="bold">
                  {accountName(delivery.accountId)}
                </Typography>
                <StatusBadge status={delivery.status} />
              </Flex>
              <Typography variant="pi" textColor="neutral600" tag="p">
                {formatDate(delivery.publishedAt ?? delivery.scheduledAt, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                  timeZone,
                })}
              </Typography>
              {delivery.url && (
                <a href={delivery.url} target="_blank" rel="noreferrer">
                  <Typography variant="pi">{t('panel.open')}</Typography>
                </a>
              )}
              {delivery.failureReason && delivery.status !== 'published' && (
                <Typography variant="pi" textColor="danger600" tag="p">
                  {delivery.failureReason}
                </Typography>
              )}
              <Flex gap={2} paddingTop={1}>
                {['scheduled', 'retrying', 'failed', 'unconfirmed'].includes(delivery.status) && (
                  <Button size="S" variant="danger-light" onClick={() => act(delivery, 'cancel')}>
                    {t('panel.cancel')}
                  </Button>
                )}
                {['failed', 'unconfirmed', 'cancelled'].includes(delivery.status) && (
                  <Button size="S" variant="secondary" onClick={() => act(delivery, 'retry')}>
                    {t('panel.retry')}
                  </Button>
                )}
                <Button
                  size="S"
                  variant="tertiary"
                  onClick={() => setOpenAttempts(openAttempts === delivery.id ? null : delivery.id)}
                >
                  {t('panel.attempts', { count: delivery.attempts?.length ?? 0 })}
                </Button>
              </Flex>
              {openAttempts === delivery.id &&
                delivery.attempts?.map((attempt) => (
                  <Typography key={attempt.id} variant="pi" tag="p" textColor="neutral700">
                    {attempt.startedAt
                      ? formatDate(attempt.startedAt, { timeStyle: 'medium', timeZone })
                      : ''}{' '}
                    · {t(`outcome.${attempt.outcome}`)} {attempt.detail ? `· ${attempt.detail}` : ''}
                  </Typography>
                ))}
            </Box>
          ))}
        </Flex>
      )}
    </Flex>
  );
};

/** A content-manager side panel description; only posts that exist get one. */
const CrossPostPanel = ({ model, documentId }: { model: string; documentId?: string }) => {
  const { formatMessage } = useIntl();
  if (model !== POST_UID || !documentId) return null;
  return {
    title: formatMessage({ id: getTranslation('panel.title'), defaultMessage: 'Cross-post' }),
    content: <PanelContent documentId={documentId} />,
  };
};

export { CrossPostPanel };
