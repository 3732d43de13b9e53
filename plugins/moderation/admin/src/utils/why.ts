import type { Why } from '@porte-voix/kit/admin';

import type { AuditEntry, Finding } from '../api/moderation';

/** A rule's finding: its code and parameters, or (stored before codes) its English text, as it is. */
export const findingWhy = (finding: Finding): Why =>
  finding.params ? { code: finding.code, params: finding.params } : { typed: finding.detail ?? null };

/**
 * Why an audit entry happened: for the rules' decisions every finding, else the entry's code and
 * what the moderator typed (older entries: their text, as it is).
 */
export const auditWhys = (entry: AuditEntry): Why[] => {
  const findings = (entry.details?.rules ?? []) as Finding[];
  if (findings.some((finding) => finding.params)) return findings.map(findingWhy);
  return [{ code: entry.reasonCode, params: entry.reasonParams, typed: entry.reason }];
};
