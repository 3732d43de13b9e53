import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useApiError } from '@porte-voix/kit/admin';

import { useModerationApi, type SavedReply, type SavedReplyInput } from '../api/moderation';
import { PluginNav } from '../components/PluginNav';
import { usePermissions } from '../hooks/usePermissions';
import { useT } from '../hooks/useT';

const EMPTY: SavedReplyInput = { title: '', body: '', language: 'fr' };

/** Ready answers in French and English, picked in the queue's answer box and edited before sending. */
export const SavedRepliesPage = () => {
  const t = useT();
  const api = useModerationApi();
  const apiError = useApiError();
  const { canManageSavedReplies } = usePermissions();
  const [replies, setReplies] = useState<SavedReply[] | null>(null);
  const [draft, setDraft] = useState<SavedReplyInput>(EMPTY);
  const [editing, setEditing] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setReplies(await api.savedReplies());
    } catch (err) {
      setError(apiError.message(err));
    }
  }, [api, apiError]);
  useEffect(() => {
    load();
  }, [load]);

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      setDraft(EMPTY);
      setEditing(null);
      await load();
    } catch (err) {
      setError(apiError.message(err));
    }
  };

  return (
    <Page.Main>
      <Page.Title>{t('savedReplies.title')}</Page.Title>
      <Layouts.Header
        title={t('savedReplies.title')}
        subtitle={t('savedReplies.subtitle', { author: '{author}' })}
        secondaryAction={<PluginNav current="savedReplies" />}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {error && <Typography textColor="danger600">{error}</Typography>}
          {canManageSavedReplies && (
            <Box
              background="neutral0"
              padding={4}
              hasRadius
              shadow="tableShadow"
              data-testid="saved-reply-form"
            >
              <Flex direction="column" alignItems="stretch" gap={3}>
                <Typography variant="delta">
                  {t(editing === null ? 'savedReplies.new' : 'savedReplies.edit')}
                </Typography>
                <Flex gap={3} alignItems="flex-end">
                  <Box flex="1">
                    <Field.Root name="title">
                      <Field.Label>{t('savedReplies.field.title')}</Field.Label>
                      <TextInput
                        value={draft.title}
                        onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                          setDraft({ ...draft, title: event.target.value })
                        }
                      />
                    </Field.Root>
                  </Box>
                  <Field.Root name="language">
                    <Field.Label>{t('savedReplies.field.language')}</Field.Label>
                    <SingleSelect
                      value={draft.language}
                      onChange={(value: string | number) =>
                        setDraft({ ...draft, language: value as SavedReplyInput['language'] })
                      }
                    >
                      <SingleSelectOption value="fr">{t('savedReplies.language.fr')}</SingleSelectOption>
                      <SingleSelectOption value="en">{t('savedReplies.language.en')}</SingleSelectOption>
                    </SingleSelect>
                  </Field.Root>
                </Flex>
                <Field.Root name="body" hint={t('savedReplies.field.bodyHint', { author: '{author}' })}>
                  <Field.Label>{t('savedReplies.field.body')}</Field.Label>
                  <Textarea
                    value={draft.body}
                    onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                      setDraft({ ...draft, body: event.target.value })
                    }
                  />
                  <Field.Hint />
                </Field.Root>
                <Flex gap={2}>
                  <Button
                    disabled={!draft.title.trim() || !draft.body.trim()}
                    onClick={() =>
                      run(() =>
                        editing === null ? api.createSavedReply(draft) : api.updateSavedReply(editing, draft)
                      )
                    }
                  >
                    {t(editing === null ? 'savedReplies.create' : 'savedReplies.save')}
                  </Button>
                  {editing !== null && (
                    <Button
                      variant="tertiary"
                      onClick={() => {
                        setEditing(null);
                        setDraft(EMPTY);
                      }}
                    >
                      {t('savedReplies.cancel')}
                    </Button>
                  )}
                </Flex>
              </Flex>
            </Box>
          )}
          {replies && replies.length === 0 && <EmptyStateLayout content={t('savedReplies.empty')} />}
          {(replies ?? []).map((reply) => (
            <Box
              key={reply.id}
              background="neutral0"
              padding={4}
              hasRadius
              shadow="tableShadow"
              data-testid="saved-reply"
            >
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Flex gap={2} alignItems="center">
                  <Badge>{reply.language.toUpperCase()}</Badge>
                  <Typography fontWeight="bold">{reply.title}</Typography>
                </Flex>
                <Typography variant="pi" style={{ whiteSpace: 'pre-wrap' }}>
                  {reply.body}
                </Typography>
                {canManageSavedReplies && (
                  <Flex gap={2}>
                    <Button
                      size="S"
                      variant="tertiary"
                      onClick={() => {
                        setEditing(reply.id);
                        setDraft({ title: reply.title, body: reply.body, language: reply.language });
                      }}
                    >
                      {t('savedReplies.editOne')}
                    </Button>
                    <Button
                      size="S"
                      variant="danger-light"
                      onClick={() => run(() => api.deleteSavedReply(reply.id))}
                    >
                      {t('savedReplies.delete')}
                    </Button>
                  </Flex>
                )}
              </Flex>
            </Box>
          ))}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
