import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import { useApiError } from '@porte-voix/kit/admin';

import { useModerationApi, type AuditEntry, type Pagination } from '../api/moderation';
import { PluginNav } from '../components/PluginNav';
import { useReasonText } from '../hooks/useReasonText';
import { useT } from '../hooks/useT';
import { auditWhys } from '../utils/why';

/** Every decision, automatic or human, newest first: who, when, what, why. Nothing here can be edited. */
export const AuditPage = () => {
  const t = useT();
  const reasonText = useReasonText();
  const { formatDate } = useIntl();
  const api = useModerationApi();
  const apiError = useApiError();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1) || 1;
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [pagination, setPagination] = useState<Pagination | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const query = new URLSearchParams(params);
      query.set('page', String(page));
      const data = await api.audit(query);
      setEntries(data.data);
      setPagination(data.meta.pagination);
    } catch (err) {
      setError(apiError.message(err));
    }
  }, [api, apiError, params, page]);

  useEffect(() => {
    load();
  }, [load]);

  return (
    <Page.Main>
      <Page.Title>{t('audit.title')}</Page.Title>
      <Layouts.Header
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        secondaryAction={<PluginNav current="audit" />}
      />
      <Layouts.Content>
        {error && <Typography textColor="danger600">{error}</Typography>}
        <Table colCount={6} rowCount={entries.length + 1}>
          <Thead>
            <Tr>
              {['when', 'who', 'action', 'comment', 'change', 'why'].map((column) => (
                <Th key={column}>
                  <Typography variant="sigma">{t(`audit.${column}`)}</Typography>
                </Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {entries.map((entry) => (
              <Tr key={entry.id} data-testid="audit-row">
                <Td>
                  <Typography variant="pi">
                    {formatDate(entry.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}
                  </Typography>
                </Td>
                <Td>
                  <Flex gap={2}>
                    <Badge>{t(`actor.${entry.actorType}`)}</Badge>
                    <Typography variant="pi">{entry.actorName}</Typography>
                  </Flex>
                </Td>
                <Td>
                  <Typography variant="pi">{t(`audit.action.${entry.action}`)}</Typography>
                </Td>
                <Td>
                  <Typography variant="pi" textColor="neutral600">
                    {entry.commentDocumentId ?? entry.authorKey?.slice(0, 8) ?? '—'}
                  </Typography>
                </Td>
                <Td>
                  <Typography variant="pi">
                    {entry.toStatus ? `${entry.fromStatus ?? '∅'} → ${entry.toStatus}` : '—'}
                  </Typography>
                </Td>
                <Td>
                  <Typography variant="pi" ellipsis>
                    {auditWhys(entry).map(reasonText).filter(Boolean).join('; ')}
                  </Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        {pagination && pagination.total === 0 && (
          <Box paddingTop={4} data-testid="audit-empty">
            <EmptyStateLayout
              content={
                [...params.keys()].some((key) => key !== 'page') ? t('audit.noMatch') : t('audit.empty')
              }
            />
          </Box>
        )}
        {pagination && pagination.pageCount > 1 && (
          <Box paddingTop={4}>
            <Flex gap={2} justifyContent="center">
              <Button
                variant="tertiary"
                disabled={page <= 1}
                onClick={() => setParams({ ...Object.fromEntries(params), page: String(page - 1) })}
              >
                {t('pagination.previous')}
              </Button>
              <Typography>{t('pagination.page', { page, count: pagination.pageCount })}</Typography>
              <Button
                variant="tertiary"
                disabled={page >= pagination.pageCount}
                onClick={() => setParams({ ...Object.fromEntries(params), page: String(page + 1) })}
              >
                {t('pagination.next')}
              </Button>
            </Flex>
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
