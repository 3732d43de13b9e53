import admin from './admin.controller';
import publicController from './public.controller';

export default {
  admin,
  public: publicController,
};
