import { forwardRef, useState } from 'react';
import { Box, Button, DatePicker, Flex, Searchbar, TextInput } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { useT } from '../hooks/useT';
import { LookupPicker } from './LookupPicker';
import { SourceFilters } from './SourceFilters';

/** `YYYY-MM-DD` (the URL's form) ↔ a Date at local midnight (the picker's). */
const dayOf = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const dateOf = (day: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : undefined;
};

type Props = {
  params: URLSearchParams;
  onApply: (changes: Record<string, string | null>) => void;
  onShowShortcuts: () => void;
};

/** Search and filters of the queue: typed freely, applied together (the `/` key focuses the search). */
export const QueueFilters = forwardRef<HTMLInputElement, Props>(
  ({ params, onApply, onShowShortcuts }, searchRef) => {
    const t = useT();
    const { locale } = useIntl();
    const [draft, setDraft] = useState<Record<string, string>>({});
    /** What the form shows: what was typed or picked, else what the URL says. */
    const value = (key: string) => draft[key] ?? params.get(key) ?? '';

    return (
      <Box background="neutral0" padding={4} hasRadius shadow="filterShadow">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onApply({ ...draft, page: null });
          }}
        >
          <Flex gap={2} wrap="wrap" alignItems="flex-end">
            <Box flex="2" minWidth="220px">
              <Searchbar
                ref={searchRef}
                name="q"
                value={draft.q ?? params.get('q') ?? ''}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  setDraft((f) => ({ ...f, q: event.target.value }))
                }
                onClear={() => {
                  setDraft((f) => ({ ...f, q: '' }));
                  onApply({ q: null });
                }}
                placeholder={t('filters.search')}
                clearLabel={t('filters.clear')}
              >
                {t('filters.search')}
              </Searchbar>
            </Box>
            {(['target', 'campaign'] as const).map((kind) => (
              <Box key={kind} flex="1" minWidth="200px">
                <LookupPicker
                  kind={kind}
                  value={value(kind)}
                  onChange={(picked) => setDraft((f) => ({ ...f, [kind]: picked }))}
                />
              </Box>
            ))}
            <Box flex="1" minWidth="160px">
              <TextInput
                name="author"
                aria-label={t('filters.author')}
                placeholder={t('filters.author')}
                value={value('author')}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  setDraft((f) => ({ ...f, author: event.target.value }))
                }
              />
            </Box>
            {(['from', 'to'] as const).map((key) => (
              <Box key={key} flex="1" minWidth="150px">
                <DatePicker
                  name={key}
                  locale={locale}
                  aria-label={t(`filters.${key}`)}
                  placeholder={t(`filters.${key}`)}
                  value={dateOf(value(key))}
                  onChange={(date?: Date) => setDraft((f) => ({ ...f, [key]: date ? dayOf(date) : '' }))}
                  onClear={() => setDraft((f) => ({ ...f, [key]: '' }))}
                  clearLabel={t('filters.clear')}
                  data-testid={`filter-${key}`}
                />
              </Box>
            ))}
            <SourceFilters
              value={value}
              onChange={(key, picked) => setDraft((f) => ({ ...f, [key]: picked }))}
            />
            <Button type="submit" variant="secondary">
              {t('filters.apply')}
            </Button>
            <Button variant="tertiary" onClick={onShowShortcuts}>
              {t('shortcuts.button')}
            </Button>
          </Flex>
        </form>
      </Box>
    );
  }
);
QueueFilters.displayName = 'QueueFilters';
