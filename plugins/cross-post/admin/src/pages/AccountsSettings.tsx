/** Settings → Cross-post → Accounts: connect, edit and remove social accounts. Secrets are write-only. */
import { useCallback, useEffect, useState } from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Main,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { PLUGIN_ID } from '../pluginId';
import { CREDENTIAL_FIELDS, errorMessage, NETWORKS, type Account, type Network } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';

type Draft = {
  id?: number;
  network: Network;
  name: string;
  baseUrl: string;
  language: string;
  credentials: Record<string, string>;
};
const EMPTY: Draft = { network: 'mastodon', name: '', baseUrl: '', language: 'fr', credentials: {} };

const AccountsSettings = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage: id }, values);
  const { get, post, put, del } = useFetchClient();
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const { data } = await get<{ data: Account[] }>(`/${PLUGIN_ID}/accounts`);
    setAccounts(data.data);
  }, [get]);

  useEffect(() => {
    load().catch((e) => setError(errorMessage(e)));
  }, [load]);

  const save = async () => {
    if (!draft) return;
    setError(null);
    const credentials = Object.fromEntries(Object.entries(draft.credentials).filter(([, v]) => v));
    const body = {
      name: draft.name,
      language: draft.language || null,
      ...(draft.baseUrl && { baseUrl: draft.baseUrl }),
      ...((!draft.id || Object.keys(credentials).length > 0) && { credentials }),
    };
    try {
      if (draft.id) await put(`/${PLUGIN_ID}/accounts/${draft.id}`, body);
      else await post(`/${PLUGIN_ID}/accounts`, { ...body, network: draft.network });
      setDraft(null);
      await load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const remove = async (account: Account) => {
    if (!window.confirm(t('accounts.confirmDelete', { name: account.name }))) return;
    try {
      await del(`/${PLUGIN_ID}/accounts/${account.id}`);
      await load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Main>
      <Layouts.Header
        title={t('accounts.title')}
        subtitle={t('accounts.subtitle')}
        primaryAction={
          <Button onClick={() => setDraft({ ...EMPTY })} data-testid="cross-post-add-account">
            {t('accounts.add')}
          </Button>
        }
      />
      <Layouts.Content>
        {error && (
          <Box paddingBottom={4}>
            <Typography textColor="danger600">{error}</Typography>
          </Box>
        )}
        {draft && (
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius marginBottom={6}>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {!draft.id && (
                <Field.Root>
                  <Field.Label>{t('accounts.network')}</Field.Label>
                  <SingleSelect
                    value={draft.network}
                    onChange={(value) => setDraft({ ...draft, network: value as Network, credentials: {} })}
                  >
                    {NETWORKS.map((network) => (
                      <SingleSelectOption key={network} value={network}>
                        {network}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              )}
              <Field.Root required>
                <Field.Label>{t('accounts.name')}</Field.Label>
                <TextInput
                  value={draft.name}
                  onChange={(e: any) => setDraft({ ...draft, name: e.target.value })}
                />
              </Field.Root>
              <Field.Root hint={t('accounts.baseUrlHint')}>
                <Field.Label>{t('accounts.baseUrl')}</Field.Label>
                <TextInput
                  value={draft.baseUrl}
                  onChange={(e: any) => setDraft({ ...draft, baseUrl: e.target.value })}
                />
                <Field.Hint />
              </Field.Root>
              <Field.Root hint={t('accounts.languageHint')}>
                <Field.Label>{t('accounts.language')}</Field.Label>
                <TextInput
                  value={draft.language}
                  onChange={(e: any) => setDraft({ ...draft, language: e.target.value })}
                />
                <Field.Hint />
              </Field.Root>
              {CREDENTIAL_FIELDS[draft.network].map((field) => (
                <Field.Root key={field.name} hint={draft.id ? t('accounts.keepSecret') : undefined}>
                  <Field.Label>{field.name}</Field.Label>
                  <TextInput
                    type={field.secret ? 'password' : 'text'}
                    autoComplete="off"
                    value={draft.credentials[field.name] ?? ''}
                    onChange={(e: any) =>
                      setDraft({
                        ...draft,
                        credentials: { ...draft.credentials, [field.name]: e.target.value },
                      })
                    }
                  />
                  <Field.Hint />
                </Field.Root>
              ))}
              <Flex gap={2}>
                <Button onClick={save}>{t('accounts.save')}</Button>
                <Button variant="tertiary" onClick={() => setDraft(null)}>
                  {t('accounts.cancel')}
                </Button>
              </Flex>
            </Flex>
          </Box>
        )}
        <Table colCount={6} rowCount={accounts.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('accounts.name')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('accounts.network')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('accounts.baseUrl')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('accounts.language')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('accounts.credentials')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('accounts.actions')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {accounts.map((account) => (
              <Tr key={account.id}>
                <Td>
                  <Typography>{account.name}</Typography>
                </Td>
                <Td>
                  <Typography>{account.network}</Typography>
                </Td>
                <Td>
                  <Typography>{account.baseUrl}</Typography>
                </Td>
                <Td>
                  <Typography>{account.language ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography variant="pi">
                    {Object.entries(account.credentialsHint)
                      .map(([k, v]) => `${k}: ${v}`)
                      .join(' · ')}
                  </Typography>
                  {account.rateLimitedUntil && new Date(account.rateLimitedUntil) > new Date() && (
                    <Typography variant="pi" textColor="warning600" tag="p">
                      {t('accounts.waiting', { until: new Date(account.rateLimitedUntil).toLocaleString() })}
                    </Typography>
                  )}
                </Td>
                <Td>
                  <Flex gap={2}>
                    <Button
                      size="S"
                      variant="secondary"
                      onClick={() =>
                        setDraft({
                          id: account.id,
                          network: account.network,
                          name: account.name,
                          baseUrl: account.baseUrl,
                          language: account.language ?? '',
                          credentials: {},
                        })
                      }
                    >
                      {t('accounts.edit')}
                    </Button>
                    <Button size="S" variant="danger-light" onClick={() => remove(account)}>
                      {t('accounts.delete')}
                    </Button>
                  </Flex>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Layouts.Content>
    </Main>
  );
};

export { AccountsSettings };
