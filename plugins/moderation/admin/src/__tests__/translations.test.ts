import path from 'node:path';
import { describeTranslations } from '@porte-voix/kit/testing';

import { REPORT_REASONS, RULE_IDS } from '../../../server/src/config/schema';
import { FINDING_CODES } from '../../../server/src/rules/types';
import { REJECTION_REASONS } from '../../../server/src/validators/admin.validators';
import en from '../translations/en.json';
import fr from '../translations/fr.json';

describeTranslations({
  adminDir: path.join(__dirname, '..'),
  en,
  fr,
  minimumUsed: 40,
  expected: {
    title: 'name every queue, rule, sanction, report reason, reason code and audit action the server uses',
    keys: () => [
      ...['pending', 'reported', 'approved', 'rejected', 'all'].map((queue) => `queue.${queue}`),
      ...RULE_IDS.map((rule) => `rule.${rule}`),
      ...['warning', 'suspension', 'ban', 'premoderation'].map((kind) => `sanction.${kind}`),
      ...REPORT_REASONS.map((reason) => `report.${reason}`),
      ...[
        'auto_decision',
        'approved',
        'rejected',
        'reported',
        'hidden_by_reports',
        'sanction_added',
        'sanction_revoked',
        'settings_updated',
        // The inbox's: answers and actions on the networks, who handles an item and where it stands.
        'replied',
        'hidden_on_network',
        'liked_on_network',
        'answer_deleted',
        'assigned',
        'unassigned',
        'done',
        'reopened',
        'noted',
      ].map((action) => `audit.action.${action}`),
      // Every reason code the audit log and the cards store: a moderator's, a reader's, the rules'.
      ...[...REJECTION_REASONS, ...REPORT_REASONS, ...FINDING_CODES, 'report_score'].map(
        (code) => `reason.${code}`
      ),
    ],
  },
});
