/**
 * The rules' verdict on a new item as the audit log keeps it: the finding that set its status (the
 * first rejection, else the first hold, else the first note) and every rule's finding. The same entry
 * for a comment from our site, a reply collected from a network and a listening mention.
 */
import type { AuditEntry } from '../repositories/audit.repository';
import { SYSTEM } from '../services/audit.service';
import type { Decision } from './types';

/** The finding that set the status: the first rejection, else the first hold, else the first note. */
const decidingFinding = ({ findings }: Decision) =>
  findings.find((finding) => finding.outcome === 'reject') ??
  findings.find((finding) => finding.outcome === 'hold') ??
  findings[0];

export function verdictEntry(
  decision: Decision,
  item: { commentDocumentId: string; authorKey: string; details?: Record<string, unknown> }
): AuditEntry {
  const deciding = decidingFinding(decision);
  return {
    action: 'auto_decision',
    actor: SYSTEM,
    commentDocumentId: item.commentDocumentId,
    authorKey: item.authorKey,
    toStatus: decision.status,
    reasonCode: deciding?.code ?? null,
    reasonParams: deciding?.params ?? null,
    details: {
      ...item.details,
      rules: decision.findings.map(({ rule, outcome, code, params }) => ({ rule, outcome, code, params })),
    },
  };
}
