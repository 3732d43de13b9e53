import client from './client.controller';
import admin from './admin.controller';
import savedReplies from './saved-replies.controller';
import listening from './listening.controller';

export default {
  client,
  admin,
  'saved-replies': savedReplies,
  listening,
};
