import { Box, Flex, Typography } from '@strapi/design-system';

import type { Preview } from '../api/crossPost';

/** The text as one account will publish it, its length as the network counts it, and what blocks it. */
export const NetworkPreview = ({ preview, accountName }: { preview: Preview; accountName: string }) => (
  <Box padding={2} background="neutral100" hasRadius data-testid={`cross-post-preview-${preview.accountId}`}>
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
    {preview.problems.map((problem) => (
      <Typography key={problem.code} variant="pi" textColor="danger600" tag="p">
        {problem.message}
      </Typography>
    ))}
  </Box>
);
