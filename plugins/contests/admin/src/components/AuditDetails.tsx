import { Flex, Typography } from '@strapi/design-system';

import { useT } from '../hooks/useT';

/** How many items of a list are named before "+N". */
const LISTED = 5;
/** Hashes and commitments are long: their start is enough to compare, the whole is in the tooltip. */
const LONG_HEX = /^[0-9a-f]{20,}$/i;

type Value = unknown;

/**
 * The details of an audit entry as a person reads them: each known field by its name in the
 * reader's language, lists shortened, hashes abbreviated (whole in the tooltip), statuses translated.
 */
export const AuditDetails = ({ details }: { details: Record<string, Value> | null }) => {
  const t = useT();
  if (!details) return null;

  const show = (key: string, value: Value): { text: string; title?: string } => {
    if (value === null || value === undefined || value === '') return { text: '—' };
    if (typeof value === 'boolean') return { text: t(value ? 'audit.value.yes' : 'audit.value.no') };
    if (typeof value === 'number') return { text: value.toLocaleString() };
    if (Array.isArray(value)) {
      const shown = value.slice(0, LISTED).map((item) => show(key, item).text);
      const more = value.length - shown.length;
      return {
        text: `${value.length} · ${shown.join(', ')}${more > 0 ? ` ${t('audit.value.more', { count: more })}` : ''}`,
        title: value.map(String).join(', '),
      };
    }
    if (typeof value === 'string') {
      if ((key === 'previousStatus' || key === 'status') && /^[a-z_]+$/.test(value))
        return { text: t(`status.${value}`) };
      if (key === 'outcome') return { text: t(`audit.outcome.${value}`) };
      if (key === 'locale') return { text: t(`audit.locale.${value}`) };
      if (LONG_HEX.test(value)) return { text: `${value.slice(0, 12)}…`, title: value };
      return { text: value };
    }
    return { text: JSON.stringify(value), title: JSON.stringify(value) };
  };

  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      {Object.entries(details).map(([key, value]) => {
        const { text, title } = show(key, value);
        return (
          <Typography key={key} variant="pi" title={title} data-testid={`audit-detail-${key}`}>
            <Typography variant="pi" fontWeight="semiBold">
              {t(`audit.detail.${key}`)}
            </Typography>{' '}
            {text}
          </Typography>
        );
      })}
    </Flex>
  );
};
