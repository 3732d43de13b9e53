import { useEffect, useState } from 'react';
import {
  Button,
  Field,
  Flex,
  Grid,
  Modal,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useApiError } from '@porte-voix/kit/admin';

import {
  useLinksApi,
  type NewLink,
  type TargetOption,
  type TargetType,
  type TrackedLink,
  type UtmField,
} from '../api/links';
import { useT } from '../hooks/useT';

const TARGET_TYPES: TargetType[] = ['post', 'campaign', 'partnership', 'event'];
const UTM_FIELDS: UtmField[] = ['source', 'medium', 'campaign', 'term', 'content'];
/** The delivery choice of a post: one link, one per delivery, or one delivery's. */
const WHOLE_POST = 'whole';
const PER_DELIVERY = 'each';

type Props = { onCreated: (links: TrackedLink[]) => void; onClose: () => void };

/** A new tracked link: what it is for, where it goes, and its own UTM values. */
export const CreateLinkDialog = ({ onCreated, onClose }: Props) => {
  const t = useT();
  const api = useLinksApi();
  const apiError = useApiError();
  const [type, setType] = useState<TargetType>('post');
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<TargetOption[]>([]);
  const [targetId, setTargetId] = useState<string>('');
  const [deliveryChoice, setDeliveryChoice] = useState<string>(WHOLE_POST);
  const [deliverable, setDeliverable] = useState('');
  const [campaign, setCampaign] = useState('');
  const [destinationUrl, setDestinationUrl] = useState('');
  const [label, setLabel] = useState('');
  const [utm, setUtm] = useState<Partial<Record<UtmField, string>>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Documents matching the search, asked a moment after the last keystroke.
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api.targets(type, search).then(
        (found) => current && setOptions(found),
        (err) => current && setError(apiError.message(err))
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, apiError, type, search]);

  const target = options.find((option) => option.documentId === targetId);

  const chooseType = (next: TargetType) => {
    setType(next);
    setTargetId('');
    setSearch('');
    setDeliveryChoice(WHOLE_POST);
    setDeliverable('');
    setCampaign('');
  };

  const submit = async () => {
    if (!target) return;
    const link: NewLink = {
      target: {
        type,
        documentId: target.documentId,
        ...(type === 'post' && deliveryChoice === PER_DELIVERY && { perDelivery: true }),
        ...(type === 'post' &&
          deliveryChoice !== WHOLE_POST &&
          deliveryChoice !== PER_DELIVERY && { deliveryId: Number(deliveryChoice) }),
        ...(type === 'partnership' && deliverable && { deliverable }),
        ...(type === 'partnership' && campaign && { campaign }),
      },
      ...(destinationUrl.trim() && { destinationUrl: destinationUrl.trim() }),
      ...(label.trim() && { label: label.trim() }),
      utm: Object.fromEntries(Object.entries(utm).filter(([, value]) => value?.trim())),
    };
    setSaving(true);
    setError(null);
    try {
      onCreated(await api.create(link));
      onClose();
    } catch (err) {
      setError(apiError.message(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('create.title')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Grid.Root gap={4}>
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                <Field.Root name="targetType">
                  <Field.Label>{t('create.targetType')}</Field.Label>
                  <SingleSelect
                    value={type}
                    onChange={(value: string | number) => chooseType(value as TargetType)}
                  >
                    {TARGET_TYPES.map((option) => (
                      <SingleSelectOption key={option} value={option}>
                        {t(`target.${option}`)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
                <Field.Root name="search" hint={t('create.searchHint')}>
                  <Field.Label>{t('create.search')}</Field.Label>
                  <TextInput
                    value={search}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) => setSearch(event.target.value)}
                  />
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
            </Grid.Root>

            <Field.Root name="target" required>
              <Field.Label>{t(`target.${type}`)}</Field.Label>
              <SingleSelect
                value={targetId}
                placeholder={options.length ? t('create.pick') : t('create.noMatch')}
                onChange={(value: string | number) => {
                  setTargetId(String(value));
                  setDeliveryChoice(WHOLE_POST);
                  setDeliverable('');
                  setCampaign('');
                }}
              >
                {options.map((option) => (
                  <SingleSelectOption key={option.documentId} value={option.documentId}>
                    {option.label}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>

            {type === 'post' && target && (
              <Field.Root name="delivery" hint={t('create.deliveryHint')}>
                <Field.Label>{t('create.delivery')}</Field.Label>
                <SingleSelect
                  value={deliveryChoice}
                  onChange={(value: string | number) => setDeliveryChoice(String(value))}
                >
                  <SingleSelectOption value={WHOLE_POST}>{t('create.wholePost')}</SingleSelectOption>
                  {(target.deliveries?.length ?? 0) > 0 && (
                    <SingleSelectOption value={PER_DELIVERY}>
                      {t('create.perDelivery', { count: target.deliveries!.length })}
                    </SingleSelectOption>
                  )}
                  {(target.deliveries ?? []).map((delivery) => (
                    <SingleSelectOption key={delivery.id} value={String(delivery.id)}>
                      {t('create.oneDelivery', { network: delivery.network, id: delivery.id })}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Hint />
              </Field.Root>
            )}

            {type === 'partnership' && target && (
              <Grid.Root gap={4}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="deliverable">
                    <Field.Label>{t('create.deliverable')}</Field.Label>
                    <SingleSelect
                      value={deliverable}
                      placeholder={t('create.wholePartnership')}
                      onChange={(value: string | number) => setDeliverable(String(value))}
                    >
                      <SingleSelectOption value="">{t('create.wholePartnership')}</SingleSelectOption>
                      {(target.deliverables ?? []).map((what) => (
                        <SingleSelectOption key={what} value={what}>
                          {what}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="campaign" hint={t('create.campaignHint')}>
                    <Field.Label>{t('target.campaign')}</Field.Label>
                    <SingleSelect
                      value={campaign}
                      placeholder={t('create.noCampaign')}
                      onChange={(value: string | number) => setCampaign(String(value))}
                    >
                      <SingleSelectOption value="">{t('create.noCampaign')}</SingleSelectOption>
                      {(target.campaigns ?? []).map((option) => (
                        <SingleSelectOption key={option.documentId} value={option.documentId}>
                          {option.label}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                    <Field.Hint />
                  </Field.Root>
                </Grid.Item>
              </Grid.Root>
            )}

            <Field.Root
              name="destinationUrl"
              required={!target?.defaultDestination}
              hint={
                target?.defaultDestination
                  ? t('create.destinationDefault', { url: target.defaultDestination })
                  : t('create.destinationHint')
              }
            >
              <Field.Label>{t('create.destination')}</Field.Label>
              <TextInput
                type="url"
                placeholder={target?.defaultDestination ?? 'https://'}
                value={destinationUrl}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  setDestinationUrl(event.target.value)
                }
              />
              <Field.Hint />
            </Field.Root>

            <Field.Root name="label" hint={t('create.labelHint')}>
              <Field.Label>{t('create.label')}</Field.Label>
              <TextInput
                value={label}
                placeholder={target?.label ?? ''}
                maxLength={200}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setLabel(event.target.value)}
              />
              <Field.Hint />
            </Field.Root>

            <Typography variant="sigma" textColor="neutral600">
              {t('create.utm')}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {t('create.utmHint')}
            </Typography>
            <Grid.Root gap={4}>
              {UTM_FIELDS.map((field) => (
                <Grid.Item key={field} col={4} s={12} direction="column" alignItems="stretch">
                  <Field.Root name={`utm.${field}`}>
                    <Field.Label>{`utm_${field}`}</Field.Label>
                    <TextInput
                      value={utm[field] ?? ''}
                      maxLength={100}
                      onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                        setUtm((current) => ({ ...current, [field]: event.target.value }))
                      }
                    />
                  </Field.Root>
                </Grid.Item>
              ))}
            </Grid.Root>

            {error && <Typography textColor="danger600">{error}</Typography>}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('action.cancel')}</Button>
          </Modal.Close>
          <Button
            onClick={submit}
            loading={saving}
            disabled={!target || (!target.defaultDestination && !destinationUrl.trim())}
            data-testid="create-link-submit"
          >
            {t('create.submit')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
