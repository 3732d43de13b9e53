import { useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useApiError } from '@porte-voix/kit/admin';

import { useContestsApi, type ContestDetail } from '../api/contests';
import { useT } from '../hooks/useT';
import { ReasonDialog } from './ReasonDialog';

type Props = { detail: ContestDetail; onChange: () => void };

/** Commit before the opening, draw after the close, then follow each prize until it is claimed. */
export const DrawPanel = ({ detail, onChange }: Props) => {
  const { formatDate } = useIntl();
  const t = useT();
  const apiError = useApiError();
  const api = useContestsApi();
  const { toggleNotification } = useNotification();
  const [beacon, setBeacon] = useState('');
  const [busy, setBusy] = useState(false);
  const [forfeiting, setForfeiting] = useState<string | null>(null);
  const { state } = detail;
  const id = detail.eventDocumentId;

  const run = async (action: () => Promise<unknown>, success: string) => {
    setBusy(true);
    try {
      await action();
      toggleNotification({ type: 'success', message: success });
      onChange();
    } catch (error) {
      apiError.notify(error);
    } finally {
      setBusy(false);
    }
  };

  const person = (publicId: string) => {
    const who = detail.people[publicId];
    if (!who) return publicId;
    return who.erased ? t('draw.erased') : `${who.name ?? ''} <${who.email ?? ''}>`;
  };

  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Typography variant="delta" tag="h2">
        {t('draw.title')}
      </Typography>

      <Box paddingTop={4}>
        <Typography variant="sigma" textColor="neutral600">
          {t('draw.commitment')}
        </Typography>
        {state.commitment ? (
          <Box>
            <Typography
              tag="p"

              data-testid="commitment"
              style={{ wordBreak: 'break-all', fontFamily: 'monospace' }}
            >
              {state.commitment}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {t('draw.committedAt', {
                at: formatDate(state.committedAt!, { dateStyle: 'medium', timeStyle: 'short' }),
              })}
            </Typography>
          </Box>
        ) : (
          <Flex gap={4} paddingTop={2} alignItems="center">
            <Typography>{t('draw.noCommitment')}</Typography>
            <Button
              disabled={busy || detail.phase === 'closed'}
              onClick={() => run(() => api.commit(id), t('draw.committed'))}
            >
              {t('draw.commit')}
            </Button>
          </Flex>
        )}
      </Box>

      {!state.drawnAt && state.commitment && (
        <Box paddingTop={4}>
          {detail.phase !== 'closed' ? (
            <Typography textColor="neutral600">{t('draw.waitClose')}</Typography>
          ) : (
            <Flex gap={4} alignItems="flex-end">
              <Field.Root name="beacon" hint={detail.settings.beaconSource ?? t('draw.beaconHint')}>
                <Field.Label>{t('draw.beacon')}</Field.Label>
                <Field.Input value={beacon} onChange={(event: any) => setBeacon(event.target.value)} />
                <Field.Hint />
              </Field.Root>
              <Button disabled={busy} onClick={() => run(() => api.draw(id, beacon), t('draw.done'))}>
                {t('draw.run')}
              </Button>
            </Flex>
          )}
          {detail.counts.review > 0 && (
            <Typography tag="p" textColor="warning600">
              {t('draw.reviewFirst', { count: detail.counts.review })}
            </Typography>
          )}
        </Box>
      )}

      {state.drawnAt && (
        <Box paddingTop={4}>
          <Typography tag="p" variant="pi" textColor="neutral600">
            {t('draw.drawnAt', {
              at: formatDate(state.drawnAt, { dateStyle: 'medium', timeStyle: 'short' }),
              entries: state.drawnEntries ?? 0,
              beacon: state.beacon || '∅',
            })}
          </Typography>
          <Typography tag="p" variant="pi" style={{ wordBreak: 'break-all', fontFamily: 'monospace' }}>
            entriesHash {state.entriesHash} · seed {state.seed}
          </Typography>
          <Flex gap={8} paddingTop={4} alignItems="flex-start" wrap="wrap">
            <Box data-testid="winners">
              <Typography variant="sigma">{t('draw.winners')}</Typography>
              <ol>
                {(state.winners ?? []).map((publicId) => (
                  <li key={publicId}>
                    <Typography>{person(publicId)}</Typography>
                  </li>
                ))}
              </ol>
            </Box>
            <Box data-testid="substitutes">
              <Typography variant="sigma">{t('draw.substitutes')}</Typography>
              <ol>
                {(state.substitutes ?? []).map((publicId) => (
                  <li key={publicId}>
                    <Typography>{person(publicId)}</Typography>
                  </li>
                ))}
              </ol>
            </Box>
          </Flex>

          <Flex paddingTop={4} justifyContent="space-between">
            <Typography variant="sigma">{t('claims.title')}</Typography>
            <Button
              variant="secondary"
              size="S"
              disabled={busy}
              onClick={() => run(() => api.sweep(), t('claims.swept'))}
            >
              {t('claims.sweep')}
            </Button>
          </Flex>
          <Table colCount={5} rowCount={(state.claims?.length ?? 0) + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('claims.who')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('claims.role')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('claims.status')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('claims.deadline')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('claims.actions')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {(state.claims ?? []).map((claim) => (
                <Tr key={`${claim.publicId}-${claim.status}`}>
                  <Td>
                    <Typography>{person(claim.publicId)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{t(`claims.role.${claim.role}`)}</Typography>
                  </Td>
                  <Td>
                    <Badge>{t(`claims.status.${claim.status}`)}</Badge>
                    {claim.notification !== 'sent' && claim.status === 'pending' && (
                      <Typography variant="pi" textColor="danger600">
                        {' '}
                        {t(`claims.notification.${claim.notification}`)}
                      </Typography>
                    )}
                  </Td>
                  <Td>
                    <Typography>
                      {claim.deadline
                        ? formatDate(claim.deadline, { dateStyle: 'medium', timeStyle: 'short' })
                        : t('claims.deadlineAfterEmail')}
                    </Typography>
                  </Td>
                  <Td>
                    {claim.status === 'pending' && (
                      <Flex gap={2}>
                        <Button
                          size="S"
                          disabled={busy}
                          onClick={() =>
                            run(() => api.markClaimed(id, claim.publicId), t('claims.claimedDone'))
                          }
                        >
                          {t('claims.markClaimed')}
                        </Button>
                        <Button
                          size="S"
                          variant="danger-light"
                          disabled={busy}
                          onClick={() => setForfeiting(claim.publicId)}
                        >
                          {t('claims.forfeit')}
                        </Button>
                      </Flex>
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
      )}
      {forfeiting && (
        <ReasonDialog
          title={t('claims.forfeitTitle')}
          confirmLabel={t('claims.forfeit')}
          danger
          onClose={() => setForfeiting(null)}
          onConfirm={(reason) => run(() => api.forfeit(id, forfeiting, reason), t('claims.forfeitDone'))}
        />
      )}
    </Box>
  );
};
