import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { REPORT_REASONS, RULE_IDS } from '../../../server/src/config/schema';
import en from '../translations/en.json';
import fr from '../translations/fr.json';

/** French is first-class: every message exists in both languages, and every key the UI asks for exists. */
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === '__tests__' ? [] : sources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });

describe('admin translations', () => {
  it('have the same keys in English and French, none left empty', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(fr))
      expect([key, value.trim().length > 0]).toEqual([key, true]);
  });

  it('contain every literal key the pages use', () => {
    const used = new Set<string>();
    for (const file of sources(path.join(__dirname, '..'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z.]+)'/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((key) => !(key in en))).toEqual([]);
  });

  it('name every queue, rule, sanction, report reason and audit action the server uses', () => {
    const expected = [
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
      ].map((action) => `audit.action.${action}`),
    ];
    expect(expected.filter((key) => !(key in en))).toEqual([]);
  });
});
