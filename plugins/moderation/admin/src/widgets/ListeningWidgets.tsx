import { useEffect, useState } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';

import { useModerationApi, type ListeningAlert, type ListeningReport } from '../api/moderation';
import { useT } from '../hooks/useT';
import { lastDays } from './listening-days';

/** What the widget reads, once, and whether it failed. */
function useLoaded<T>(load: () => Promise<T>) {
  const [value, setValue] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    load()
      .then((answer) => live && setValue(answer))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return { value, failed };
}

/** The last 14 days of every search: the report of the two weeks the widgets compare. */
const useFortnight = () => {
  const api = useModerationApi();
  return useLoaded<ListeningReport>(() => {
    const { from, to, timeZone } = lastDays(14);
    return api.listeningReport(new URLSearchParams({ from, to, timeZone }));
  });
};

const sumOf = (days: ListeningReport['days'], from: string, to: string) =>
  days
    .filter((d) => d.day >= from && d.day <= to)
    .reduce((sum, d) => ({ total: sum.total + d.total, negative: sum.negative + d.negative }), {
      total: 0,
      negative: 0,
    });

/** The two weeks split at today minus 6 days: this week (7 days to today) and the 7 before. */
const weeks = (report: ListeningReport) => {
  const thisWeek = lastDays(7);
  const before = lastDays(7, new Date(Date.now() - 7 * 86_400_000));
  return {
    current: sumOf(report.days, thisWeek.from, thisWeek.to),
    previous: sumOf(report.days, before.from, before.to),
  };
};

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : null);

/** Homepage widget: mentions found these 7 days against the 7 before. */
export const MentionsWidget = () => {
  const t = useT();
  const { value, failed } = useFortnight();
  if (failed) return <Widget.Error>{t('widget.listening.error')}</Widget.Error>;
  if (!value) return <Widget.Loading>{t('widget.loading')}</Widget.Loading>;
  const { current, previous } = weeks(value);
  if (current.total + previous.total === 0)
    return <Widget.NoData>{t('widget.listening.empty')}</Widget.NoData>;
  const change =
    previous.total > 0 ? Math.round(((current.total - previous.total) / previous.total) * 100) : null;
  return (
    <Flex direction="column" alignItems="flex-start" gap={2} data-testid="listening-mentions-widget">
      <Typography tag="p" variant="alpha">
        {current.total}
      </Typography>
      <Typography>
        {change === null
          ? t('widget.listening.noLastWeek')
          : t('widget.listening.againstLastWeek', { previous: previous.total, change })}
      </Typography>
    </Flex>
  );
};

/** Homepage widget: the negative share of each of the last 7 days, and this week's against the last. */
export const SentimentWidget = () => {
  const t = useT();
  const { value, failed } = useFortnight();
  if (failed) return <Widget.Error>{t('widget.listening.error')}</Widget.Error>;
  if (!value) return <Widget.Loading>{t('widget.loading')}</Widget.Loading>;
  const { current, previous } = weeks(value);
  if (current.total === 0) return <Widget.NoData>{t('widget.listening.empty')}</Widget.NoData>;
  const { from } = lastDays(7);
  const days = value.days.filter((d) => d.day >= from);
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="listening-sentiment-widget">
      <Typography>
        {t('widget.listening.negativeShare', {
          share: share(current.negative, current.total) ?? 0,
          previous: share(previous.negative, previous.total) ?? '–',
        })}
      </Typography>
      <Flex gap={1} alignItems="flex-end" style={{ height: 60 }}>
        {days.map((d) => (
          <Box
            key={d.day}
            flex="1"
            title={`${d.day}: ${share(d.negative, d.total) ?? 0} %`}
            style={{ height: `${Math.max(2, share(d.negative, d.total) ?? 0)}%`, background: '#ee5e52' }}
          />
        ))}
      </Flex>
    </Flex>
  );
};

/** Homepage widget: the listening alerts still open. */
export const AlertsWidget = () => {
  const t = useT();
  const api = useModerationApi();
  const { value, failed } = useLoaded<ListeningAlert[]>(() => api.listeningAlerts());
  if (failed) return <Widget.Error>{t('widget.listening.error')}</Widget.Error>;
  if (!value) return <Widget.Loading>{t('widget.loading')}</Widget.Loading>;
  const open = value.filter((alert) => alert.open);
  if (open.length === 0) return <Widget.NoData>{t('widget.listening.noAlerts')}</Widget.NoData>;
  return (
    <Flex direction="column" alignItems="flex-start" gap={2} data-testid="listening-alerts-widget">
      {open.slice(0, 5).map((alert) => (
        <Typography key={alert.id}>
          {t(`listening.alert.${alert.kind}`)} · {alert.searchName ?? `#${alert.searchId}`}
        </Typography>
      ))}
    </Flex>
  );
};
