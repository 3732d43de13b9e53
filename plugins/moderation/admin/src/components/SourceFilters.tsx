import { Box, SingleSelect, SingleSelectOption } from '@strapi/design-system';

import { INTENTS } from '../api/moderation';
import { useInboxSources } from '../hooks/useInboxSources';
import { useT } from '../hooks/useT';
import { networkName } from '../utils/network-names';

/** The value a select shows for "any": the URL then has no such filter. */
const ANY = 'any';

type Props = {
  value: (key: string) => string;
  onChange: (key: string, value: string) => void;
};

/**
 * Where comments come from (our site, the networks, one network), their language (said by the network
 * or guessed), what they seem to want, and the order.
 */
export const SourceFilters = ({ value, onChange }: Props) => {
  const t = useT();
  const { networks } = useInboxSources();
  const select = (key: string, options: { value: string; label: string }[], fallback = ANY) => (
    <Box flex="1" minWidth="170px">
      <SingleSelect
        aria-label={t(`filters.${key}`)}
        value={value(key) || fallback}
        onChange={(picked: string | number) => onChange(key, picked === ANY ? '' : String(picked))}
        data-testid={`filter-${key}`}
      >
        {options.map((option) => (
          <SingleSelectOption key={option.value} value={option.value}>
            {option.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Box>
  );
  return (
    <>
      {select('source', [
        { value: ANY, label: t('filters.source.any') },
        { value: 'frontend', label: t('filters.source.frontend') },
        { value: 'networks', label: t('filters.source.networks') },
        { value: 'private-messages', label: t('filters.source.privateMessages') },
        // Network names are brands: not translated.
        ...networks.map((network) => ({ value: network, label: networkName(network) })),
      ])}
      {select('language', [
        { value: ANY, label: t('filters.language.any') },
        { value: 'fr', label: t('filters.language.fr') },
        { value: 'en', label: t('filters.language.en') },
        { value: 'other', label: t('filters.language.other') },
      ])}
      {select('intent', [
        { value: ANY, label: t('filters.intent.any') },
        ...INTENTS.map((intent) => ({ value: intent, label: t(`intent.${intent}`) })),
      ])}
      {select(
        'sort',
        [
          { value: 'priority', label: t('filters.sort.priority') },
          { value: 'newest', label: t('filters.sort.newest') },
        ],
        'priority'
      )}
    </>
  );
};
