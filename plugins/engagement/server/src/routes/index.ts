import admin from './admin.routes';
import contentApi from './content-api.routes';

export default {
  admin,
  'content-api': contentApi,
};
