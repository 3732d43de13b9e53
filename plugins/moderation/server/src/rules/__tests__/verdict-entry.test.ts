import type { Decision } from '../types';
import { verdictEntry } from '../verdict-entry';

const item = { commentDocumentId: 'k3v9q', authorKey: 'author-1' };

describe("the audit entry of the rules' verdict", () => {
  it('names the rejection as the reason, even after a hold, and keeps every rule with where the item came from', () => {
    const decision: Decision = {
      status: 'rejected',
      findings: [
        { rule: 'links', outcome: 'hold', code: 'link', params: { count: 2 } },
        { rule: 'bannedWords', outcome: 'reject', code: 'banned_word', params: { terms: 'connard' } },
      ],
    };
    expect(verdictEntry(decision, { ...item, details: { source: 'mastodon', search: 4 } })).toMatchObject({
      action: 'auto_decision',
      actor: { type: 'system' },
      commentDocumentId: 'k3v9q',
      authorKey: 'author-1',
      toStatus: 'rejected',
      reasonCode: 'banned_word',
      reasonParams: { terms: 'connard' },
      details: {
        source: 'mastodon',
        search: 4,
        rules: [
          { rule: 'links', outcome: 'hold', code: 'link', params: { count: 2 } },
          { rule: 'bannedWords', outcome: 'reject', code: 'banned_word', params: { terms: 'connard' } },
        ],
      },
    });
  });

  it('has no reason when no rule fired', () => {
    const entry = verdictEntry({ status: 'approved', findings: [] }, item);
    expect(entry).toMatchObject({
      toStatus: 'approved',
      reasonCode: null,
      reasonParams: null,
      details: { rules: [] },
    });
  });
});
