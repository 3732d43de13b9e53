import audit from './audit.service';
import claims from './claims.service';
import confirmations from './confirmations.service';
import draw from './draw.service';
import entries from './entries.service';
import events from './events.service';
import outbox from './outbox.service';
import overview from './overview.service';
import privacy from './privacy.service';
import rateLimit from './rate-limit.service';
import rules from './rules.service';

export default {
  audit,
  claims,
  confirmations,
  draw,
  entries,
  events,
  outbox,
  overview,
  privacy,
  rateLimit,
  rules,
};
