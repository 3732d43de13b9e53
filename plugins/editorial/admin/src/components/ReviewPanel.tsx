/**
 * Side panel of the edit view of a document under review (a post; a contest's rules; a campaign's
 * brief): where this locale stands, what this user may do, the comments and history.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useApiError } from '@porte-voix/kit/admin';
import { useIntl } from 'react-intl';

import { useEditorialApi, type HistoryEntry, type Review, type ReviewStatus } from '../api/editorial';
import { takesPart, useReviewedTypes } from '../hooks/useReviewedTypes';
import { useT } from '../hooks/useT';

const STATUS_COLORS: Record<ReviewStatus, { text: string; background: string }> = {
  draft: { text: 'neutral600', background: 'neutral150' },
  in_review: { text: 'warning700', background: 'warning100' },
  approved: { text: 'success600', background: 'success100' },
};

const Entry = ({ entry }: { entry: HistoryEntry }) => {
  const t = useT();
  const { formatDate } = useIntl();
  return (
    <Box paddingTop={1} paddingBottom={1} data-testid={`review-history-${entry.action}`}>
      <Typography variant="pi" textColor="neutral600">
        {formatDate(entry.createdAt, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}{' '}
        · {entry.actorName ?? t('history.someone')}
      </Typography>
      <Typography tag="p" variant="omega">
        {t(`history.${entry.action}`)}
        {entry.variant ? ` (${entry.variant})` : ''}
      </Typography>
      {entry.reason && (
        <Typography tag="p" variant="omega" textColor="neutral800">
          « {entry.reason} »
        </Typography>
      )}
      {(entry.details?.changes ?? []).map((change) => (
        <Typography key={change.field} tag="p" variant="pi" textColor="neutral600">
          {change.field === 'body' ? t('history.field.body') : change.field.replace('variant:', '')}:{' '}
          <s>{change.before ?? '∅'}</s> → {change.after ?? '∅'}
        </Typography>
      ))}
    </Box>
  );
};

const PanelContent = ({
  type,
  documentId,
  locale,
  variants,
  savedAt,
}: {
  type: string;
  documentId: string;
  locale: string;
  variants: string[];
  savedAt?: string;
}) => {
  const t = useT();
  const api = useEditorialApi();
  const apiError = useApiError();
  const [review, setReview] = useState<Review | null>(null);
  const [comment, setComment] = useState('');
  const [variant, setVariant] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const subject = { type, documentId, locale };

  const load = useCallback(
    () => api.review({ type, documentId, locale }).then(setReview, (e) => setError(apiError.message(e))),
    [api, apiError, type, documentId, locale]
  );
  useEffect(() => {
    load();
  }, [load, savedAt]);

  const act = async (action: () => Promise<Review>, clearComment = false) => {
    setBusy(true);
    setError(null);
    try {
      setReview(await action());
      if (clearComment) setComment('');
    } catch (e) {
      setError(apiError.message(e));
      await load();
    } finally {
      setBusy(false);
    }
  };

  if (!review) return error ? <Typography textColor="danger600">{error}</Typography> : null;
  const colors = STATUS_COLORS[review.status];
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="review-panel">
      <Flex gap={2} wrap="wrap">
        <Badge
          textColor={colors.text}
          backgroundColor={colors.background}
          data-testid={`review-status-${review.status}`}
        >
          {t(`status.${review.status}`)}
        </Badge>
        <Typography variant="pi" textColor="neutral600">
          {t('review.version', { hash: review.hash.slice(0, 8) })}
        </Typography>
      </Flex>
      {review.status === 'in_review' && (
        <Typography variant="pi">
          {t('review.approvals', { given: review.approvals.length, required: review.requiredApprovals })}
        </Typography>
      )}
      {review.lastEditor && (
        <Typography variant="pi" textColor="neutral600">
          {t('review.lastEditor', { name: review.lastEditor })}
        </Typography>
      )}
      {review.status === 'in_review' && review.ownVersion && (
        <Typography variant="pi" textColor="neutral600">
          {t('review.ownVersion')}
        </Typography>
      )}
      <Flex gap={2} wrap="wrap">
        {review.actions.submit && (
          <Button onClick={() => act(() => api.submit(subject))} loading={busy} data-testid="review-submit">
            {t('review.submit')}
          </Button>
        )}
        {review.actions.approve && (
          <Button
            variant="success"
            onClick={() => act(() => api.approve(subject, review.hash))}
            loading={busy}
            data-testid="review-approve"
          >
            {t('review.approve')}
          </Button>
        )}
        {review.actions.revert && (
          <Button
            variant="tertiary"
            onClick={() => act(() => api.revert(subject))}
            loading={busy}
            data-testid="review-revert"
          >
            {t('review.revert')}
          </Button>
        )}
      </Flex>
      {review.actions.comment && (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Field.Root name="review-comment">
            <Field.Label>{t('comment.label')}</Field.Label>
            <Textarea
              value={comment}
              onChange={(e: { target: { value: string } }) => setComment(e.target.value)}
            />
          </Field.Root>
          {variants.length > 0 && (
            <SingleSelect
              aria-label={t('comment.variant')}
              placeholder={t('comment.variant')}
              value={variant ?? ''}
              onChange={(value: string | number) => setVariant(value ? String(value) : null)}
              onClear={() => setVariant(null)}
            >
              {variants.map((network) => (
                <SingleSelectOption key={network} value={network}>
                  {network}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          )}
          <Flex gap={2} wrap="wrap">
            <Button
              variant="secondary"
              disabled={!comment.trim()}
              onClick={() => act(() => api.comment(subject, comment, variant), true)}
              loading={busy}
              data-testid="review-comment"
            >
              {t('comment.send')}
            </Button>
            {review.actions.requestChanges && (
              <Button
                variant="danger-light"
                disabled={!comment.trim()}
                onClick={() => act(() => api.requestChanges(subject, comment, variant), true)}
                loading={busy}
                data-testid="review-request-changes"
              >
                {t('review.requestChanges')}
              </Button>
            )}
          </Flex>
        </Flex>
      )}
      {error && (
        <Typography variant="pi" textColor="danger600" data-testid="review-error">
          {error}
        </Typography>
      )}
      <Box>
        <Typography variant="sigma" textColor="neutral600">
          {t('history.title')}
        </Typography>
        {[...review.history].reverse().map((entry) => (
          <Entry key={entry.id} entry={entry} />
        ))}
      </Box>
    </Flex>
  );
};

/** A content-manager side panel description; only documents under review that exist get one, per locale. */
const ReviewPanel = ({
  model,
  documentId,
  document,
}: {
  model: string;
  documentId?: string;
  document?: {
    locale?: string;
    updatedAt?: string;
    variants?: { network?: string }[];
    [field: string]: unknown;
  };
}) => {
  const t = useT();
  const types = useReviewedTypes();
  if (!documentId || !document?.locale || !takesPart(types, model, document)) return null;
  const variants = [...new Set((document.variants ?? []).map((v) => v.network).filter(Boolean) as string[])];
  return {
    title: t('panel.title'),
    content: (
      <PanelContent
        type={model}
        documentId={documentId}
        locale={document.locale}
        variants={variants}
        savedAt={document.updatedAt}
      />
    ),
  };
};

export { ReviewPanel };
