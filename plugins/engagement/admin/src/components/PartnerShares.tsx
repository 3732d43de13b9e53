import { useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Duplicate, Link as LinkIcon } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useApiError } from '@porte-voix/kit/admin';

import type { Period } from '../api/engagement';
import { usePartnersApi, type CreatedShare, type PartnerShare, type ShareInput } from '../api/partners';
import { useFormat } from '../hooks/useFormat';
import { useLoad } from '../hooks/useLoad';
import { useT } from '../hooks/useT';
import { Section } from './Section';
import { SortableTable, type Column } from './SortableTable';

const EXPIRIES = [7, 30, 90] as const;

/**
 * Read-only links for the partner: they open this partnership's figures without an admin login,
 * in the partner's language, until they expire or are revoked. The address is shown once.
 */
export const PartnerShares = ({ documentId, period }: { documentId: string; period: Period }) => {
  const t = useT();
  const format = useFormat();
  const api = usePartnersApi();
  const apiError = useApiError();
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const shares = useLoad(() => api.shares(documentId), documentId);
  const [expiresInDays, setExpiresInDays] = useState<ShareInput['expiresInDays']>(30);
  const [scope, setScope] = useState<'period' | 'toDate'>('period');
  const [language, setLanguage] = useState<ShareInput['language']>(locale.startsWith('fr') ? 'fr' : 'en');
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedShare | null>(null);
  const createdUrl = created ? (created.url ?? `${window.location.origin}${created.path}`) : '';

  const create = async () => {
    setBusy(true);
    try {
      const share = await api.share(documentId, {
        expiresInDays,
        from: period.from,
        to: scope === 'period' ? period.to : null,
        language,
      });
      setCreated(share);
      shares.reload();
    } catch (error) {
      apiError.notify(error);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (share: PartnerShare) => {
    try {
      await api.revoke(share.id);
      toggleNotification({ type: 'success', message: t('share.revoked') });
      if (created?.id === share.id) setCreated(null);
      shares.reload();
    } catch (error) {
      apiError.notify(error);
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(createdUrl);
      toggleNotification({ type: 'success', message: t('share.copied') });
    } catch {
      toggleNotification({ type: 'info', message: createdUrl });
    }
  };

  const columns: Column<PartnerShare>[] = [
    {
      key: 'createdAt',
      label: t('share.createdAt'),
      sort: (row) => row.createdAt,
      render: (row) => <Typography>{format.dateTime(row.createdAt)}</Typography>,
    },
    {
      key: 'period',
      label: t('share.period'),
      render: (row) => (
        <Typography>
          {row.to
            ? t('share.periodFixed', { from: format.day(row.from), to: format.day(row.to) })
            : t('share.periodToDate', { from: format.day(row.from) })}
        </Typography>
      ),
    },
    {
      key: 'language',
      label: t('share.language'),
      sort: (row) => row.language,
      render: (row) => <Typography>{t(`share.language.${row.language}`)}</Typography>,
    },
    {
      key: 'expiresAt',
      label: t('share.expiresAt'),
      sort: (row) => row.expiresAt,
      render: (row) => <Typography>{format.dateTime(row.expiresAt)}</Typography>,
    },
    {
      key: 'status',
      label: t('table.status'),
      sort: (row) => row.status,
      render: (row) => <Badge active={row.status === 'active'}>{t(`share.status.${row.status}`)}</Badge>,
    },
    {
      key: 'actions',
      label: t('table.actions'),
      render: (row) =>
        row.status === 'active' ? (
          <Button
            variant="danger-light"
            size="S"
            onClick={() => revoke(row)}
            data-testid={`share-revoke-${row.id}`}
          >
            {t('share.revoke')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Section title={t('share.title')} testId="partner-shares">
      <Typography textColor="neutral600">{t('share.explain')}</Typography>
      <Flex gap={3} wrap="wrap" alignItems="flex-end">
        <Box minWidth="160px">
          <Field.Root name="expiresInDays">
            <Field.Label>{t('share.expiry')}</Field.Label>
            <SingleSelect
              value={String(expiresInDays)}
              onChange={(value: string | number) =>
                setExpiresInDays(Number(value) as ShareInput['expiresInDays'])
              }
              data-testid="share-expiry"
            >
              {EXPIRIES.map((days) => (
                <SingleSelectOption key={days} value={String(days)}>
                  {t('share.expiryDays', { days })}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        <Box minWidth="260px">
          <Field.Root name="scope">
            <Field.Label>{t('share.period')}</Field.Label>
            <SingleSelect
              value={scope}
              onChange={(value: string | number) => setScope(value === 'toDate' ? 'toDate' : 'period')}
            >
              <SingleSelectOption value="period">
                {t('share.periodFixed', { from: format.day(period.from), to: format.day(period.to) })}
              </SingleSelectOption>
              <SingleSelectOption value="toDate">
                {t('share.periodToDate', { from: format.day(period.from) })}
              </SingleSelectOption>
            </SingleSelect>
          </Field.Root>
        </Box>
        <Box minWidth="160px">
          <Field.Root name="language">
            <Field.Label>{t('share.language')}</Field.Label>
            <SingleSelect
              value={language}
              onChange={(value: string | number) => setLanguage(value === 'en' ? 'en' : 'fr')}
            >
              <SingleSelectOption value="fr">{t('share.language.fr')}</SingleSelectOption>
              <SingleSelectOption value="en">{t('share.language.en')}</SingleSelectOption>
            </SingleSelect>
          </Field.Root>
        </Box>
        <Button startIcon={<LinkIcon />} loading={busy} onClick={create} data-testid="share-create">
          {t('share.create')}
        </Button>
      </Flex>
      {created && (
        <Box background="success100" padding={4} hasRadius data-testid="share-created">
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography fontWeight="semiBold">{t('share.createdOnce')}</Typography>
            <Flex gap={2}>
              <Box flex="1">
                <TextInput
                  aria-label={t('share.url')}
                  value={createdUrl}
                  readOnly
                  data-testid="share-url"
                  onFocus={(event: React.FocusEvent<HTMLInputElement>) => event.target.select()}
                />
              </Box>
              <Button variant="secondary" startIcon={<Duplicate />} onClick={copy}>
                {t('share.copy')}
              </Button>
            </Flex>
          </Flex>
        </Box>
      )}
      {shares.error ? <Typography textColor="danger600">{apiError.message(shares.error)}</Typography> : null}
      {shares.data && shares.data.length > 0 && (
        <SortableTable
          columns={columns}
          rows={shares.data}
          rowKey={(row) => String(row.id)}
          initialSort={{ key: 'createdAt', direction: 'desc' }}
          caption={t('share.title')}
          testId="share-list"
        />
      )}
    </Section>
  );
};
