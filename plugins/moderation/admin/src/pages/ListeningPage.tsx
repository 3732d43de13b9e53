import { useCallback, useEffect, useState } from 'react';
import { Box, Flex, Tabs, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useApiError } from '@porte-voix/kit/admin';

import { useModerationApi, type ListeningAlert, type SavedSearch } from '../api/moderation';
import { PluginNav } from '../components/PluginNav';
import { AlertsList } from '../components/listening/AlertsList';
import { ListeningReportView } from '../components/listening/ListeningReportView';
import { SavedSearchForm } from '../components/listening/SavedSearchForm';
import { SavedSearchList } from '../components/listening/SavedSearchList';
import { usePermissions } from '../hooks/usePermissions';
import { useT } from '../hooks/useT';

/**
 * Listening: the saved searches that find what is said about the brand and its competitors (what
 * they find enters the queue), and the report and alerts over what they found.
 */
export const ListeningPage = () => {
  const t = useT();
  const api = useModerationApi();
  const apiError = useApiError();
  const { canManageListening } = usePermissions();
  const [searches, setSearches] = useState<SavedSearch[] | null>(null);
  const [alerts, setAlerts] = useState<ListeningAlert[]>([]);
  const [editing, setEditing] = useState<SavedSearch | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [found, raised] = await Promise.all([api.savedSearches(), api.listeningAlerts()]);
      setSearches(found);
      setAlerts(raised);
    } catch (err) {
      setError(apiError.message(err));
    }
  }, [api, apiError]);
  useEffect(() => {
    load();
  }, [load]);

  const remove = async (search: SavedSearch) => {
    if (!window.confirm(t('listening.confirmDelete', { name: search.name }))) return;
    setError(null);
    try {
      await api.deleteSavedSearch(search.id);
      if (editing?.id === search.id) setEditing(null);
      await load();
    } catch (err) {
      setError(apiError.message(err));
    }
  };

  return (
    <Page.Main>
      <Page.Title>{t('listening.title')}</Page.Title>
      <Layouts.Header
        title={t('listening.title')}
        subtitle={t('listening.subtitle')}
        secondaryAction={<PluginNav current="listening" />}
      />
      <Layouts.Content>
        <Tabs.Root defaultValue="searches">
          <Tabs.List aria-label={t('listening.title')}>
            <Tabs.Trigger value="searches">{t('listening.tab.searches')}</Tabs.Trigger>
            <Tabs.Trigger value="report">{t('listening.tab.report')}</Tabs.Trigger>
            <Tabs.Trigger value="alerts">
              {t('listening.tab.alerts', { count: alerts.filter((a) => a.open).length })}
            </Tabs.Trigger>
          </Tabs.List>
          <Box paddingTop={4}>
            {error && <Typography textColor="danger600">{error}</Typography>}
            <Tabs.Content value="searches">
              <Flex direction="column" alignItems="stretch" gap={4}>
                {canManageListening && (
                  <SavedSearchForm
                    editing={editing}
                    onSave={(input) =>
                      editing ? api.updateSavedSearch(editing.id, input) : api.createSavedSearch(input)
                    }
                    onDone={() => {
                      setEditing(null);
                      load();
                    }}
                  />
                )}
                {searches && (
                  <SavedSearchList
                    searches={searches}
                    canManage={canManageListening}
                    onEdit={(search) => {
                      setEditing(search);
                      window.scrollTo({ top: 0 });
                    }}
                    onDelete={remove}
                  />
                )}
              </Flex>
            </Tabs.Content>
            <Tabs.Content value="report">
              <ListeningReportView searches={searches ?? []} />
            </Tabs.Content>
            <Tabs.Content value="alerts">
              <AlertsList alerts={alerts} />
            </Tabs.Content>
          </Box>
        </Tabs.Root>
      </Layouts.Content>
    </Page.Main>
  );
};
