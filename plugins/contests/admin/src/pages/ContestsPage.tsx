import { useEffect, useState } from 'react';
import {
  Box,
  Main,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  EmptyStateLayout,
} from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { useApiError } from '@porte-voix/kit/admin';

import { useContestsApi, type ContestSummary } from '../api/contests';
import { PhaseBadge } from '../components/PhaseBadge';
import { useT } from '../hooks/useT';

/** Every contest, with its window and where its entries stand. */
const ContestsPage = () => {
  const { formatDate } = useIntl();
  const t = useT();
  const apiError = useApiError();
  const api = useContestsApi();
  const navigate = useNavigate();
  const [contests, setContests] = useState<ContestSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.list().then(setContests, (err) => setError(apiError.message(err)));
  }, [api, apiError]);

  const when = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <Main>
      <Layouts.Header title={t('plugin.name')} subtitle={t('plugin.description')} />
      <Layouts.Content>
        {error && <Typography textColor="danger600">{error}</Typography>}
        {/* plugin-status: the page loaded and its server answered (the foundation browser test looks for it). */}
        <Box data-testid={contests ? 'plugin-status' : undefined}>
          {contests && contests.length === 0 && <EmptyStateLayout content={t('list.empty')} />}
          {contests && contests.length > 0 && (
            <Table colCount={6} rowCount={contests.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{t('list.contest')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('list.phase')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('list.window')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('status.valid')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('status.review')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('list.commitment')}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {contests.map((contest) => (
                  <Tr
                    key={contest.eventDocumentId}
                    onClick={() => navigate(contest.eventDocumentId)}
                    style={{ cursor: 'pointer' }}
                    data-testid={`contest-row-${contest.eventDocumentId}`}
                  >
                    <Td>
                      <Typography fontWeight="bold">{contest.title}</Typography>
                      {!contest.published && (
                        <Box>
                          <Typography variant="pi" textColor="neutral600">
                            {t('list.draft')}
                          </Typography>
                        </Box>
                      )}
                    </Td>
                    <Td>
                      <PhaseBadge phase={contest.phase} />
                    </Td>
                    <Td>
                      <Typography>{`${when(contest.opensAt)} → ${when(contest.closesAt)}`}</Typography>
                    </Td>
                    <Td>
                      <Typography>{contest.counts.valid}</Typography>
                    </Td>
                    <Td>
                      <Typography textColor={contest.counts.review > 0 ? 'warning600' : undefined}>
                        {contest.counts.review}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography>
                        {contest.committed ? t('list.committed') : t('list.notCommitted')}
                      </Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Box>
        {!contests && !error && <Typography>{t('loading')}</Typography>}
      </Layouts.Content>
    </Main>
  );
};

export { ContestsPage };
