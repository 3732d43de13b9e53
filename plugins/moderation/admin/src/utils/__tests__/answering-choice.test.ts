import { answeringChoice } from '../answering-choice';

describe('which account answers a mention sent to the inbox', () => {
  const team = { accountId: 3, name: 'Mastodon (équipe)' };
  const support = { accountId: 7, name: 'Mastodon (support)' };

  it('asks to connect one when its network has no account', () => {
    expect(answeringChoice([])).toEqual({ kind: 'connect' });
  });

  it('takes the only account without asking', () => {
    expect(answeringChoice([team])).toEqual({ kind: 'only', account: team });
  });

  it('offers every account when there are several', () => {
    expect(answeringChoice([team, support])).toEqual({ kind: 'choose', accounts: [team, support] });
  });
});
