import { Box, Flex, Typography } from '@strapi/design-system';

import type { Change } from '../api/engagement';
import { useFormat } from '../hooks/useFormat';
import { useT } from '../hooks/useT';

const changeColor = (change: Change | null | undefined) =>
  !change || change.absolute === null || change.absolute === 0
    ? 'neutral600'
    : change.absolute > 0
      ? 'success600'
      : 'danger600';

type Props = {
  label: string;
  value: string;
  /** Against the comparison period; absent on figures that have none. */
  change?: Change | null;
  /** The comparison period's value; null when nothing was measured then. */
  previous?: string | null;
  /** What a rate divides by, under its value. */
  basis?: string;
  /** Which networks the figure comes from, or why it is unknown. */
  note?: string;
  testId?: string;
};

/** One figure of a report: its value, its change against the comparison period, and where it comes from. */
export const FigureCard = ({ label, value, change, previous, basis, note, testId }: Props) => {
  const t = useT();
  const format = useFormat();
  return (
    <Box padding={4} hasRadius background="neutral0" shadow="tableShadow" height="100%" data-testid={testId}>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="sigma" textColor="neutral600">
          {label}
        </Typography>
        <Typography variant="beta" tag="p" data-testid={testId ? `${testId}-value` : undefined}>
          {value}
        </Typography>
        {basis && (
          <Typography variant="pi" textColor="neutral600">
            {basis}
          </Typography>
        )}
        {change !== undefined && (
          <Typography variant="pi" textColor={changeColor(change)}>
            {previous === null
              ? t('figure.noPrevious')
              : t('figure.change', { change: format.change(change), previous: previous ?? format.na })}
          </Typography>
        )}
        {note && (
          <Typography variant="pi" textColor="neutral500">
            {note}
          </Typography>
        )}
      </Flex>
    </Box>
  );
};
