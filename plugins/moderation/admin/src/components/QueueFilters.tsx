import { forwardRef, useState } from 'react';
import { Box, Button, Flex, Searchbar, TextInput } from '@strapi/design-system';

import { useT } from '../hooks/useT';

type Props = {
  params: URLSearchParams;
  onApply: (changes: Record<string, string | null>) => void;
  onShowShortcuts: () => void;
};

/** Search and filters of the queue: typed freely, applied together (the `/` key focuses the search). */
export const QueueFilters = forwardRef<HTMLInputElement, Props>(
  ({ params, onApply, onShowShortcuts }, searchRef) => {
    const t = useT();
    const [draft, setDraft] = useState<Record<string, string>>({});

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
            {(['target', 'campaign', 'author', 'from', 'to'] as const).map((key) => (
              <Box key={key} flex="1" minWidth="140px">
                <TextInput
                  name={key}
                  type={key === 'from' || key === 'to' ? 'date' : 'text'}
                  aria-label={t(`filters.${key}`)}
                  placeholder={t(`filters.${key}`)}
                  value={draft[key] ?? params.get(key) ?? ''}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    setDraft((f) => ({ ...f, [key]: event.target.value }))
                  }
                />
              </Box>
            ))}
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
