import { useEffect, useState } from 'react';
import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useApiError } from '@porte-voix/kit/admin';

import { SEARCH_NETWORKS, type SavedSearch, type SavedSearchInput } from '../../api/moderation';
import { useT } from '../../hooks/useT';
import { fieldErrorsOf } from '../../utils/field-errors';

export const EMPTY_SEARCH: SavedSearchInput = {
  name: '',
  kind: 'brand',
  terms: [],
  exclusions: [],
  languages: ['fr', 'en'],
  networks: [],
  feeds: [],
  enabled: true,
};

/** One term or feed a line; blank lines are left out. */
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

type Draft = Omit<SavedSearchInput, 'terms' | 'exclusions' | 'feeds'> & {
  terms: string;
  exclusions: string;
  feeds: string;
};
const toDraft = (search: SavedSearchInput): Draft => ({
  ...search,
  terms: search.terms.join('\n'),
  exclusions: search.exclusions.join('\n'),
  feeds: search.feeds.join('\n'),
});

type Props = {
  /** The search being edited, or null for a new one. */
  editing: SavedSearch | null;
  onSave: (input: SavedSearchInput) => Promise<unknown>;
  onDone: () => void;
};

/** Creates or edits a saved search; the API's 400 is shown on each field it names. */
export const SavedSearchForm = ({ editing, onSave, onDone }: Props) => {
  const t = useT();
  const apiError = useApiError();
  const [draft, setDraft] = useState<Draft>(toDraft(editing ?? EMPTY_SEARCH));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setDraft(toDraft(editing ?? EMPTY_SEARCH));
    setErrors({});
    setError(null);
  }, [editing]);

  const toggle = <T extends string>(list: T[], value: T, on: boolean) =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

  const save = async () => {
    setSaving(true);
    setErrors({});
    setError(null);
    try {
      await onSave({
        ...draft,
        terms: lines(draft.terms),
        exclusions: lines(draft.exclusions),
        feeds: lines(draft.feeds),
      });
      setDraft(toDraft(EMPTY_SEARCH));
      onDone();
    } catch (err) {
      setErrors(fieldErrorsOf(err));
      setError(apiError.message(err));
    } finally {
      setSaving(false);
    }
  };

  const text = (name: 'name' | 'terms' | 'exclusions' | 'feeds', multiline: boolean) => (
    <Field.Root name={name} error={errors[name]} hint={multiline ? t('listening.field.oneALine') : undefined}>
      <Field.Label>{t(`listening.field.${name}`)}</Field.Label>
      {multiline ? (
        <Textarea
          value={draft[name]}
          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
            setDraft({ ...draft, [name]: event.target.value })
          }
        />
      ) : (
        <TextInput
          value={draft[name]}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
            setDraft({ ...draft, [name]: event.target.value })
          }
        />
      )}
      <Field.Error />
      <Field.Hint />
    </Field.Root>
  );

  return (
    <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" data-testid="saved-search-form">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta">{t(editing ? 'listening.editSearch' : 'listening.newSearch')}</Typography>
        {error && <Typography textColor="danger600">{error}</Typography>}
        <Flex gap={3} alignItems="flex-start">
          <Box flex="1">{text('name', false)}</Box>
          <Field.Root name="kind" error={errors.kind}>
            <Field.Label>{t('listening.field.kind')}</Field.Label>
            <SingleSelect
              value={draft.kind}
              onChange={(value: string | number) =>
                setDraft({ ...draft, kind: value as SavedSearchInput['kind'] })
              }
            >
              <SingleSelectOption value="brand">{t('listening.kind.brand')}</SingleSelectOption>
              <SingleSelectOption value="competitor">{t('listening.kind.competitor')}</SingleSelectOption>
            </SingleSelect>
            <Field.Error />
          </Field.Root>
        </Flex>
        <Flex gap={3} alignItems="flex-start">
          <Box flex="1">{text('terms', true)}</Box>
          <Box flex="1">{text('exclusions', true)}</Box>
        </Flex>
        <Field.Root name="languages" error={errors.languages}>
          <Field.Label>{t('listening.field.languages')}</Field.Label>
          <Flex gap={4}>
            {(['fr', 'en'] as const).map((language) => (
              <Checkbox
                key={language}
                checked={draft.languages.includes(language)}
                onCheckedChange={(on: boolean) =>
                  setDraft({ ...draft, languages: toggle(draft.languages, language, on) })
                }
              >
                {t(`savedReplies.language.${language}`)}
              </Checkbox>
            ))}
          </Flex>
          <Field.Error />
        </Field.Root>
        <Field.Root name="networks" error={errors.networks}>
          <Field.Label>{t('listening.field.networks')}</Field.Label>
          <Flex gap={4}>
            {SEARCH_NETWORKS.map((network) => (
              <Checkbox
                key={network}
                checked={draft.networks.includes(network)}
                onCheckedChange={(on: boolean) =>
                  setDraft({ ...draft, networks: toggle(draft.networks, network, on) })
                }
              >
                {t(`listening.network.${network}`)}
              </Checkbox>
            ))}
          </Flex>
          <Field.Error />
        </Field.Root>
        {text('feeds', true)}
        <Checkbox
          checked={draft.enabled}
          onCheckedChange={(on: boolean) => setDraft({ ...draft, enabled: on })}
        >
          {t('listening.field.enabled')}
        </Checkbox>
        <Flex gap={2}>
          <Button loading={saving} onClick={save}>
            {t(editing ? 'listening.save' : 'listening.create')}
          </Button>
          {editing && (
            <Button variant="tertiary" onClick={onDone}>
              {t('listening.cancel')}
            </Button>
          )}
        </Flex>
      </Flex>
    </Box>
  );
};
