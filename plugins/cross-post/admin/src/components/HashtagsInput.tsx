import { forwardRef, useEffect, useState } from 'react';
import { Box, Field, Flex, Tag, TextButton, TextInput, Typography } from '@strapi/design-system';
import { Cross } from '@strapi/icons';

import { hashtagKey, hashtagOf, MAX_HASHTAGS } from '../../../server/src/domain/hashtags';
import { useCrossPostApi } from '../api/crossPost';
import { useT } from '../hooks/useT';

/** What the Content Manager gives a custom field's input (Strapi 5.54 InputRenderer). */
type Props = {
  name: string;
  label?: string;
  hint?: string | React.ReactNode;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  value?: unknown;
  onChange: (name: string, value: unknown) => void;
};

/** Two spellings of one tag (`#Vélo`, `#velo`) are one hashtag. */
const sameTag = (a: string, b: string) => hashtagKey(a) === hashtagKey(b);

/**
 * The hashtags of a post or a campaign, typed one by one: Enter, space or a comma adds the word
 * (with its `#`), a paste adds each word, Backspace in the empty box takes the last one back, and
 * hashtags already used on other posts are suggested as you type.
 */
export const HashtagsInput = forwardRef<HTMLInputElement, Props>(
  ({ name, label, hint, error, required, disabled, value, onChange }, ref) => {
    const t = useT();
    const api = useCrossPostApi();
    const tags = Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string') : [];
    const [typed, setTyped] = useState('');
    const [refused, setRefused] = useState<string | null>(null);
    const [suggestions, setSuggestions] = useState<Array<{ tag: string; uses: number }>>([]);

    useEffect(() => {
      if (disabled) return;
      let live = true;
      const timer = setTimeout(() => {
        api
          .hashtagSuggestions(typed.replace(/^#+/, ''))
          .then((found) => live && setSuggestions(found))
          .catch(() => live && setSuggestions([]));
      }, 200);
      return () => {
        live = false;
        clearTimeout(timer);
      };
    }, [api, typed, disabled]);

    const add = (words: string[]) => {
      const next = [...tags];
      for (const word of words) {
        if (!word.trim()) continue;
        const tag = hashtagOf(word);
        if (!tag) {
          setRefused(word.trim());
          continue;
        }
        if (next.length >= MAX_HASHTAGS) {
          setRefused(null);
          break;
        }
        if (!next.some((held) => sameTag(held, tag))) next.push(tag);
      }
      if (next.length !== tags.length) onChange(name, next);
    };
    const remove = (tag: string) =>
      onChange(
        name,
        tags.filter((held) => held !== tag)
      );
    const offered = suggestions.filter((s) => !tags.some((held) => sameTag(held, s.tag))).slice(0, 8);

    return (
      <Field.Root name={name} hint={hint} error={error} required={required}>
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Field.Label>{label}</Field.Label>
          {tags.length > 0 && (
            <Flex gap={1} wrap="wrap" data-testid="hashtags-held">
              {tags.map((tag) => (
                <Tag
                  key={tag}
                  icon={<Cross aria-hidden />}
                  disabled={disabled}
                  onClick={() => remove(tag)}
                  label={t('hashtags.remove', { tag })}
                >
                  {tag}
                </Tag>
              ))}
            </Flex>
          )}
          <TextInput
            ref={ref}
            value={typed}
            disabled={disabled || tags.length >= MAX_HASHTAGS}
            placeholder={
              tags.length >= MAX_HASHTAGS
                ? t('hashtags.full', { max: MAX_HASHTAGS })
                : t('hashtags.placeholder')
            }
            aria-label={label}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
              const text = event.target.value;
              // A separator typed or pasted closes the words before it.
              if (/[\s,;]/.test(text)) {
                const words = text.split(/[\s,;]+/);
                add(words.slice(0, -1));
                setTyped(words.at(-1) ?? '');
              } else {
                setRefused(null);
                setTyped(text);
              }
            }}
            onKeyDown={(event: React.KeyboardEvent<HTMLInputElement>) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add([typed]);
                setTyped('');
              } else if (event.key === 'Backspace' && typed === '' && tags.length > 0) {
                remove(tags[tags.length - 1]);
              }
            }}
            onBlur={() => {
              if (typed.trim()) {
                add([typed]);
                setTyped('');
              }
            }}
          />
          {refused && (
            <Typography variant="pi" textColor="danger600" data-testid="hashtags-refused">
              {t('hashtags.refused', { typed: refused })}
            </Typography>
          )}
          {offered.length > 0 && !disabled && (
            <Box>
              <Flex gap={2} wrap="wrap" data-testid="hashtags-suggested">
                <Typography variant="pi" textColor="neutral600">
                  {t('hashtags.suggested')}
                </Typography>
                {offered.map((suggestion) => (
                  <TextButton
                    key={suggestion.tag}
                    onClick={() => {
                      add([suggestion.tag]);
                      setTyped('');
                    }}
                    aria-label={t('hashtags.add', { tag: suggestion.tag, uses: suggestion.uses })}
                  >
                    {suggestion.tag}
                  </TextButton>
                ))}
              </Flex>
            </Box>
          )}
          <Field.Hint />
          <Field.Error />
        </Flex>
      </Field.Root>
    );
  }
);
HashtagsInput.displayName = 'HashtagsInput';
