/**
 * Settings → Editorial approval: each campaign's approval rule. One or two approvals, and who may
 * give them (roles, people; anyone holding the approve permission when none is named). Behind the
 * `settings` permission; the server checks every value.
 */
import { useEffect, useState } from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  MultiSelect,
  MultiSelectOption,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useApiError } from '@porte-voix/kit/admin';

import { useEditorialApi, type CampaignRule, type RulesOverview } from '../api/editorial';
import { useT } from '../hooks/useT';

type Campaign = RulesOverview['campaigns'][number];

const CampaignRuleForm = ({
  campaign,
  overview,
  onSaved,
}: {
  campaign: Campaign;
  overview: RulesOverview;
  onSaved: (rule: CampaignRule) => void;
}) => {
  const t = useT();
  const api = useEditorialApi();
  const apiError = useApiError();
  const { toggleNotification } = useNotification();
  const initial: CampaignRule = campaign.rule ?? {
    campaignDocumentId: campaign.documentId,
    requiredApprovals: overview.defaultRequiredApprovals === 2 ? 2 : 1,
    approverRoleIds: [],
    approverUserIds: [],
  };
  const [rule, setRule] = useState<CampaignRule>(initial);
  const [saving, setSaving] = useState(false);
  const changed = JSON.stringify(rule) !== JSON.stringify(initial);

  const save = async () => {
    setSaving(true);
    try {
      const saved = await api.saveRule(rule);
      onSaved(saved);
      toggleNotification({ type: 'success', message: t('rules.saved', { campaign: campaign.name }) });
    } catch (error) {
      apiError.notify(error);
    } finally {
      setSaving(false);
    }
  };

  const field = (name: string) => `${campaign.documentId}-${name}`;
  return (
    <Box
      background="neutral0"
      padding={6}
      hasRadius
      shadow="tableShadow"
      data-testid={`rule-${campaign.documentId}`}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between">
          <Typography variant="delta" tag="h2">
            {campaign.name}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {campaign.rule ? t('rules.own') : t('rules.default')}
          </Typography>
        </Flex>
        <Grid.Root gap={4}>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <Field.Root name={field('required')}>
              <Field.Label>{t('rules.requiredApprovals')}</Field.Label>
              <SingleSelect
                value={String(rule.requiredApprovals)}
                onChange={(value: string | number) =>
                  setRule({ ...rule, requiredApprovals: Number(value) === 2 ? 2 : 1 })
                }
                data-testid="rule-required"
              >
                <SingleSelectOption value="1">{t('rules.oneApproval')}</SingleSelectOption>
                <SingleSelectOption value="2">{t('rules.twoApprovals')}</SingleSelectOption>
              </SingleSelect>
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <Field.Root name={field('roles')} hint={t('rules.anyoneHint')}>
              <Field.Label>{t('rules.approverRoles')}</Field.Label>
              <MultiSelect
                withTags
                placeholder={t('rules.anyone')}
                value={rule.approverRoleIds.map(String)}
                onChange={(values: string[]) => setRule({ ...rule, approverRoleIds: values.map(Number) })}
              >
                {overview.roles.map((role) => (
                  <MultiSelectOption key={role.id} value={String(role.id)}>
                    {role.name}
                  </MultiSelectOption>
                ))}
              </MultiSelect>
              <Field.Hint />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <Field.Root name={field('users')} hint={t('rules.anyoneHint')}>
              <Field.Label>{t('rules.approverUsers')}</Field.Label>
              <MultiSelect
                withTags
                placeholder={t('rules.anyone')}
                value={rule.approverUserIds.map(String)}
                onChange={(values: string[]) => setRule({ ...rule, approverUserIds: values.map(Number) })}
              >
                {overview.users.map((user) => (
                  <MultiSelectOption key={user.id} value={String(user.id)}>
                    {`${user.name} (${user.email})`}
                  </MultiSelectOption>
                ))}
              </MultiSelect>
              <Field.Hint />
            </Field.Root>
          </Grid.Item>
        </Grid.Root>
        <Flex justifyContent="flex-end">
          <Button onClick={save} loading={saving} disabled={!changed} data-testid="rule-save">
            {t('rules.save')}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};

export const RulesSettingsPage = () => {
  const t = useT();
  const api = useEditorialApi();
  const apiError = useApiError();
  const [overview, setOverview] = useState<RulesOverview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.rulesOverview().then(setOverview, (e) => setError(apiError.message(e)));
  }, [api, apiError]);

  const saved = (rule: CampaignRule) =>
    setOverview((current) =>
      current
        ? {
            ...current,
            campaigns: current.campaigns.map((campaign) =>
              campaign.documentId === rule.campaignDocumentId ? { ...campaign, rule } : campaign
            ),
          }
        : current
    );

  return (
    <Page.Main>
      <Page.Title>{t('rules.title')}</Page.Title>
      <Layouts.Header
        title={t('rules.title')}
        subtitle={t('rules.subtitle', { approvals: overview?.defaultRequiredApprovals ?? 1 })}
      />
      <Layouts.Content>
        {error && <Typography textColor="danger600">{error}</Typography>}
        {overview && overview.campaigns.length === 0 && (
          <Typography textColor="neutral600">{t('rules.noCampaigns')}</Typography>
        )}
        {overview && (
          <Flex direction="column" alignItems="stretch" gap={4}>
            {overview.campaigns.map((campaign) => (
              <CampaignRuleForm
                key={`${campaign.documentId}:${JSON.stringify(campaign.rule)}`}
                campaign={campaign}
                overview={overview}
                onSaved={saved}
              />
            ))}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
