import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useApiError } from '@porte-voix/kit/admin';

import { useContestsApi, type Entry, type EntryFilters } from '../api/contests';
import { useT } from '../hooks/useT';
import { ReasonDialog } from './ReasonDialog';

type Action = { kind: 'invalidate' | 'restore' | 'erase'; entry: Entry };
const SIGNALS = ['disposable_email', 'ip_volume', 'burst', 'near_duplicate_name'];

/** Entries with filters; invalidate, restore or erase one, always with a reason. */
export const EntriesTable = ({
  eventDocumentId,
  frozen,
  onChange,
}: {
  eventDocumentId: string;
  frozen: boolean;
  onChange: () => void;
}) => {
  const { formatDate } = useIntl();
  const t = useT();
  const apiError = useApiError();
  const api = useContestsApi();
  const { toggleNotification } = useNotification();
  const [filters, setFilters] = useState<EntryFilters>({ page: 1 });
  const [result, setResult] = useState<{ data: Entry[]; total: number; pageCount: number } | null>(null);
  const [action, setAction] = useState<Action | null>(null);

  const load = useCallback(() => {
    api.listEntries(eventDocumentId, filters).then(
      (body) =>
        setResult({
          data: body.data,
          total: body.meta.pagination.total,
          pageCount: body.meta.pagination.pageCount,
        }),
      (error) => apiError.notify(error)
    );
  }, [api, eventDocumentId, filters, apiError]);

  useEffect(load, [load]);

  const perform = async (reason: string) => {
    if (!action) return;
    try {
      const id = action.entry.id;
      if (action.kind === 'invalidate') await api.invalidate(id, reason);
      if (action.kind === 'restore') await api.restore(id, reason);
      if (action.kind === 'erase') await api.erase(id, reason);
      toggleNotification({ type: 'success', message: t(`entries.${action.kind}Done`) });
      load();
      onChange();
    } catch (error) {
      apiError.notify(error);
    }
  };

  const setFilter = (patch: Partial<EntryFilters>) =>
    setFilters((current) => ({ ...current, ...patch, page: 1 }));

  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Flex justifyContent="space-between" paddingBottom={4}>
        <Typography variant="delta" tag="h2">
          {t('entries.title', { total: result?.total ?? 0 })}
        </Typography>
        <Flex gap={2}>
          <Box minWidth="160px">
            <SingleSelect
              aria-label={t('entries.status')}
              placeholder={t('entries.anyStatus')}
              value={filters.status ?? ''}
              onClear={() => setFilter({ status: undefined })}
              clearLabel={t('entries.anyStatus')}
              onChange={(value: string | number) => setFilter({ status: value ? String(value) : undefined })}
            >
              {(['valid', 'review', 'invalidated', 'unconfirmed'] as const).map((status) => (
                <SingleSelectOption key={status} value={status}>
                  {t(`status.${status}`)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Box minWidth="200px">
            <SingleSelect
              aria-label={t('entries.signal')}
              placeholder={t('entries.anySignal')}
              value={filters.signal ?? ''}
              onClear={() => setFilter({ signal: undefined })}
              clearLabel={t('entries.anySignal')}
              onChange={(value: string | number) => setFilter({ signal: value ? String(value) : undefined })}
            >
              {SIGNALS.map((signal) => (
                <SingleSelectOption key={signal} value={signal}>
                  {t(`signal.${signal}`)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <TextInput
            aria-label={t('entries.search')}
            placeholder={t('entries.search')}
            value={filters.q ?? ''}
            onChange={(event: any) => setFilter({ q: event.target.value || undefined })}
          />
        </Flex>
      </Flex>
      <Table colCount={6} rowCount={(result?.data.length ?? 0) + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('entries.when')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('entries.who')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('entries.country')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('entries.status')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('entries.signal')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('claims.actions')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {(result?.data ?? []).map((entry) => (
            <Tr key={entry.id} data-testid={`entry-${entry.id}`}>
              <Td>
                <Typography>
                  {formatDate(entry.createdAt, { dateStyle: 'short', timeStyle: 'short' })}
                </Typography>
              </Td>
              <Td>
                <Typography>{entry.erased ? t('draw.erased') : `${entry.name} <${entry.email}>`}</Typography>
                <Box>
                  <Typography variant="pi" textColor="neutral500" style={{ fontFamily: 'monospace' }}>
                    {entry.id}
                  </Typography>
                </Box>
              </Td>
              <Td>
                <Typography>{entry.country ?? ''}</Typography>
              </Td>
              <Td>
                <Badge>{t(`status.${entry.status}`)}</Badge>
                {entry.invalidationReason && (
                  <Typography variant="pi" textColor="neutral600">
                    {' '}
                    {entry.invalidationReason}
                  </Typography>
                )}
              </Td>
              <Td>
                <Typography variant="pi">
                  {entry.fraudSignals.map((signal) => t(`signal.${signal.type}`)).join(', ')}
                </Typography>
              </Td>
              <Td>
                <Flex gap={2}>
                  {!frozen && entry.status !== 'invalidated' && (
                    <Button
                      size="S"
                      variant="danger-light"
                      onClick={() => setAction({ kind: 'invalidate', entry })}
                    >
                      {t('entries.invalidate')}
                    </Button>
                  )}
                  {!frozen && entry.status !== 'valid' && (
                    <Button
                      size="S"
                      variant="secondary"
                      onClick={() => setAction({ kind: 'restore', entry })}
                    >
                      {t('entries.restore')}
                    </Button>
                  )}
                  {!entry.erased && (
                    <Button size="S" variant="tertiary" onClick={() => setAction({ kind: 'erase', entry })}>
                      {t('entries.erase')}
                    </Button>
                  )}
                </Flex>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {result && result.data.length === 0 && (
        <Box paddingTop={4} data-testid="entries-empty">
          <Typography textColor="neutral600">
            {filters.status || filters.signal || filters.q ? t('entries.noMatch') : t('entries.empty')}
          </Typography>
        </Box>
      )}
      {result && result.pageCount > 1 && (
        <Flex gap={2} paddingTop={4} justifyContent="flex-end">
          <Button
            variant="tertiary"
            disabled={filters.page <= 1}
            onClick={() => setFilters({ ...filters, page: filters.page - 1 })}
          >
            {t('entries.previous')}
          </Button>
          <Typography>{t('entries.page', { page: filters.page, pageCount: result.pageCount })}</Typography>
          <Button
            variant="tertiary"
            disabled={filters.page >= result.pageCount}
            onClick={() => setFilters({ ...filters, page: filters.page + 1 })}
          >
            {t('entries.next')}
          </Button>
        </Flex>
      )}
      {action && (
        <ReasonDialog
          title={t(`entries.${action.kind}Title`)}
          confirmLabel={t(`entries.${action.kind}`)}
          required={action.kind !== 'restore'}
          danger={action.kind !== 'restore'}
          onClose={() => setAction(null)}
          onConfirm={perform}
        />
      )}
    </Box>
  );
};
