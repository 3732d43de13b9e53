import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { usePermissions } from '../hooks/usePermissions';
import { AuditPage } from './AuditPage';
import { AuthorPage } from './AuthorPage';
import { ListeningPage } from './ListeningPage';
import { QueuePage } from './QueuePage';
import { SavedRepliesPage } from './SavedRepliesPage';
import { SettingsPage } from './SettingsPage';

const App = () => {
  const { isLoading, error, canRead } = usePermissions();
  if (isLoading) return <Page.Loading />;
  if (error) return <Page.Error />;
  if (!canRead) return <Page.NoPermissions />;
  return (
    <Routes>
      <Route index element={<QueuePage />} />
      <Route path="settings" element={<SettingsPage />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="saved-replies" element={<SavedRepliesPage />} />
      <Route path="listening" element={<ListeningPage />} />
      <Route path="authors/:key" element={<AuthorPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  );
};

export { App };
