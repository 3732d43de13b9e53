import { useState } from 'react';
import { Box, Button, Flex, Textarea, Typography } from '@strapi/design-system';
import { useApiError } from '@porte-voix/kit/admin';

import { useContestsApi } from '../api/contests';
import { useT } from '../hooks/useT';

const download = (content: string, filename: string, type: string) => {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
};

/** The règlement in French or English, and the CSV export of the entries. */
export const RulesPanel = ({ eventDocumentId }: { eventDocumentId: string }) => {
  const t = useT();
  const apiError = useApiError();
  const api = useContestsApi();
  const [rules, setRules] = useState<{ locale: 'fr' | 'en'; markdown: string } | null>(null);

  const generate = async (locale: 'fr' | 'en') => {
    try {
      setRules({ locale, markdown: await api.rules(eventDocumentId, locale) });
    } catch (error) {
      apiError.notify(error);
    }
  };

  const exportCsv = async () => {
    try {
      download(
        await api.exportCsv(eventDocumentId),
        `contest-${eventDocumentId}-entries.csv`,
        'text/csv;charset=utf-8'
      );
    } catch (error) {
      apiError.notify(error);
    }
  };

  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Flex justifyContent="space-between">
        <Typography variant="delta" tag="h2">
          {t('rules.title')}
        </Typography>
        <Flex gap={2}>
          <Button variant="secondary" onClick={() => generate('fr')}>
            {t('rules.fr')}
          </Button>
          <Button variant="secondary" onClick={() => generate('en')}>
            {t('rules.en')}
          </Button>
          <Button variant="tertiary" onClick={exportCsv}>
            {t('export.csv')}
          </Button>
        </Flex>
      </Flex>
      {rules && (
        <Box paddingTop={4}>
          <Textarea aria-label={t('rules.title')} value={rules.markdown} readOnly rows={18} />
          <Flex paddingTop={2} justifyContent="flex-end">
            <Button
              variant="tertiary"
              onClick={() =>
                download(
                  rules.markdown,
                  `reglement-${eventDocumentId}-${rules.locale}.md`,
                  'text/markdown;charset=utf-8'
                )
              }
            >
              {t('rules.download')}
            </Button>
          </Flex>
        </Box>
      )}
    </Box>
  );
};
