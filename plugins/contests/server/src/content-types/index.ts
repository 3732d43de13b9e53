import contestEntry from './contest-entry';
import contestState from './contest-state';
import contestAuditEntry from './contest-audit-entry';
import contestEmail from './contest-email';
import contestRateWindow from './contest-rate-window';

export const ENTRY_UID = 'plugin::contests.contest-entry';
export const STATE_UID = 'plugin::contests.contest-state';
export const AUDIT_UID = 'plugin::contests.contest-audit-entry';
export const EMAIL_UID = 'plugin::contests.contest-email';
export const RATE_WINDOW_UID = 'plugin::contests.contest-rate-window';

export default {
  'contest-entry': contestEntry,
  'contest-state': contestState,
  'contest-audit-entry': contestAuditEntry,
  'contest-email': contestEmail,
  'contest-rate-window': contestRateWindow,
};
