import notifications from './notifications.controller';
import reviews from './reviews.controller';
import rules from './rules.controller';
import subjects from './subjects.controller';

export default { notifications, reviews, rules, subjects };
