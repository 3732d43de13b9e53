import { Checkbox, Flex, Typography } from '@strapi/design-system';

import type { Account } from '../api/crossPost';
import { useT } from '../hooks/useT';

type Props = { accounts: Account[]; selected: number[]; onToggle: (id: number, checked: boolean) => void };

/** The accounts a post can go to; none yet sends the editor to the settings page. */
export const AccountPicker = ({ accounts, selected, onToggle }: Props) => {
  const t = useT();
  if (accounts.length === 0)
    return (
      <Typography variant="pi" textColor="neutral600">
        {t('panel.noAccounts')}
      </Typography>
    );
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="sigma" textColor="neutral600">
        {t('panel.accounts')}
      </Typography>
      {accounts.map((account) => (
        <Checkbox
          key={account.id}
          checked={selected.includes(account.id)}
          onCheckedChange={(checked) => onToggle(account.id, checked === true)}
          data-testid={`cross-post-account-${account.id}`}
        >
          {account.name} · {account.network}
        </Checkbox>
      ))}
    </Flex>
  );
};
