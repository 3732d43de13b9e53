import { useState } from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useApiError } from '@porte-voix/kit/admin';

import { useEngagementApi, type PostRow } from '../api/engagement';
import { useFormat } from '../hooks/useFormat';
import { useT } from '../hooks/useT';
import { parseAmount } from '../utils/amount';

const NONE = 'none';

type Draft = {
  spentOn: string;
  amount: string;
  currency: string;
  network: string;
  post: string;
  paidImpressions?: number;
  paidClicks?: number;
  paidInteractions?: number;
  note: string;
};

const emptyDraft = (currency: string): Draft => ({
  spentOn: new Date().toISOString().slice(0, 10),
  amount: '',
  currency,
  network: NONE,
  post: NONE,
  note: '',
});

/**
 * Records what a boost or an ad cost (as typed: "149,90" or "149.90"), on the whole campaign or one
 * boosted post, with what it bought when the ad manager says. The server checks it and says which
 * field is wrong.
 */
export const SpendForm = ({
  campaign,
  posts,
  networks,
  currency,
  onSaved,
}: {
  campaign: string;
  posts: PostRow[];
  networks: string[];
  currency: string;
  onSaved: () => void;
}) => {
  const t = useT();
  const format = useFormat();
  const api = useEngagementApi();
  const apiError = useApiError();
  const { toggleNotification } = useNotification();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(currency));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (changes: Partial<Draft>) => setDraft((current) => ({ ...current, ...changes }));

  if (!open)
    return (
      <Box data-print-hide>
        <Button variant="secondary" startIcon={<Plus />} onClick={() => setOpen(true)}>
          {t('spend.add')}
        </Button>
      </Box>
    );

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const amount = parseAmount(draft.amount);
    if (amount === null) {
      setError(t('spend.amountInvalid'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await api.recordSpend({
        campaign,
        spentOn: draft.spentOn,
        amount,
        currency: draft.currency,
        network: draft.network === NONE ? null : draft.network,
        post: draft.post === NONE ? null : draft.post,
        paidImpressions: draft.paidImpressions ?? null,
        paidClicks: draft.paidClicks ?? null,
        paidInteractions: draft.paidInteractions ?? null,
        note: draft.note.trim() || null,
      });
      toggleNotification({ type: 'success', message: t('spend.saved') });
      setDraft(emptyDraft(draft.currency));
      setOpen(false);
      onSaved();
    } catch (failure) {
      setError(apiError.message(failure));
    } finally {
      setSaving(false);
    }
  };

  const count = (key: 'paidImpressions' | 'paidClicks' | 'paidInteractions') => (
    <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
      <Field.Root name={key} hint={t('spend.optional')}>
        <Field.Label>{t(`spend.${key}`)}</Field.Label>
        <NumberInput
          value={draft[key]}
          onValueChange={(value: number | undefined) => set({ [key]: value })}
        />
        <Field.Hint />
      </Field.Root>
    </Grid.Item>
  );

  return (
    <Box tag="form" onSubmit={submit} padding={4} hasRadius background="neutral100" data-print-hide>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h3">
          {t('spend.add')}
        </Typography>
        <Grid.Root gap={4}>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <Field.Root name="spentOn" required>
              <Field.Label>{t('spend.spentOn')}</Field.Label>
              <TextInput
                type="date"
                value={draft.spentOn}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  set({ spentOn: event.target.value })
                }
              />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <Field.Root name="amount" required>
              <Field.Label>{t('paid.amount')}</Field.Label>
              <TextInput
                inputMode="decimal"
                placeholder={format.decimal(149.9, 2)}
                value={draft.amount}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => set({ amount: event.target.value })}
              />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <Field.Root name="currency" required hint={t('spend.currencyHint')}>
              <Field.Label>{t('paid.currency')}</Field.Label>
              <TextInput
                maxLength={3}
                value={draft.currency}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  set({ currency: event.target.value.toUpperCase() })
                }
              />
              <Field.Hint />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name="post">
              <Field.Label>{t('spend.post')}</Field.Label>
              <SingleSelect
                value={draft.post}
                onChange={(value: string | number) => set({ post: String(value) })}
              >
                <SingleSelectOption value={NONE}>{t('spend.wholeCampaign')}</SingleSelectOption>
                {posts
                  .filter((post) => post.post)
                  .map((post) => (
                    <SingleSelectOption key={post.post!} value={post.post!}>
                      {post.title ?? t('post.untitled')}
                    </SingleSelectOption>
                  ))}
              </SingleSelect>
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name="network">
              <Field.Label>{t('spend.network')}</Field.Label>
              <SingleSelect
                value={draft.network}
                onChange={(value: string | number) => set({ network: String(value) })}
              >
                <SingleSelectOption value={NONE}>{t('spend.anyNetwork')}</SingleSelectOption>
                {networks.map((network) => (
                  <SingleSelectOption key={network} value={network}>
                    {format.network(network)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Grid.Item>
          {count('paidImpressions')}
          {count('paidClicks')}
          {count('paidInteractions')}
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <Field.Root name="note">
              <Field.Label>{t('spend.note')}</Field.Label>
              <TextInput
                maxLength={500}
                value={draft.note}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => set({ note: event.target.value })}
              />
            </Field.Root>
          </Grid.Item>
        </Grid.Root>
        {error && (
          <Typography textColor="danger600" role="alert" data-testid="spend-error">
            {error}
          </Typography>
        )}
        <Flex gap={2}>
          <Button type="submit" loading={saving}>
            {t('spend.save')}
          </Button>
          <Button variant="tertiary" onClick={() => setOpen(false)}>
            {t('cancel')}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};
