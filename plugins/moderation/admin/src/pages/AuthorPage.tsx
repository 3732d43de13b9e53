import { useCallback, useEffect, useState } from 'react';
import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { useApiError } from '@porte-voix/kit/admin';

import { useModerationApi, type Author } from '../api/moderation';
import { HighlightedText } from '../components/HighlightedText';
import { PluginNav } from '../components/PluginNav';
import { SanctionDialog, type SanctionInput } from '../components/SanctionDialog';
import { StatusBadge } from '../components/StatusBadge';
import { usePermissions } from '../hooks/usePermissions';
import { useT } from '../hooks/useT';

/** An author's record: names used, comments per status, sanctions past and present. */
export const AuthorPage = () => {
  const t = useT();
  const { formatDate } = useIntl();
  const { key = '' } = useParams();
  const api = useModerationApi();
  const apiError = useApiError();
  const { canModerate } = usePermissions();
  const [author, setAuthor] = useState<Author | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sanctioning, setSanctioning] = useState(false);

  const load = useCallback(async () => {
    try {
      setAuthor(await api.author(key));
    } catch (err) {
      setError(apiError.message(err));
    }
  }, [api, apiError, key]);

  useEffect(() => {
    load();
  }, [load]);

  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      await load();
    } catch (err) {
      apiError.notify(err);
    }
  };

  const name = author?.names[0] ?? key.slice(0, 8);
  return (
    <Page.Main>
      <Page.Title>{name}</Page.Title>
      <Layouts.Header
        title={name}
        subtitle={author ? t('author.subtitle', { ...author.history, emails: author.emails.join(', ') }) : ''}
        secondaryAction={<PluginNav current="author" />}
        primaryAction={
          canModerate ? (
            <Button variant="danger-light" onClick={() => setSanctioning(true)}>
              {t('author.sanction')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        {error && <Typography textColor="danger600">{error}</Typography>}
        {author && (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Box background="neutral0" padding={5} hasRadius shadow="tableShadow">
              <Typography variant="delta" tag="h2">
                {t('author.sanctions')}
              </Typography>
              {author.sanctions.length === 0 && (
                <Typography textColor="neutral600">{t('author.noSanction')}</Typography>
              )}
              {author.sanctions.map((sanction) => (
                <Flex key={sanction.id} gap={3} paddingTop={3} alignItems="center">
                  <Badge
                    backgroundColor={sanction.active ? 'danger100' : 'neutral150'}
                    textColor={sanction.active ? 'danger700' : 'neutral600'}
                  >
                    {t(`sanction.${sanction.kind}`)}
                  </Badge>
                  <Typography variant="pi">
                    {t('author.sanctionLine', {
                      by: sanction.issuedByName ?? '—',
                      at: formatDate(sanction.createdAt, { dateStyle: 'medium' }),
                      until: sanction.until
                        ? formatDate(sanction.until, { dateStyle: 'medium', timeStyle: 'short' })
                        : t('author.noEnd'),
                    })}
                    {sanction.note ? ` — ${sanction.note}` : ''}
                    {sanction.revokedAt
                      ? ` — ${t('author.revoked', { by: sanction.revokedByName ?? '—' })}`
                      : ''}
                  </Typography>
                  {sanction.active && canModerate && (
                    <Button
                      size="S"
                      variant="tertiary"
                      onClick={() => act(() => api.revokeSanction(author.key, sanction.id))}
                    >
                      {t('author.revoke')}
                    </Button>
                  )}
                </Flex>
              ))}
            </Box>
            <Box background="neutral0" padding={5} hasRadius shadow="tableShadow">
              <Typography variant="delta" tag="h2">
                {t('author.recent')}
              </Typography>
              {author.recent.map((comment) => (
                <Box key={comment.id} paddingTop={3}>
                  <Flex gap={2} alignItems="center">
                    <StatusBadge status={comment.status} />
                    <Typography variant="pi" textColor="neutral600">
                      {formatDate(comment.createdAt, { dateStyle: 'medium', timeStyle: 'short' })} ·{' '}
                      {comment.target.key}
                    </Typography>
                  </Flex>
                  <HighlightedText
                    text={comment.content}
                    matches={comment.reasons
                      .flatMap((finding) => finding.matches ?? [])
                      .filter((m) => m.field === 'content')}
                    variant="pi"
                  />
                </Box>
              ))}
            </Box>
          </Flex>
        )}
      </Layouts.Content>
      {sanctioning && author && (
        <SanctionDialog
          authorName={name}
          initialKind="warning"
          onConfirm={(input: SanctionInput) => act(() => api.sanction(author.key, input))}
          onClose={() => setSanctioning(false)}
        />
      )}
    </Page.Main>
  );
};
