import { useEffect, useState } from 'react';
import { Combobox, ComboboxOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { useModerationApi, type LookupKind, type LookupOption } from '../api/moderation';
import { useT } from '../hooks/useT';

type Props = {
  kind: LookupKind;
  /** The filter's value: `post:…`/`event:…` for a target, a document id for a campaign. */
  value: string;
  onChange: (value: string) => void;
  /** What the box is called when it is not a queue filter (the filter's name otherwise). */
  label?: string;
  testId?: string;
};

/**
 * A post, event or campaign picked by its title, as the moderator types it; the filter keeps its
 * id. A value from the URL is shown by its title.
 */
export const LookupPicker = ({ kind, value, onChange, label, testId }: Props) => {
  const t = useT();
  const api = useModerationApi();
  const { locale } = useIntl();
  const language = locale.startsWith('fr') ? 'fr' : 'en';
  const [typed, setTyped] = useState('');
  const [options, setOptions] = useState<LookupOption[]>([]);
  const [loading, setLoading] = useState(false);

  // The option the current value names, so the box shows a title rather than an id.
  useEffect(() => {
    if (!value || options.some((option) => option.value === value)) return;
    let live = true;
    api
      .lookup(kind, { value, locale: language })
      .then((named) => live && named && !Array.isArray(named) && setOptions((list) => [named, ...list]))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, kind, value, language, options]);

  // Options matching what is typed, a moment after the last key.
  useEffect(() => {
    const q = typed.trim();
    if (!q) return;
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      api
        .lookup(kind, { q, locale: language })
        .then((found) => live && Array.isArray(found) && setOptions(found))
        .catch(() => live && setOptions([]))
        .finally(() => live && setLoading(false));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, kind, typed, language]);

  return (
    <Combobox
      aria-label={label ?? t(`filters.${kind}`)}
      placeholder={t(`filters.${kind}.placeholder`)}
      value={value || undefined}
      onChange={(picked?: string) => onChange(picked ?? '')}
      onInputChange={(event: React.ChangeEvent<HTMLInputElement>) => setTyped(event.target.value)}
      onClear={() => {
        setTyped('');
        onChange('');
      }}
      clearLabel={t('filters.clear')}
      loading={loading}
      loadingMessage={t('filters.searching')}
      noOptionsMessage={() => (typed.trim() ? t('filters.noMatch') : t('filters.typeToSearch'))}
      autocomplete={{ type: 'list', filter: 'contains' }}
      data-testid={testId ?? `filter-${kind}`}
    >
      {options.map((option) => (
        <ComboboxOption key={option.value} value={option.value}>
          {kind === 'target' ? `${option.label} · ${t(`filters.type.${option.type}`)}` : option.label}
        </ComboboxOption>
      ))}
    </Combobox>
  );
};
