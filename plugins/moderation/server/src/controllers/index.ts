import status from './status.controller';
import client from './client.controller';
import admin from './admin.controller';

export default {
  status,
  client,
  admin,
};
