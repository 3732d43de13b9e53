import admin from './admin.controller';
import publicController from './public.controller';
import status from './status.controller';

export default {
  admin,
  public: publicController,
  status,
};
