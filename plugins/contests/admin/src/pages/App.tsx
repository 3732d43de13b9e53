import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { ContestPage } from './ContestPage';
import { ContestsPage } from './ContestsPage';

const App = () => (
  <Page.Protect permissions={[{ action: 'plugin::contests.read', subject: null }]}>
    <Routes>
      <Route index element={<ContestsPage />} />
      <Route path=":eventDocumentId" element={<ContestPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export { App };
