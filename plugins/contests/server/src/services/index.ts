import audit from './audit.service';
import claims from './claims.service';
import draw from './draw.service';
import entries from './entries.service';
import events from './events.service';
import overview from './overview.service';
import privacy from './privacy.service';
import rateLimit from './rate-limit.service';
import rules from './rules.service';
import status from './status.service';

export default {
  audit,
  claims,
  draw,
  entries,
  events,
  overview,
  privacy,
  rateLimit,
  rules,
  status,
};
