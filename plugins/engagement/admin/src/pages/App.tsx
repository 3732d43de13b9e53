import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { BestTimesPage } from './BestTimesPage';
import { CampaignPage } from './CampaignPage';
import { CampaignsPage } from './CampaignsPage';
import { FollowersPage } from './FollowersPage';
import { HealthPage } from './HealthPage';
import { LinksPage } from './LinksPage';
import { OverviewPage } from './OverviewPage';
import { PartnersPage } from './PartnersPage';
import { PostPage } from './PostPage';

const App = () => (
  <Page.Protect permissions={[{ action: 'plugin::engagement.read', subject: null }]}>
    <Routes>
      <Route index element={<OverviewPage />} />
      <Route path="campaigns" element={<CampaignsPage />} />
      <Route path="campaigns/:documentId" element={<CampaignPage />} />
      <Route path="posts/:documentId" element={<PostPage />} />
      <Route path="followers" element={<FollowersPage />} />
      <Route path="best-times" element={<BestTimesPage />} />
      <Route path="health" element={<HealthPage />} />
      <Route path="links" element={<LinksPage />} />
      <Route path="partners" element={<PartnersPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export { App };
