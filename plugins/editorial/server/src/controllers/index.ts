import reviews from './reviews.controller';
import rules from './rules.controller';

export default { reviews, rules };
