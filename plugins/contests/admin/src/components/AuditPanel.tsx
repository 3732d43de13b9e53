import { useEffect, useState } from 'react';
import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { useContestsApi, type AuditEntry } from '../api/contests';
import { getTranslation } from '../utils/getTranslation';

/** The append-only log of the contest, newest first. */
export const AuditPanel = ({ eventDocumentId, version }: { eventDocumentId: string; version: number }) => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string) => formatMessage({ id: getTranslation(id) });
  const api = useContestsApi();
  const [log, setLog] = useState<AuditEntry[]>([]);

  useEffect(() => {
    api.audit(eventDocumentId).then(setLog, () => setLog([]));
  }, [api, eventDocumentId, version]);

  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Typography variant="delta" tag="h2">
        {t('audit.title')}
      </Typography>
      <Table colCount={4} rowCount={log.length + 1}>
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
              <Typography variant="sigma">{t('audit.details')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {log.slice(0, 50).map((entry) => (
            <Tr key={entry.id}>
              <Td>
                <Typography>
                  {formatDate(entry.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}
                </Typography>
              </Td>
              <Td>
                <Typography>
                  {formatMessage({
                    id: getTranslation(`audit.${entry.action}`),
                    defaultMessage: entry.action,
                  })}
                </Typography>
              </Td>
              <Td>
                <Typography variant="pi">{entry.actor}</Typography>
              </Td>
              <Td>
                <Typography variant="pi" style={{ wordBreak: 'break-all', fontFamily: 'monospace' }}>
                  {[entry.entryPublicId, JSON.stringify(entry.details)].filter(Boolean).join(' ')}
                </Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
};
