import type { ReactNode } from 'react';
import { Flex, Main, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useApiError } from '@porte-voix/kit/admin';

import type { ReportFilters } from '../api/engagement';
import { useReportFilters } from '../hooks/useReportFilters';
import { useT } from '../hooks/useT';
import { PrintStyles } from './PrintStyles';
import { ReportNav, type ReportPage } from './ReportNav';

type Props = {
  title: string;
  subtitle?: string;
  current: ReportPage | 'campaign' | 'post';
  navigationAction?: ReactNode;
  primaryAction?: ReactNode;
  children: (filters: ReportFilters) => ReactNode;
};

/** Every report page: its header, the way to the other reports, and what reports filter on. */
export const ReportFrame = ({
  title,
  subtitle,
  current,
  navigationAction,
  primaryAction,
  children,
}: Props) => {
  const t = useT();
  const apiError = useApiError();
  const { filters, error } = useReportFilters();
  return (
    <Main>
      <PrintStyles />
      <Layouts.Header
        title={title}
        subtitle={subtitle}
        navigationAction={navigationAction}
        primaryAction={primaryAction}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <ReportNav current={current} />
          {error ? (
            <Typography textColor="danger600">{apiError.message(error)}</Typography>
          ) : filters ? (
            children(filters)
          ) : (
            <Page.Loading>{t('loading')}</Page.Loading>
          )}
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
