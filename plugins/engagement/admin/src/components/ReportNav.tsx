import { Button, Flex } from '@strapi/design-system';
import { useLocation, useNavigate } from 'react-router-dom';

import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import { carriedFilters } from '../utils/period';

export const REPORT_PAGES = [
  { key: 'overview', path: '' },
  { key: 'campaigns', path: 'campaigns' },
  { key: 'followers', path: 'followers' },
  { key: 'bestTimes', path: 'best-times' },
  { key: 'partners', path: 'partners' },
  { key: 'health', path: 'health' },
] as const;
export type ReportPage = (typeof REPORT_PAGES)[number]['key'];

/** Moves between the reports, keeping the period and filters chosen. */
export const ReportNav = ({ current }: { current: ReportPage | 'campaign' | 'post' }) => {
  const t = useT();
  const navigate = useNavigate();
  const { search } = useLocation();
  const carried = carriedFilters(new URLSearchParams(search));
  return (
    <Flex gap={2} wrap="wrap" data-print-hide>
      {REPORT_PAGES.map((page) => (
        <Button
          key={page.key}
          size="S"
          variant={
            current === page.key || (current === 'campaign' && page.key === 'campaigns')
              ? 'secondary'
              : 'tertiary'
          }
          onClick={() => navigate(`/plugins/${PLUGIN_ID}/${page.path}${carried}`)}
        >
          {t(`nav.${page.key}`)}
        </Button>
      ))}
    </Flex>
  );
};
