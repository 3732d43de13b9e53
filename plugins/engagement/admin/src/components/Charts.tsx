/**
 * The charts, loaded only when a report shows one: the chart library stays out of the homepage and
 * of the first paint of a report.
 */
import { lazy, Suspense } from 'react';
import { Flex, Loader } from '@strapi/design-system';

import type { DailyChartProps } from '../charts/DailyChart';
import type { LinesChartProps } from '../charts/LinesChart';
import { useT } from '../hooks/useT';

const LazyDaily = lazy(() => import('../charts/DailyChart'));
const LazyLines = lazy(() => import('../charts/LinesChart'));

const Waiting = () => {
  const t = useT();
  return (
    <Flex justifyContent="center" padding={8}>
      <Loader small>{t('chart.loading')}</Loader>
    </Flex>
  );
};

export const DailyChart = (props: DailyChartProps) => (
  <Suspense fallback={<Waiting />}>
    <LazyDaily {...props} />
  </Suspense>
);

export const LinesChart = (props: LinesChartProps) => (
  <Suspense fallback={<Waiting />}>
    <LazyLines {...props} />
  </Suspense>
);
