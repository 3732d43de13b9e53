/** Settings → Cross-post → Accounts: connect, edit and remove social accounts. Secrets are write-only. */
import { useCallback, useEffect, useState } from 'react';
import {
  Box,
  Button,
  EmptyStateLayout,
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
import { Layouts } from '@strapi/strapi/admin';
import { useApiError } from '@porte-voix/kit/admin';

import { useCrossPostApi, type Account, type Network } from '../api/crossPost';
import { useNetworks } from '../hooks/useNetworks';
import { useT } from '../hooks/useT';

type Draft = {
  id?: number;
  network: Network;
  name: string;
  baseUrl: string;
  language: string;
  credentials: Record<string, string>;
};
const EMPTY: Omit<Draft, 'network'> = { name: '', baseUrl: '', language: 'fr', credentials: {} };

const AccountsSettings = () => {
  const t = useT();
  const api = useCrossPostApi();
  const apiError = useApiError();
  const networks = useNetworks();
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);

  const network = networks.find((candidate) => candidate.id === draft?.network);

  const load = useCallback(async () => {
    setAccounts(await api.accounts());
    setLoaded(true);
  }, [api]);

  useEffect(() => {
    load().catch((e) => setError(apiError.message(e)));
  }, [load, apiError]);

  const save = async () => {
    if (!draft) return;
    setError(null);
    const credentials = Object.fromEntries(Object.entries(draft.credentials).filter(([, v]) => v));
    const body = {
      name: draft.name,
      language: draft.language || null,
      ...(network?.selfHosted && draft.baseUrl && { baseUrl: draft.baseUrl }),
      ...((!draft.id || Object.keys(credentials).length > 0) && { credentials }),
    };
    try {
      if (draft.id) await api.updateAccount(draft.id, body);
      else await api.createAccount({ ...body, network: draft.network });
      setDraft(null);
      await load();
    } catch (e) {
      setError(apiError.message(e));
    }
  };

  const remove = async (account: Account) => {
    if (!window.confirm(t('accounts.confirmDelete', { name: account.name }))) return;
    try {
      await api.deleteAccount(account.id);
      await load();
    } catch (e) {
      setError(apiError.message(e));
    }
  };

  return (
    <Main>
      <Layouts.Header
        title={t('accounts.title')}
        subtitle={t('accounts.subtitle')}
        primaryAction={
          <Button
            onClick={() => setDraft({ ...EMPTY, network: networks[0]?.id ?? '' })}
            disabled={networks.length === 0}
            data-testid="cross-post-add-account"
          >
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
                    {networks.map((candidate) => (
                      <SingleSelectOption key={candidate.id} value={candidate.id}>
                        {candidate.label}
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
              {network?.selfHosted && (
                <Field.Root hint={t('accounts.baseUrlHint')}>
                  <Field.Label>{t('accounts.baseUrl')}</Field.Label>
                  <TextInput
                    value={draft.baseUrl}
                    placeholder={network.defaultBaseUrl}
                    onChange={(e: any) => setDraft({ ...draft, baseUrl: e.target.value })}
                  />
                  <Field.Hint />
                </Field.Root>
              )}
              <Field.Root hint={t('accounts.languageHint')}>
                <Field.Label>{t('accounts.language')}</Field.Label>
                <TextInput
                  value={draft.language}
                  onChange={(e: any) => setDraft({ ...draft, language: e.target.value })}
                />
                <Field.Hint />
              </Field.Root>
              {network?.credentialFields.map((field) => (
                <Field.Root
                  key={field.name}
                  required={field.required && !draft.id}
                  hint={draft.id ? t('accounts.keepSecret') : undefined}
                >
                  <Field.Label>{t(field.labelKey)}</Field.Label>
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
                  {account.usage && (
                    <Typography
                      variant="pi"
                      textColor={account.usage.used >= account.usage.limit ? 'warning600' : 'neutral600'}
                      tag="p"
                    >
                      {t('accounts.usage', {
                        used: account.usage.used.toLocaleString(),
                        limit: account.usage.limit.toLocaleString(),
                        resetsAt: new Date(account.usage.resetsAt).toLocaleString(),
                      })}
                    </Typography>
                  )}
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
        {loaded && accounts.length === 0 && !draft && (
          <Box paddingTop={4} data-testid="accounts-empty">
            <EmptyStateLayout content={t('accounts.empty')} />
          </Box>
        )}
      </Layouts.Content>
    </Main>
  );
};

export { AccountsSettings };
