import { Badge, Box, Flex, Typography } from '@strapi/design-system';

import type { Pace, PaceStatus } from '../api/engagement';
import { useT } from '../hooks/useT';

const share = (value: number | null | undefined, target: number) =>
  value === null || value === undefined || target <= 0 ? null : Math.min(Math.max(value / target, 0), 1);

const FILL: Record<PaceStatus, string> = {
  met: 'success500',
  on_track: 'primary600',
  behind: 'warning500',
  missed: 'danger500',
  no_data: 'neutral300',
  not_started: 'neutral300',
};

export const PaceBadge = ({ status }: { status: PaceStatus }) => {
  const t = useT();
  const colours: Partial<Record<PaceStatus, [string, string]>> = {
    met: ['success600', 'success100'],
    on_track: ['primary600', 'primary100'],
    behind: ['warning600', 'warning100'],
    missed: ['danger600', 'danger100'],
  };
  const [text, background] = colours[status] ?? ['neutral600', 'neutral150'];
  return (
    <Badge textColor={text} backgroundColor={background} data-testid={`pace-${status}`}>
      {t(`pace.${status}`)}
    </Badge>
  );
};

/**
 * How far a target is reached, with a mark where it should be by today: a cumulative target grows
 * evenly from the first day to the last; a rate has no path, only its target.
 */
export const PaceBar = ({
  target,
  actual,
  pace,
  label,
}: {
  target: number;
  actual: number | null;
  pace: Pace | null;
  label: string;
}) => {
  const t = useT();
  const reached = share(actual, target);
  const expected = share(pace?.expectedToDate, target);
  const status = pace?.status ?? (actual === null ? 'no_data' : 'on_track');
  return (
    <Box
      position="relative"
      height="8px"
      background="neutral150"
      hasRadius
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={target}
      aria-valuenow={actual ?? undefined}
      title={expected === null ? undefined : t('pace.expectedMark', { percent: Math.round(expected * 100) })}
    >
      {reached !== null && (
        <Box
          position="absolute"
          height="8px"
          hasRadius
          background={FILL[status]}
          style={{ left: 0, top: 0, width: `${reached * 100}%` }}
        />
      )}
      {expected !== null && (
        <Box
          position="absolute"
          background="neutral800"
          style={{ left: `calc(${expected * 100}% - 1px)`, top: -3, width: 2, height: 14 }}
          data-testid="pace-expected-mark"
        />
      )}
    </Box>
  );
};

/** A target's line: its name, actual / target, the bar and the status. */
export const PaceLine = ({
  name,
  actualText,
  targetText,
  target,
  actual,
  pace,
  measurable = true,
  compact = false,
}: {
  name: string;
  actualText: string;
  targetText: string;
  target: number;
  actual: number | null;
  pace: Pace | null;
  measurable?: boolean;
  compact?: boolean;
}) => {
  const t = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-testid="pace-line">
      <Flex justifyContent="space-between" gap={2} wrap="wrap">
        <Typography variant="omega" fontWeight="semiBold">
          {name}
        </Typography>
        <Flex gap={2}>
          <Typography variant="omega">
            {t('pace.actualOfTarget', { actual: actualText, target: targetText })}
          </Typography>
          {!compact && measurable && pace && <PaceBadge status={pace.status} />}
        </Flex>
      </Flex>
      {measurable ? (
        <PaceBar
          target={target}
          actual={actual}
          pace={pace}
          label={t('pace.barLabel', { name, actual: actualText, target: targetText })}
        />
      ) : (
        <Typography variant="pi" textColor="neutral600">
          {t('pace.unmeasurable')}
        </Typography>
      )}
      {compact && pace && pace.status === 'behind' && (
        <Typography variant="pi" textColor="warning600">
          {t('pace.behind')}
        </Typography>
      )}
    </Flex>
  );
};
