import contestEntry from './contest-entry';
import contestState from './contest-state';
import contestAuditEntry from './contest-audit-entry';

export const ENTRY_UID = 'plugin::contests.contest-entry';
export const STATE_UID = 'plugin::contests.contest-state';
export const AUDIT_UID = 'plugin::contests.contest-audit-entry';

export default {
  'contest-entry': contestEntry,
  'contest-state': contestState,
  'contest-audit-entry': contestAuditEntry,
};
