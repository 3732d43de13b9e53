import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Main,
  Searchbar,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import { useApiError } from '@porte-voix/kit/admin';

import { useLinksApi, type LinkFilters, type LinkPage, type TrackedLink } from '../api/links';
import { CopyShortUrl, shortUrlOf } from '../components/CopyShortUrl';
import { CreateLinkDialog } from '../components/CreateLinkDialog';
import { LinkDaysDialog } from '../components/LinkDaysDialog';
import { LinkTargetCell } from '../components/LinkTargetCell';
import { usePermissions } from '../hooks/usePermissions';
import { useT } from '../hooks/useT';

const FILTER_KEYS = ['campaign', 'partnership', 'event', 'post', 'enabled', 'q'] as const;

/** Filters live in the URL: a filtered list can be bookmarked, shared, or linked from a report. */
const filtersOf = (params: URLSearchParams): LinkFilters => {
  const filters: LinkFilters = { page: Math.max(1, Number(params.get('page')) || 1) };
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) (filters as Record<string, unknown>)[key] = value;
  }
  return filters;
};

/** Tracked links: who follows them (people, unique visitors, bots), copy, create, disable. */
const LinksPage = () => {
  const t = useT();
  const { formatNumber } = useIntl();
  const api = useLinksApi();
  const apiError = useApiError();
  const { toggleNotification } = useNotification();
  const { canManageLinks: canManage } = usePermissions();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const filterKey = params.toString();
  const [page, setPage] = useState<LinkPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [showing, setShowing] = useState<TrackedLink | null>(null);
  const [search, setSearch] = useState(filters.q ?? '');

  const load = useCallback(() => {
    api.list(filtersOf(new URLSearchParams(filterKey))).then(
      (loaded) => {
        setPage(loaded);
        setError(null);
      },
      (err) => setError(apiError.message(err))
    );
  }, [api, apiError, filterKey]);

  useEffect(load, [load]);

  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };

  const toggle = async (link: TrackedLink) => {
    try {
      await (link.enabled ? api.disable(link.id) : api.enable(link.id));
      toggleNotification({
        type: 'success',
        message: t(link.enabled ? 'links.disabled' : 'links.enabled', { url: shortUrlOf(link) }),
      });
      load();
    } catch (err) {
      apiError.notify(err);
    }
  };

  const pagination = page?.meta.pagination;
  const filtered = FILTER_KEYS.some((key) => params.get(key));

  return (
    <Main>
      <Layouts.Header
        title={t('links.title')}
        subtitle={t('links.subtitle')}
        primaryAction={
          canManage && (
            <Button startIcon={<Plus />} onClick={() => setCreating(true)} data-testid="create-link">
              {t('links.create')}
            </Button>
          )
        }
      />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4} wrap="wrap">
          <Box style={{ flex: '1 1 20rem' }}>
            <Searchbar
              name="q"
              value={search}
              clearLabel={t('links.clearSearch')}
              onClear={() => {
                setSearch('');
                setFilter('q', null);
              }}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setSearch(event.target.value)}
              onSubmit={(event: React.FormEvent) => {
                event.preventDefault();
                setFilter('q', search.trim() || null);
              }}
            >
              {t('links.search')}
            </Searchbar>
          </Box>
          <SingleSelect
            aria-label={t('links.status')}
            value={filters.enabled ?? ''}
            onChange={(value: string | number) => setFilter('enabled', String(value) || null)}
          >
            <SingleSelectOption value="">{t('links.allStatuses')}</SingleSelectOption>
            <SingleSelectOption value="true">{t('links.active')}</SingleSelectOption>
            <SingleSelectOption value="false">{t('links.inactive')}</SingleSelectOption>
          </SingleSelect>
          {filtered && (
            <Button variant="tertiary" onClick={() => setParams(new URLSearchParams())}>
              {t('links.clearFilters')}
            </Button>
          )}
        </Flex>

        {error && <Typography textColor="danger600">{error}</Typography>}
        <Box data-testid={page ? 'links-loaded' : undefined}>
          {page && page.data.length === 0 && (
            <EmptyStateLayout content={filtered ? t('links.noMatch') : t('links.empty')} />
          )}
          {page && page.data.length > 0 && (
            <Table colCount={7} rowCount={page.data.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{t('links.link')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('links.target')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('links.humanClicks')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('links.uniqueVisitors')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('links.botClicks')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('links.status')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('links.actions')}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {page.data.map((link) => (
                  <Tr
                    key={link.id}
                    onClick={() => setShowing(link)}
                    style={{ cursor: 'pointer' }}
                    data-testid={`link-row-${link.code}`}
                  >
                    <Td style={{ maxWidth: '22rem' }}>
                      <Flex direction="column" alignItems="flex-start">
                        <Typography fontWeight="bold" ellipsis>
                          {link.label ?? link.code}
                        </Typography>
                        <Typography variant="pi" textColor="primary600">
                          {shortUrlOf(link)}
                        </Typography>
                        <Typography variant="pi" textColor="neutral600" ellipsis title={link.redirectsTo}>
                          {t('links.goesTo', { url: link.destinationUrl })}
                        </Typography>
                      </Flex>
                    </Td>
                    <Td style={{ maxWidth: '16rem' }}>
                      <LinkTargetCell link={link} />
                    </Td>
                    <Td>
                      <Typography fontWeight="bold">{formatNumber(link.counts.humanClicks)}</Typography>
                    </Td>
                    <Td>
                      <Typography>{formatNumber(link.counts.uniqueVisitors)}</Typography>
                    </Td>
                    <Td>
                      <Typography textColor="neutral600">{formatNumber(link.counts.botClicks)}</Typography>
                    </Td>
                    <Td>
                      <Badge active={link.enabled}>
                        {link.enabled ? t('links.active') : t('links.inactive')}
                      </Badge>
                    </Td>
                    <Td onClick={(event: React.MouseEvent) => event.stopPropagation()}>
                      <Flex gap={1}>
                        <CopyShortUrl link={link} />
                        {canManage && (
                          <Button
                            size="S"
                            variant={link.enabled ? 'danger-light' : 'secondary'}
                            onClick={() => toggle(link)}
                            data-testid={`toggle-${link.code}`}
                          >
                            {link.enabled ? t('links.disable') : t('links.enable')}
                          </Button>
                        )}
                      </Flex>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
          {pagination && pagination.pageCount > 1 && (
            <Flex gap={2} justifyContent="center" paddingTop={4}>
              <Button
                variant="tertiary"
                disabled={pagination.page <= 1}
                onClick={() => setFilter('page', String(pagination.page - 1))}
              >
                {t('pagination.previous')}
              </Button>
              <Typography>
                {t('pagination.page', { page: pagination.page, count: pagination.pageCount })}
              </Typography>
              <Button
                variant="tertiary"
                disabled={pagination.page >= pagination.pageCount}
                onClick={() => setFilter('page', String(pagination.page + 1))}
              >
                {t('pagination.next')}
              </Button>
            </Flex>
          )}
        </Box>
        {!page && !error && <Typography>{t('loading')}</Typography>}
        <Box paddingTop={4}>
          <Typography variant="pi" textColor="neutral600">
            {t('links.countingNote')}
          </Typography>
        </Box>
      </Layouts.Content>
      {creating && (
        <CreateLinkDialog
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            toggleNotification({
              type: 'success',
              message: t('links.createdCount', { count: created.length }),
            });
            load();
          }}
        />
      )}
      {showing && <LinkDaysDialog link={showing} onClose={() => setShowing(null)} />}
    </Main>
  );
};

export { LinksPage };
