import { useEffect, useState } from 'react';
import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { useContestsApi, type AuditEntry } from '../api/contests';
import { AuditDetails } from './AuditDetails';
import { useReasonText } from '../hooks/useReasonText';
import { useT } from '../hooks/useT';

/** The append-only log of the contest, newest first. */
export const AuditPanel = ({ eventDocumentId, version }: { eventDocumentId: string; version: number }) => {
  const { formatDate } = useIntl();
  const t = useT();
  const reasonText = useReasonText();
  const api = useContestsApi();
  const [log, setLog] = useState<AuditEntry[] | null>(null);

  useEffect(() => {
    api.audit(eventDocumentId).then(setLog, () => setLog([]));
  }, [api, eventDocumentId, version]);

  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Typography variant="delta" tag="h2">
        {t('audit.title')}
      </Typography>
      <Table colCount={5} rowCount={(log?.length ?? 0) + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('entries.when')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('audit.action')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('audit.actor')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('audit.why')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('audit.details')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {(log ?? []).slice(0, 50).map((entry) => (
            <Tr key={entry.id}>
              <Td>
                <Typography>
                  {formatDate(entry.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}
                </Typography>
              </Td>
              <Td>
                <Typography>{t(`audit.${entry.action}`)}</Typography>
              </Td>
              <Td>
                <Typography variant="pi">
                  {[t(`actor.${entry.actorType}`), entry.actorName].filter(Boolean).join(' · ')}
                </Typography>
              </Td>
              <Td>
                <Typography variant="pi">
                  {reasonText({ code: entry.reasonCode, params: entry.reasonParams, typed: entry.reason })}
                </Typography>
              </Td>
              <Td>
                {entry.entryPublicId && (
                  <Typography variant="pi" textColor="neutral600">
                    {t('audit.entry', { id: entry.entryPublicId })}
                  </Typography>
                )}
                <AuditDetails details={entry.details} />
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {log && log.length === 0 && (
        <Box paddingTop={4} data-testid="audit-empty">
          <Typography textColor="neutral600">{t('audit.empty')}</Typography>
        </Box>
      )}
    </Box>
  );
};
