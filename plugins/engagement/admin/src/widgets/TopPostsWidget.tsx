import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';

import { RateValue } from '../components/RateValue';
import { useFormat } from '../hooks/useFormat';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import { useHomepageSummary } from './useHomepageSummary';

/**
 * Homepage widget: the posts of the last seven days that drew the most interactions. At 4 columns
 * a title and its interactions; from 6 its engagement rate (naming what it divides by); from 8
 * impressions, link clicks and when the numbers were read.
 */
export const TopPostsWidget = ({ columnWidth = 6 }: { columnWidth?: number }) => {
  const t = useT();
  const format = useFormat();
  const { summary, failed } = useHomepageSummary();

  if (failed) return <Widget.Error>{t('widget.error')}</Widget.Error>;
  if (!summary) return <Widget.Loading>{t('widget.loading')}</Widget.Loading>;
  if (summary.topPosts.length === 0) return <Widget.NoData>{t('widget.topPosts.empty')}</Widget.NoData>;

  const withRate = columnWidth >= 6;
  const wide = columnWidth >= 8;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="engagement-top-posts-widget">
      {summary.topPosts.map((post, index) => (
        <Flex key={post.post ?? index} gap={3} justifyContent="space-between" data-testid="top-post">
          <Box minWidth={0} flex="1">
            <Link tag={RouterLink} to={`/plugins/${PLUGIN_ID}/posts/${post.post}`}>
              {post.title ?? t('post.untitled')}
            </Link>
            <Typography tag="p" variant="pi" textColor="neutral600">
              {t('widget.topPosts.meta', {
                deliveries: post.deliveries,
                ago: format.ago(post.lastCollectedAt, t('freshness.never')),
              })}
            </Typography>
          </Box>
          {wide && (
            <>
              <Figure label={t('figure.impressions')} value={format.count(post.counters.impressions)} />
              <Figure label={t('figure.linkClicks')} value={format.count(post.counters.linkClicks)} />
            </>
          )}
          {withRate && (
            <Box minWidth="90px">
              <RateValue rate={post.engagementRate} numerator="interactions" denominator="impressions" />
            </Box>
          )}
          <Figure
            label={t('figure.interactions')}
            value={format.count(post.interactions)}
            testId="top-post-interactions"
          />
        </Flex>
      ))}
    </Flex>
  );
};

const Figure = ({ label, value, testId }: { label: string; value: string; testId?: string }) => (
  <Flex direction="column" alignItems="flex-end" minWidth="64px">
    <Typography fontWeight="bold" data-testid={testId}>
      {value}
    </Typography>
    <Typography variant="pi" textColor="neutral600">
      {label}
    </Typography>
  </Flex>
);
