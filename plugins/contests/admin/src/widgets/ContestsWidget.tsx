import { useEffect, useState } from 'react';
import { Badge, Box, Flex, Link, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import { useContestsApi, type ContestSummary } from '../api/contests';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';

/** Open first (they need watching), then upcoming; drawn and closed contests are on the contests page. */
const ORDER = { open: 0, upcoming: 1 } as const;
const SHOWN = 4;

/**
 * Homepage widget: contests open or about to open, with their entries and how many wait for review.
 * One line per contest, so it reads at 4 columns as at 12.
 */
export const ContestsWidget = () => {
  const t = useT();
  const { formatDate } = useIntl();
  const api = useContestsApi();
  const [contests, setContests] = useState<ContestSummary[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .list()
      .then((all) => {
        if (!live) return;
        setContests(
          all
            .filter((contest) => contest.phase === 'open' || contest.phase === 'upcoming')
            .sort(
              (a, b) =>
                ORDER[a.phase as keyof typeof ORDER] - ORDER[b.phase as keyof typeof ORDER] ||
                a.closesAt.localeCompare(b.closesAt)
            )
            .slice(0, SHOWN)
        );
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [api]);

  if (failed) return <Widget.Error>{t('widget.contests.error')}</Widget.Error>;
  if (!contests) return <Widget.Loading>{t('widget.loading')}</Widget.Loading>;
  if (contests.length === 0) return <Widget.NoData>{t('widget.contests.empty')}</Widget.NoData>;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="contests-widget">
      {contests.map((contest) => (
        <Flex
          key={contest.eventDocumentId}
          gap={2}
          justifyContent="space-between"
          data-testid="widget-contest"
        >
          <Box minWidth={0}>
            <Link tag={RouterLink} to={`/plugins/${PLUGIN_ID}/${contest.eventDocumentId}`}>
              {contest.title}
            </Link>
            <Typography tag="p" variant="pi" textColor="neutral600">
              {contest.phase === 'open'
                ? t('widget.contests.closes', { date: formatDate(contest.closesAt, { dateStyle: 'medium' }) })
                : t('widget.contests.opens', { date: formatDate(contest.opensAt, { dateStyle: 'medium' }) })}
              {' · '}
              {t('widget.contests.entries', { count: contest.counts.valid + contest.counts.review })}
            </Typography>
          </Box>
          <Flex gap={1}>
            {contest.counts.review > 0 && (
              <Badge textColor="warning600" backgroundColor="warning100">
                {t('widget.contests.review', { count: contest.counts.review })}
              </Badge>
            )}
            <Badge>{t(`phase.${contest.phase}`)}</Badge>
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
};
