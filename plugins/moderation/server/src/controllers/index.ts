import client from './client.controller';
import admin from './admin.controller';

export default {
  client,
  admin,
};
