import access from './access.service';
import digest from './digest.service';
import notifications from './notifications.service';
import notifier from './notifier.service';
import rules from './rules.service';
import subjects from './subjects.service';
import views from './views.service';
import workflow from './workflow.service';

export default {
  access,
  digest,
  notifications,
  notifier,
  rules,
  subjects,
  views,
  workflow,
};
