import { Badge, Box, Button, EmptyStateLayout, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { SavedSearch } from '../../api/moderation';
import { useT } from '../../hooks/useT';

type Props = {
  searches: SavedSearch[];
  canManage: boolean;
  onEdit: (search: SavedSearch) => void;
  onDelete: (search: SavedSearch) => void;
};

/** The saved searches with where each runs, how much it found and what went wrong there. */
/** Kinds the editor's language says whole: the English details would only repeat them. */
const SAID_WHOLE = new Set(['no_account', 'not_on_plan']);

export const SavedSearchList = ({ searches, canManage, onEdit, onDelete }: Props) => {
  const t = useT();
  const { formatDate } = useIntl();
  if (searches.length === 0) return <EmptyStateLayout content={t('listening.noSearches')} />;
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {searches.map((search) => (
        <Box
          key={search.id}
          background="neutral0"
          padding={4}
          hasRadius
          shadow="tableShadow"
          data-testid="saved-search"
        >
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Flex gap={2} alignItems="center" wrap="wrap">
              <Typography fontWeight="bold">{search.name}</Typography>
              <Badge>{t(`listening.kind.${search.kind}`)}</Badge>
              {!search.enabled && <Badge>{t('listening.paused')}</Badge>}
              {search.languages.map((language) => (
                <Badge key={language}>{language.toUpperCase()}</Badge>
              ))}
            </Flex>
            <Typography variant="pi">
              {t('listening.termsAre', { terms: search.terms.join(', ') })}
              {search.exclusions.length > 0 &&
                ` · ${t('listening.exclusionsAre', { exclusions: search.exclusions.join(', ') })}`}
            </Typography>
            {search.sources.map((source) => (
              <Typography key={source.key} variant="pi" textColor="neutral600" data-testid="listening-source">
                {source.feedUrl ?? t(`listening.network.${source.network}`)}
                {' · '}
                {t('listening.collected', { count: source.collectedCount })}
                {source.lastCollectedAt &&
                  ` · ${t('listening.lastRead', {
                    at: formatDate(source.lastCollectedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  })}`}
                {source.notAvailable && !source.lastErrorKind && ` · ${t('listening.notAvailable')}`}
                {source.lastError && (
                  <Typography variant="pi" textColor="danger600" data-testid="listening-source-problem">
                    {' · '}
                    {source.lastErrorKind
                      ? t(`listening.errorKind.${source.lastErrorKind}`)
                      : source.lastError}
                    {source.lastErrorKind &&
                      !SAID_WHOLE.has(source.lastErrorKind) &&
                      ` ${t('listening.sourceSaid', { message: source.lastError })}`}
                  </Typography>
                )}
              </Typography>
            ))}
            {canManage && (
              <Flex gap={2}>
                <Button size="S" variant="tertiary" onClick={() => onEdit(search)}>
                  {t('listening.editOne')}
                </Button>
                <Button size="S" variant="danger-light" onClick={() => onDelete(search)}>
                  {t('listening.delete')}
                </Button>
              </Flex>
            )}
          </Flex>
        </Box>
      ))}
    </Flex>
  );
};
