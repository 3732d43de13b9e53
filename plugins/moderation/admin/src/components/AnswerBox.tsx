import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Flex,
  Link,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useApiError } from '@porte-voix/kit/admin';

import { useModerationApi, type Answer, type Card, type SavedReply } from '../api/moderation';
import { useT } from '../hooks/useT';
import { networkName } from '../utils/network-names';

const STATUS_COLOURS: Record<Answer['status'], { backgroundColor: string; textColor: string }> = {
  sent: { backgroundColor: 'success100', textColor: 'success700' },
  sending: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  unconfirmed: { backgroundColor: 'warning100', textColor: 'warning700' },
  failed: { backgroundColor: 'danger100', textColor: 'danger700' },
  deleted: { backgroundColor: 'neutral150', textColor: 'neutral700' },
};

/** A key per answer typed: sending it twice (a double click, a retry after an error) publishes it once. */
const newKey = () =>
  `answer-${Date.now().toString(36)}-${Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(16).padStart(2, '0')
  ).join('')}`;

/** A saved reply made for this reader: `{author}` becomes their handle. */
export const fillSavedReply = (body: string, card: Pick<Card, 'authorName' | 'source'>) =>
  body.replace(/\{author\}/g, card.source?.authorHandle ?? card.authorName);

/** The saved replies in the item's language first, then the others. */
export const savedRepliesFor = (replies: SavedReply[], locale: string) => [
  ...replies.filter((reply) => reply.language === locale),
  ...replies.filter((reply) => reply.language !== locale),
];

/** Answer a collected reply as the account, on its network, and see what was answered before. */
export const AnswerBox = ({ card }: { card: Card }) => {
  const t = useT();
  const api = useModerationApi();
  const apiError = useApiError();
  const [text, setText] = useState('');
  const [answers, setAnswers] = useState<Answer[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newKey());
  const [saved, setSaved] = useState<SavedReply[]>([]);
  useEffect(() => {
    let live = true;
    api
      .savedReplies()
      .then((replies) => live && setSaved(savedRepliesFor(replies, card.locale)))
      .catch(() => live && setSaved([]));
    return () => {
      live = false;
    };
  }, [api, card.locale]);

  const load = useCallback(async () => {
    try {
      setAnswers(await api.answers(card.id));
    } catch {
      setAnswers([]);
    }
  }, [api, card.id]);
  useEffect(() => {
    load();
  }, [load]);

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.answer(card.id, { text, idempotencyKey: key.current });
      // Only an answer that went out frees the box; an unknown outcome keeps its key for a safe retry.
      if (answer.status === 'sent') {
        setText('');
        key.current = newKey();
      }
      await load();
    } catch (err) {
      setError(apiError.message(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box onClick={(event: React.MouseEvent) => event.stopPropagation()} data-testid="answer-box">
      <Flex direction="column" alignItems="stretch" gap={2}>
        {answers.map((answer) => (
          <Flex key={answer.id} gap={2} alignItems="center" wrap="wrap" data-testid="answer">
            <Badge {...STATUS_COLOURS[answer.status]}>{t(`answer.status.${answer.status}`)}</Badge>
            <Typography variant="pi">{answer.text}</Typography>
            {answer.url && (
              <Link href={answer.url} isExternal>
                {t('answer.see')}
              </Link>
            )}
            {answer.status === 'sent' && (
              <Button
                size="S"
                variant="danger-light"
                onClick={async () => {
                  setError(null);
                  try {
                    await api.deleteAnswer(card.id, answer.id);
                    await load();
                  } catch (err) {
                    setError(apiError.message(err));
                  }
                }}
              >
                {t('answer.delete')}
              </Button>
            )}
            {answer.status !== 'sent' && answer.status !== 'deleted' && answer.failureKind && (
              <Typography variant="pi" textColor="danger600" data-testid="answer-failure-kind">
                {t(`answer.failure.${answer.failureKind}`)}
              </Typography>
            )}
            {answer.status !== 'sent' && answer.status !== 'deleted' && answer.failureReason && (
              <Typography variant="pi" textColor={answer.failureKind ? 'neutral600' : 'danger600'}>
                {answer.failureReason}
              </Typography>
            )}
          </Flex>
        ))}
        {saved.length > 0 && (
          <SingleSelect
            aria-label={t('answer.savedReply')}
            placeholder={t('answer.savedReply')}
            value=""
            onChange={(value: string | number) => {
              const picked = saved.find((reply) => String(reply.id) === String(value));
              if (!picked) return;
              setText(fillSavedReply(picked.body, card));
              key.current = newKey();
            }}
            data-testid="saved-reply-picker"
          >
            {saved.map((reply) => (
              <SingleSelectOption key={reply.id} value={String(reply.id)}>
                {`${reply.language.toUpperCase()} · ${reply.title}`}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        )}
        <Textarea
          name="answer"
          aria-label={t('answer.label', { account: card.source?.accountName ?? '' })}
          placeholder={t(card.source?.privateMessage ? 'answer.placeholderPrivate' : 'answer.placeholder', {
            account: card.source?.accountName ?? '',
            author: card.source?.authorHandle ?? card.authorName,
          })}
          value={text}
          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
            setText(event.target.value);
            // Changed text is another answer: it gets its own key.
            key.current = newKey();
          }}
        />
        {card.source?.privateMessage && (
          <Typography variant="pi" textColor="neutral600" data-testid="answer-private">
            {t('answer.private', { author: card.source.authorHandle ?? card.authorName })}
          </Typography>
        )}
        {error && (
          <Typography variant="pi" textColor="danger600">
            {error}
          </Typography>
        )}
        <Flex>
          <Button size="S" onClick={send} loading={busy} disabled={!text.trim() || busy}>
            {t('answer.send', { network: networkName(card.source?.network ?? '') })}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};
