import type { Core } from '@strapi/strapi';

import { editorialWriteHook } from './middlewares/document-service';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(editorialWriteHook(strapi) as any);
};

export default register;
