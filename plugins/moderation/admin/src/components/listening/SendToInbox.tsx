import { useState } from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { useApiError } from '@porte-voix/kit/admin';

import { useModerationApi, type AnsweringAccounts, type Card } from '../../api/moderation';
import { useT } from '../../hooks/useT';
import { answeringChoice } from '../../utils/answering-choice';

/**
 * A listening mention is answered once sent to the inbox, as one of our accounts of its network:
 * the only one goes without asking, several are offered to choose from (a mention found by search
 * was addressed to none of them). Only from then does it count in response times.
 */
export const SendToInbox = ({ card, onSent }: { card: Card; onSent: () => void }) => {
  const t = useT();
  const api = useModerationApi();
  const apiError = useApiError();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<AnsweringAccounts['accounts'] | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const network = card.source?.network ?? '';

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(apiError.message(err));
    } finally {
      setBusy(false);
    }
  };
  const send = (accountId: number) =>
    run(async () => {
      await api.sendToInbox(card.id, accountId);
      onSent();
    });
  const start = () =>
    run(async () => {
      const choice = answeringChoice((await api.answeringAccounts(card.id)).accounts);
      if (choice.kind === 'connect') setError(t('listening.noAccountToAnswer', { network }));
      else if (choice.kind === 'only') await send(choice.account.accountId);
      else setChoices(choice.accounts);
    });

  if (choices)
    return (
      <Box onClick={(event: React.MouseEvent) => event.stopPropagation()} data-testid="send-to-inbox">
        <Flex gap={2} alignItems="flex-end" wrap="wrap">
          <Field.Root
            name="accountId"
            error={error ?? undefined}
            hint={t('listening.answerAsHint', { network })}
          >
            <Field.Label>{t('listening.answerAs')}</Field.Label>
            <SingleSelect
              placeholder={t('listening.chooseAccount')}
              value={chosen === null ? undefined : String(chosen)}
              onChange={(value: string | number) => setChosen(Number(value))}
            >
              {choices.map((account) => (
                <SingleSelectOption key={account.accountId} value={String(account.accountId)}>
                  {account.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Field.Error />
            <Field.Hint />
          </Field.Root>
          <Button
            size="S"
            loading={busy}
            disabled={chosen === null}
            onClick={() => chosen !== null && send(chosen)}
          >
            {t('listening.sendAsAccount')}
          </Button>
          <Button
            size="S"
            variant="tertiary"
            onClick={() => {
              setChoices(null);
              setError(null);
            }}
          >
            {t('listening.cancel')}
          </Button>
        </Flex>
      </Box>
    );

  return (
    <Flex gap={2} alignItems="center" onClick={(event: React.MouseEvent) => event.stopPropagation()}>
      <Button size="S" variant="secondary" loading={busy} onClick={start}>
        {t('listening.sendToInbox')}
      </Button>
      <Typography variant="pi" textColor={error ? 'danger600' : 'neutral600'}>
        {error ?? t('listening.sendToInboxHint')}
      </Typography>
    </Flex>
  );
};
