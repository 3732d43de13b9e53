import access from './access.service';
import notifier from './notifier.service';
import rules from './rules.service';
import subjects from './subjects.service';
import views from './views.service';
import workflow from './workflow.service';

export default {
  access,
  notifier,
  rules,
  subjects,
  views,
  workflow,
};
