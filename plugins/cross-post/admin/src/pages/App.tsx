import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { CalendarPage } from './CalendarPage';

const App = () => (
  <Routes>
    <Route index element={<CalendarPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export { App };
