import { Flex, Typography } from '@strapi/design-system';

import type { Rate } from '../api/engagement';
import { useFormat } from '../hooks/useFormat';

type Props = {
  rate: Rate | null;
  /** What the rate would divide, to name it even when it cannot be computed. */
  numerator: Rate['numerator'];
  denominator: Rate['denominator'];
  inline?: boolean;
};

/** A rate and what it divides by ("3.3 %  interactions ÷ impressions"); "n/a" when it cannot be known. */
export const RateValue = ({ rate, numerator, denominator, inline = false }: Props) => {
  const format = useFormat();
  const basis = format.basis(rate?.numerator ?? numerator, rate?.denominator ?? denominator);
  return (
    <Flex direction={inline ? 'row' : 'column'} alignItems={inline ? 'baseline' : 'flex-start'} gap={1}>
      <Typography>{format.rate(rate)}</Typography>
      <Typography variant="pi" textColor="neutral600">
        {basis}
      </Typography>
    </Flex>
  );
};
