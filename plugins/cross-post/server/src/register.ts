import type { Core } from '@strapi/strapi';
import { checkCustomFieldValues } from '@porte-voix/kit/server';

import { checkHashtags } from './domain/hashtags';
import { encryptionKey } from './utils/credentials';
import { developmentDefaultsAllowed } from './utils/environment';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Refuse to start without a real key (outside `strapi develop` and the tests), or with a weak one,
  // rather than fail at the first publication.
  encryptionKey(process.env, developmentDefaultsAllowed(strapi));

  // The hashtags field of posts and campaigns: tags typed one by one, suggested from past posts.
  strapi.customFields.register({
    name: 'hashtags',
    plugin: 'cross-post',
    type: 'json',
    inputSize: { default: 12, isResizable: true },
  });
  checkCustomFieldValues(strapi, 'plugin::cross-post.hashtags', checkHashtags);
};

export default register;
