import type { Core } from '@strapi/strapi';

import { encryptionKey } from './utils/credentials';
import { developmentDefaultsAllowed } from './utils/environment';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Refuse to start without a real key (outside `strapi develop` and the tests), or with a weak one,
  // rather than fail at the first publication.
  encryptionKey(process.env, developmentDefaultsAllowed(strapi));
};

export default register;
