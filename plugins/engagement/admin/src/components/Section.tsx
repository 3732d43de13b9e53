import type { ReactNode } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

/** A block of a report: its title, what can be done with it, and its content. */
export const Section = ({
  title,
  actions,
  children,
  testId,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}) => (
  <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" data-print-keep data-testid={testId}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        {actions}
      </Flex>
      {children}
    </Flex>
  </Box>
);
