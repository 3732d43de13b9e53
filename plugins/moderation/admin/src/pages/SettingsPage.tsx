import { useEffect, useState } from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Toggle,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useApiError } from '@porte-voix/kit/admin';

import { useModerationApi, type Settings } from '../api/moderation';
import { PluginNav } from '../components/PluginNav';
import { usePermissions } from '../hooks/usePermissions';
import { useT } from '../hooks/useT';

const lines = (values: string[]) => values.join('\n');
const fromLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The rules' settings: saved as a whole, validated by the server, every change in the audit log. */
export const SettingsPage = () => {
  const t = useT();
  const api = useModerationApi();
  const apiError = useApiError();
  const { toggleNotification } = useNotification();
  const { canManageSettings } = usePermissions();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api
      .settings()
      .then(setSettings)
      .catch((err) => setError(apiError.message(err)));
  }, [api, apiError]);

  const update = <K extends keyof Settings>(key: K, value: Partial<Settings[K]> | Settings[K]) =>
    setSettings((current) =>
      current
        ? {
            ...current,
            [key]:
              typeof value === 'object' && !Array.isArray(value)
                ? { ...(current[key] as object), ...value }
                : value,
          }
        : current
    );

  const save = async () => {
    if (!settings) return;
    setSaving(true);
    try {
      setSettings(await api.saveSettings(settings));
      toggleNotification({ type: 'success', message: t('settings.saved') });
    } catch (err) {
      apiError.notify(err);
    } finally {
      setSaving(false);
    }
  };

  const number = (label: string, value: number, onChange: (value: number) => void, step = 1) => (
    <Field.Root name={label}>
      <Field.Label>{t(`settings.${label}`)}</Field.Label>
      <NumberInput
        step={step}
        value={value}
        disabled={!canManageSettings}
        onValueChange={(next: number | undefined) => onChange(next ?? 0)}
      />
    </Field.Root>
  );
  const toggle = (label: string, checked: boolean, onChange: (checked: boolean) => void) => (
    <Field.Root name={label}>
      <Field.Label>{t(`settings.${label}`)}</Field.Label>
      <Toggle
        checked={checked}
        disabled={!canManageSettings}
        onLabel={t('settings.on')}
        offLabel={t('settings.off')}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.checked)}
      />
    </Field.Root>
  );
  const list = (label: string, values: string[], onChange: (values: string[]) => void) => (
    <Field.Root name={label} hint={t('settings.onePerLine')}>
      <Field.Label>{t(`settings.${label}`)}</Field.Label>
      <Textarea
        disabled={!canManageSettings}
        value={lines(values)}
        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(fromLines(event.target.value))}
      />
      <Field.Hint />
    </Field.Root>
  );
  const section = (title: string, children: React.ReactNode) => (
    <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2">
          {t(`settings.section.${title}`)}
        </Typography>
        <Grid.Root gap={4}>{children}</Grid.Root>
      </Flex>
    </Box>
  );
  const cell = (child: React.ReactNode, size = 6) => (
    <Grid.Item col={size} s={12} direction="column" alignItems="stretch">
      {child}
    </Grid.Item>
  );

  return (
    <Page.Main>
      <Page.Title>{t('settings.title')}</Page.Title>
      <Layouts.Header
        title={t('settings.title')}
        subtitle={t('settings.subtitle')}
        secondaryAction={<PluginNav current="settings" />}
        primaryAction={
          canManageSettings ? (
            <Button onClick={save} loading={saving} disabled={!settings}>
              {t('settings.save')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        {error && <Typography textColor="danger600">{error}</Typography>}
        {settings && (
          <Flex direction="column" alignItems="stretch" gap={6}>
            {section(
              'premoderation',
              <>
                {cell(
                  toggle('newAuthorPremoderation', settings.newAuthorPremoderation, (value) =>
                    update('newAuthorPremoderation', value)
                  )
                )}
                {cell(
                  toggle('premoderateAll', settings.premoderation.all, (all) =>
                    update('premoderation', { all })
                  )
                )}
                {cell(
                  list('premoderatedTargets', settings.premoderation.targets, (targets) =>
                    update('premoderation', { targets })
                  ),
                  12
                )}
              </>
            )}
            {section(
              'rateLimits',
              <>
                {cell(
                  number('perIpPerMinute', settings.rateLimits.perIpPerMinute, (perIpPerMinute) =>
                    update('rateLimits', { perIpPerMinute })
                  )
                )}
                {cell(
                  number('perAuthorPerMinute', settings.rateLimits.perAuthorPerMinute, (perAuthorPerMinute) =>
                    update('rateLimits', { perAuthorPerMinute })
                  )
                )}
              </>
            )}
            {section(
              'words',
              <>
                {cell(
                  toggle('useDefaultLists', settings.words.useDefaultLists, (useDefaultLists) =>
                    update('words', { useDefaultLists })
                  ),
                  12
                )}
                {cell(
                  list('banned', settings.words.banned, (banned) => update('words', { banned })),
                  4
                )}
                {cell(
                  list('suspect', settings.words.suspect, (suspect) => update('words', { suspect })),
                  4
                )}
                {cell(
                  list('allowed', settings.words.allowed, (allowed) => update('words', { allowed })),
                  4
                )}
              </>
            )}
            {section(
              'rules',
              <>
                {cell(
                  <Field.Root name="links">
                    <Field.Label>{t('settings.linksAction')}</Field.Label>
                    <SingleSelect
                      value={settings.links.action}
                      disabled={!canManageSettings}
                      onChange={(action: string | number) =>
                        update('links', { action: action as Settings['links']['action'] })
                      }
                    >
                      {(['hold', 'reject', 'allow'] as const).map((action) => (
                        <SingleSelectOption key={action} value={action}>
                          {t(`settings.links.${action}`)}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Field.Root>
                )}
                {cell(
                  list('allowedDomains', settings.links.allowedDomains, (allowedDomains) =>
                    update('links', { allowedDomains })
                  )
                )}
                {cell(
                  number(
                    'maxCapitalsRatio',
                    settings.shouting.maxCapitalsRatio,
                    (maxCapitalsRatio) => update('shouting', { maxCapitalsRatio }),
                    0.05
                  ),
                  4
                )}
                {cell(
                  number('maxCharacterRun', settings.repetition.maxCharacterRun, (maxCharacterRun) =>
                    update('repetition', { maxCharacterRun })
                  ),
                  4
                )}
                {cell(
                  number('maxSameText', settings.duplicates.maxSameText, (maxSameText) =>
                    update('duplicates', { maxSameText })
                  ),
                  4
                )}
                {cell(
                  number(
                    'maxRejectedRatio',
                    settings.authorHistory.maxRejectedRatio,
                    (maxRejectedRatio) => update('authorHistory', { maxRejectedRatio }),
                    0.05
                  ),
                  4
                )}
                {cell(
                  number(
                    'hideScore',
                    settings.reports.hideScore,
                    (hideScore) => update('reports', { hideScore }),
                    0.5
                  ),
                  4
                )}
                {cell(
                  number('maxContentLength', settings.limits.maxContentLength, (maxContentLength) =>
                    update('limits', { maxContentLength })
                  ),
                  4
                )}
              </>
            )}
            {section(
              'notifications',
              <>
                {cell(
                  <Field.Root name="webhookUrl" hint={t('settings.secretHint')}>
                    <Field.Label>{t('settings.webhookUrl')}</Field.Label>
                    <TextInput
                      disabled={!canManageSettings}
                      value={settings.notifications.webhookUrl}
                      onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                        update('notifications', { webhookUrl: event.target.value })
                      }
                    />
                    <Field.Hint />
                  </Field.Root>
                )}
                {cell(
                  <Field.Root name="adminUrl">
                    <Field.Label>{t('settings.adminUrl')}</Field.Label>
                    <TextInput
                      disabled={!canManageSettings}
                      value={settings.notifications.adminUrl}
                      onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                        update('notifications', { adminUrl: event.target.value })
                      }
                    />
                  </Field.Root>
                )}
                {cell(
                  list('emails', settings.notifications.emails, (emails) =>
                    update('notifications', { emails })
                  )
                )}
                {cell(
                  number('debounceSeconds', settings.notifications.debounceSeconds, (debounceSeconds) =>
                    update('notifications', { debounceSeconds })
                  )
                )}
              </>
            )}
            {section(
              'externalScorer',
              <>
                {cell(
                  toggle('scorerEnabled', settings.externalScorer.enabled, (enabled) =>
                    update('externalScorer', { enabled })
                  )
                )}
                {cell(
                  <Field.Root name="scorerUrl" hint={t('settings.secretHint')}>
                    <Field.Label>{t('settings.scorerUrl')}</Field.Label>
                    <TextInput
                      disabled={!canManageSettings}
                      value={settings.externalScorer.url}
                      onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                        update('externalScorer', { url: event.target.value })
                      }
                    />
                    <Field.Hint />
                  </Field.Root>
                )}
                {cell(
                  number('timeoutMs', settings.externalScorer.timeoutMs, (timeoutMs) =>
                    update('externalScorer', { timeoutMs })
                  ),
                  4
                )}
                {cell(
                  number(
                    'holdAbove',
                    settings.externalScorer.holdAbove,
                    (holdAbove) => update('externalScorer', { holdAbove }),
                    0.05
                  ),
                  4
                )}
                {cell(
                  number(
                    'rejectAbove',
                    settings.externalScorer.rejectAbove,
                    (rejectAbove) => update('externalScorer', { rejectAbove }),
                    0.05
                  ),
                  4
                )}
              </>
            )}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
