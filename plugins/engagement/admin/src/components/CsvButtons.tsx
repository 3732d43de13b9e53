import { useState } from 'react';
import { Button, Flex } from '@strapi/design-system';
import { Download as DownloadIcon } from '@strapi/icons';
import { useApiError } from '@porte-voix/kit/admin';

import type { Download } from '../api/engagement';
import { useT } from '../hooks/useT';

/** Saves a file the server sent under the name it gave. */
export function saveFile({ name, blob }: Download) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * CSV of a report's tables, in the admin's language (French: `;` and decimal commas, which French
 * Excel opens as it is). Shown only to roles allowed to export.
 */
export const CsvButtons = <Table extends string>({
  tables,
  download,
}: {
  tables: Table[];
  download: (table: Table) => Promise<Download>;
}) => {
  const t = useT();
  const apiError = useApiError();
  const [busy, setBusy] = useState<Table | null>(null);

  const save = async (table: Table) => {
    setBusy(table);
    try {
      saveFile(await download(table));
    } catch (error) {
      apiError.notify(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex gap={2} wrap="wrap" data-print-hide>
      {tables.map((table) => (
        <Button
          key={table}
          variant="tertiary"
          size="S"
          startIcon={<DownloadIcon />}
          loading={busy === table}
          onClick={() => save(table)}
          data-testid={`csv-${table}`}
        >
          {t(`csv.${table}`)}
        </Button>
      ))}
    </Flex>
  );
};
