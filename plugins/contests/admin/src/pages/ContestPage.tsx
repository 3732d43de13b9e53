import { useCallback, useEffect, useState } from 'react';
import { Flex, Main, Typography } from '@strapi/design-system';
import { BackButton, Layouts } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import { useApiError } from '@porte-voix/kit/admin';

import { useContestsApi, type ContestDetail } from '../api/contests';
import { ActivityPanel } from '../components/ActivityPanel';
import { AuditPanel } from '../components/AuditPanel';
import { DrawPanel } from '../components/DrawPanel';
import { EntriesTable } from '../components/EntriesTable';
import { PhaseBadge } from '../components/PhaseBadge';
import { RulesPanel } from '../components/RulesPanel';
import { useT } from '../hooks/useT';

/** One contest, end to end: activity, draw and claims, entries, rules, audit. */
const ContestPage = () => {
  const { eventDocumentId = '' } = useParams();
  const t = useT();
  const apiError = useApiError();
  const api = useContestsApi();
  const [detail, setDetail] = useState<ContestDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const reload = useCallback(() => setVersion((current) => current + 1), []);

  useEffect(() => {
    api.detail(eventDocumentId).then(setDetail, (err) => setError(apiError.message(err)));
  }, [api, apiError, eventDocumentId, version]);

  return (
    <Main>
      <Layouts.Header
        navigationAction={<BackButton fallback=".." />}
        title={detail?.title ?? t('loading')}
        secondaryAction={detail ? <PhaseBadge phase={detail.phase} /> : undefined}
      />
      <Layouts.Content>
        {error && <Typography textColor="danger600">{error}</Typography>}
        {detail && (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <ActivityPanel detail={detail} />
            <DrawPanel detail={detail} onChange={reload} />
            <EntriesTable
              eventDocumentId={eventDocumentId}
              frozen={Boolean(detail.state.drawnAt)}
              onChange={reload}
            />
            <RulesPanel eventDocumentId={eventDocumentId} />
            <AuditPanel eventDocumentId={eventDocumentId} version={version} />
          </Flex>
        )}
      </Layouts.Content>
    </Main>
  );
};

export { ContestPage };
