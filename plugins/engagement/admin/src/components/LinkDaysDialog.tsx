import { useEffect, useState } from 'react';
import { Box, Flex, Modal, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useApiError } from '@porte-voix/kit/admin';

import { useLinksApi, type LinkDays, type TrackedLink } from '../api/links';
import { useT } from '../hooks/useT';

/** A link's last 30 days: people, unique visitors and bots per day, newest first. */
export const LinkDaysDialog = ({ link, onClose }: { link: TrackedLink; onClose: () => void }) => {
  const t = useT();
  const { formatDate, formatNumber } = useIntl();
  const api = useLinksApi();
  const apiError = useApiError();
  const [days, setDays] = useState<LinkDays | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.days(link.id).then(setDays, (err) => setError(apiError.message(err)));
  }, [api, apiError, link.id]);

  const busiest = Math.max(1, ...(days?.days ?? []).map((day) => day.humanClicks));

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('days.title', { label: link.label ?? link.code })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {error && <Typography textColor="danger600">{error}</Typography>}
          {!days && !error && <Typography>{t('loading')}</Typography>}
          {days && (
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Typography variant="pi" textColor="neutral600">
                {t('days.timeZone', { timeZone: days.timeZone })}
              </Typography>
              <Table colCount={4} rowCount={days.days.length + 1}>
                <Thead>
                  <Tr>
                    <Th>
                      <Typography variant="sigma">{t('days.day')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('links.humanClicks')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('links.uniqueVisitors')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('links.botClicks')}</Typography>
                    </Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {[...days.days].reverse().map((day) => (
                    <Tr key={day.day}>
                      <Td>
                        <Typography>
                          {formatDate(`${day.day}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' })}
                        </Typography>
                      </Td>
                      <Td>
                        <Flex gap={2}>
                          <Box
                            background="primary500"
                            hasRadius
                            height="0.8rem"
                            style={{
                              width: `${(day.humanClicks / busiest) * 8}rem`,
                              minWidth: day.humanClicks ? 2 : 0,
                            }}
                          />
                          <Typography>{formatNumber(day.humanClicks)}</Typography>
                        </Flex>
                      </Td>
                      <Td>
                        <Typography>{formatNumber(day.uniqueVisitors)}</Typography>
                      </Td>
                      <Td>
                        <Typography textColor="neutral600">{formatNumber(day.botClicks)}</Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </Flex>
          )}
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
};
