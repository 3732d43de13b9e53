/**
 * What sending a mention to the inbox asks: nothing when its network has one account (that one
 * answers), which account when it has several, and to connect one when it has none.
 */
export type AnsweringChoice<Account> =
  { kind: 'connect' } | { kind: 'only'; account: Account } | { kind: 'choose'; accounts: Account[] };

export function answeringChoice<Account>(accounts: Account[]): AnsweringChoice<Account> {
  if (accounts.length === 0) return { kind: 'connect' };
  if (accounts.length === 1) return { kind: 'only', account: accounts[0] };
  return { kind: 'choose', accounts };
}
