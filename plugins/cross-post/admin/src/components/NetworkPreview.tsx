import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { MediaPreview, Preview } from '../api/crossPost';
import { useT } from '../hooks/useT';

/** One file as the network gets it: the picture (crop and padding included) and its size, or a video's size. */
const MediaItem = ({ item, reasons }: { item: MediaPreview; reasons?: string[] }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const megabytes = (bytes: number) =>
    formatNumber(bytes / 1_000_000, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} data-testid="cross-post-preview-media">
      {item.thumbnail ? (
        <img
          src={item.thumbnail}
          alt={item.alt || item.filename}
          style={{ maxWidth: 120, maxHeight: 120, border: '1px solid #dcdce4', background: '#fff' }}
        />
      ) : null}
      <Typography variant="pi" textColor="neutral600">
        {item.thumbnail && item.width && item.height
          ? t('preview.media.size', { width: item.width, height: item.height })
          : item.mimeType.startsWith('video/') && item.bytes
            ? t('preview.media.video', { size: megabytes(item.bytes) })
            : `${item.filename} · ${t('preview.media.unreadable')}`}
      </Typography>
      {reasons && reasons.length > 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {t('preview.media.changed', { reasons: reasons.join(', ') })}
        </Typography>
      ) : null}
    </Flex>
  );
};

/** The text as one account will publish it, its length as the network counts it, its media, and what blocks it. */
export const NetworkPreview = ({ preview, accountName }: { preview: Preview; accountName: string }) => {
  const t = useT();
  // A variant keeps the original's name without its extension (panorama.png goes as panorama.jpg).
  const stem = (filename: string) => filename.replace(/\.[^.]+$/, '');
  const reasonsFor = (item: MediaPreview) =>
    (preview.mediaChanges ?? []).find((change) => stem(change.filename) === stem(item.filename))?.reasons;
  const media = preview.media ?? [];
  return (
    <Box
      padding={2}
      background="neutral100"
      hasRadius
      data-testid={`cross-post-preview-${preview.accountId}`}
    >
      <Flex justifyContent="space-between">
        <Typography variant="pi" fontWeight="bold">
          {accountName} ({preview.locale})
        </Typography>
        <Typography variant="pi" textColor={preview.length > preview.limit ? 'danger600' : 'neutral600'}>
          {/* Networks without a length limit (WordPress) answer the largest safe integer. */}
          {preview.limit < Number.MAX_SAFE_INTEGER ? `${preview.length} / ${preview.limit}` : preview.length}
        </Typography>
      </Flex>
      <Typography variant="pi" tag="p" style={{ whiteSpace: 'pre-wrap' }}>
        {preview.text}
      </Typography>
      {media.length > 0 ? (
        <Box paddingTop={2}>
          <Typography variant="sigma" textColor="neutral600">
            {t('preview.media')}
          </Typography>
          <Flex gap={2} wrap="wrap" alignItems="flex-start" paddingTop={1}>
            {media.map((item, index) => (
              <MediaItem key={`${item.filename}-${index}`} item={item} reasons={reasonsFor(item)} />
            ))}
          </Flex>
        </Box>
      ) : null}
      {preview.problems.map((problem) => (
        <Typography key={problem.code} variant="pi" textColor="danger600" tag="p">
          {problem.message}
        </Typography>
      ))}
    </Box>
  );
};
