/**
 * The editorial calendar: planned posts and deliveries by week or month, in the person's time zone,
 * coloured by campaign. A click opens an item, a drag (or the clock button) moves it, and a day's
 * "+" starts a post planned on it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Box,
  Button,
  Flex,
  Grid,
  IconButton,
  Main,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useApiError } from '@porte-voix/kit/admin';

import { postEditPath, useCrossPostApi, type CalendarDelivery } from '../api/crossPost';
import { byDay, itemsOf, movedTo, type CalendarItem } from '../calendar/items';
import { refusalOf } from '../calendar/refusals';
import {
  addDays,
  addMonths,
  dayKey,
  dayOf,
  daysOf,
  instantOf,
  onDay,
  parseDayKey,
  rangeOf,
  type CalendarView,
  type Day,
} from '../calendar/zoned-time';
import { CalendarItemCard, titleOf } from '../components/calendar/CalendarItemCard';
import { DeliveryDialog } from '../components/calendar/DeliveryDialog';
import { RescheduleDialog } from '../components/calendar/RescheduleDialog';
import { TimeZoneSelect } from '../components/calendar/TimeZoneSelect';
import { useNetworks } from '../hooks/useNetworks';
import { useT } from '../hooks/useT';
import { useTimeZone } from '../hooks/useTimeZone';

const HOUR = 3_600_000;
/** A post started on a day is planned at 09:00 there (or the next full hour, today). */
const NEW_POST_HOUR = 9;

const dayLabelDate = (day: Day) => new Date(Date.UTC(day.year, day.month - 1, day.day, 12));
const compareDays = (a: Day, b: Day) => dayKey(a).localeCompare(dayKey(b));

const CalendarPage = () => {
  const { formatDate } = useIntl();
  const t = useT();
  const api = useCrossPostApi();
  const apiError = useApiError();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const networks = useNetworks();
  const [timeZone, setTimeZone] = useTimeZone();
  const [params, setParams] = useSearchParams();
  const view: CalendarView = params.get('view') === 'month' ? 'month' : 'week';
  const today = dayOf(new Date(), timeZone);
  const anchor = parseDayKey(params.get('date')) ?? today;
  const anchorKey = dayKey(anchor);
  const [network, setNetwork] = useState('');
  const [campaign, setCampaign] = useState('');
  const [campaigns, setCampaigns] = useState<{ documentId: string; name: string; color?: string | null }[]>(
    []
  );
  const [items, setItems] = useState<CalendarItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [rescheduling, setRescheduling] = useState<CalendarItem | null>(null);
  const [opened, setOpened] = useState<CalendarDelivery | null>(null);
  const dragging = useRef<CalendarItem | null>(null);
  // By key: the anchor is a new object each render, its day is not.
  const days = useMemo(() => daysOf(view, parseDayKey(anchorKey)!), [view, anchorKey]);
  const range = useMemo(() => rangeOf(days, timeZone), [days, timeZone]);
  const perDay = useMemo(() => byDay(items, timeZone), [items, timeZone]);
  const networkLabel = useCallback(
    (id: string) => networks.find((n) => n.id === id)?.label ?? id,
    [networks]
  );

  useEffect(() => {
    api.campaigns().then(setCampaigns, () => setCampaigns([]));
  }, [api]);

  const load = useCallback(
    () =>
      api
        .calendar({ ...range, network, campaign })
        .then((found) => {
          setItems(itemsOf(found));
          setError(null);
        })
        .catch((e) => setError(apiError.message(e))),
    [api, apiError, range, network, campaign]
  );

  useEffect(() => {
    load();
  }, [load]);

  const show = (nextView: CalendarView, day: Day) => setParams({ view: nextView, date: dayKey(day) });
  const step = (direction: number) =>
    show(view, view === 'week' ? addDays(anchor, 7 * direction) : addMonths(anchor, direction));

  /** Shown at once where it was put; back where it was, with the reason, when the server refuses. */
  const move = async (item: CalendarItem, at: Date) => {
    const before = items;
    setItems((current) => current.map((i) => (i.key === item.key ? movedTo(i, at) : i)));
    try {
      if (item.kind === 'post') await api.movePost(item.post.documentId, at);
      else await api.moveDelivery(item.delivery.id, at);
      toggleNotification({
        type: 'success',
        message: t('calendar.moved', {
          at: formatDate(at, { dateStyle: 'full', timeStyle: 'short', timeZone }),
        }),
      });
    } catch (e) {
      setItems(before);
      const reason = refusalOf(e);
      toggleNotification({
        type: 'danger',
        message: reason ? t(`calendar.refused.${reason}`) : apiError.message(e),
      });
    }
    await load();
  };

  const open = (item: CalendarItem) => {
    if (item.kind === 'post') navigate(postEditPath(item.post.documentId, item.post.locale));
    else setOpened(item.delivery);
  };

  const newPost = async (day: Day) => {
    const nineOClock = instantOf({ ...day, hour: NEW_POST_HOUR, minute: 0, second: 0 }, timeZone);
    const nextHour = new Date(Math.ceil((Date.now() + 60_000) / HOUR) * HOUR);
    const at = nineOClock.getTime() > Date.now() ? nineOClock : nextHour;
    try {
      const created = await api.createPlannedPost(at);
      navigate(postEditPath(created.documentId, created.locale));
    } catch (e) {
      apiError.notify(e);
    }
  };

  const drop = (day: Day) => {
    const item = dragging.current;
    dragging.current = null;
    setDropTarget(null);
    if (!item || compareDays(dayOf(item.at, timeZone), day) === 0) return;
    void move(item, onDay(item.at, day, timeZone));
  };

  const period =
    view === 'week'
      ? t('calendar.weekOf', {
          day: formatDate(dayLabelDate(days[0]), {
            day: 'numeric',
            month: 'long',
            year: 'numeric',
            timeZone: 'UTC',
          }),
        })
      : formatDate(dayLabelDate(anchor), { month: 'long', year: 'numeric', timeZone: 'UTC' });

  return (
    <Main>
      <Layouts.Header title={t('calendar.title')} subtitle={t('calendar.subtitle', { timeZone })} />
      <Layouts.Content>
        <Flex gap={2} paddingBottom={2} wrap="wrap">
          <Button variant="tertiary" onClick={() => step(-1)}>
            {t('calendar.previous')}
          </Button>
          <Button variant="tertiary" onClick={() => show(view, today)}>
            {t('calendar.today')}
          </Button>
          <Button variant="tertiary" onClick={() => step(1)}>
            {t('calendar.next')}
          </Button>
          <Button
            variant={view === 'week' ? 'default' : 'secondary'}
            onClick={() => show('week', anchor)}
            aria-pressed={view === 'week'}
          >
            {t('calendar.week')}
          </Button>
          <Button
            variant={view === 'month' ? 'default' : 'secondary'}
            onClick={() => show('month', anchor)}
            aria-pressed={view === 'month'}
          >
            {t('calendar.month')}
          </Button>
          <Box minWidth="180px">
            <SingleSelect
              aria-label={t('calendar.network')}
              placeholder={t('calendar.allNetworks')}
              value={network}
              onChange={(v) => setNetwork(String(v))}
              onClear={() => setNetwork('')}
            >
              {networks.map((n) => (
                <SingleSelectOption key={n.id} value={n.id}>
                  {n.label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Box minWidth="220px">
            <SingleSelect
              aria-label={t('calendar.campaign')}
              placeholder={t('calendar.allCampaigns')}
              value={campaign}
              onChange={(v) => setCampaign(String(v))}
              onClear={() => setCampaign('')}
            >
              {campaigns.map((c) => (
                <SingleSelectOption key={c.documentId} value={c.documentId}>
                  {c.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <TimeZoneSelect value={timeZone} onChange={setTimeZone} />
        </Flex>
        <Flex gap={3} paddingBottom={4} wrap="wrap">
          <Typography variant="delta" tag="h2" data-testid="calendar-period">
            {period}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {t('calendar.help')}
          </Typography>
        </Flex>
        {error && <Typography textColor="danger600">{error}</Typography>}
        <Grid.Root gap={2} gridCols={7} data-testid="cross-post-calendar" data-view={view}>
          {days.map((day) => {
            const key = dayKey(day);
            const future = compareDays(day, today) >= 0;
            const label = formatDate(dayLabelDate(day), {
              weekday: view === 'week' ? 'long' : 'short',
              day: 'numeric',
              month: 'short',
              timeZone: 'UTC',
            });
            return (
              <Grid.Item key={key} col={1} direction="column" alignItems="stretch">
                <Box
                  background={dropTarget === key ? 'primary100' : 'neutral0'}
                  padding={2}
                  hasRadius
                  shadow="tableShadow"
                  minHeight={view === 'week' ? '320px' : '130px'}
                  width="100%"
                  borderColor={compareDays(day, today) === 0 ? 'primary600' : undefined}
                  data-testid={`calendar-day-${key}`}
                  aria-label={label}
                  role="group"
                  onDragOver={(event: React.DragEvent) => {
                    if (!dragging.current) return;
                    event.preventDefault();
                    event.dataTransfer.dropEffect = 'move';
                    if (dropTarget !== key) setDropTarget(key);
                  }}
                  onDragLeave={() => setDropTarget((current) => (current === key ? null : current))}
                  onDrop={(event: React.DragEvent) => {
                    event.preventDefault();
                    drop(day);
                  }}
                >
                  <Flex justifyContent="space-between" alignItems="center">
                    <Typography
                      variant="sigma"
                      textColor={day.month === anchor.month || view === 'week' ? 'neutral800' : 'neutral400'}
                    >
                      {label}
                    </Typography>
                    {future && (
                      <IconButton
                        label={t('calendar.newPost', { day: label })}
                        variant="ghost"
                        size="XS"
                        withTooltip={false}
                        onClick={() => newPost(day)}
                        data-testid={`calendar-new-post-${key}`}
                      >
                        <Plus />
                      </IconButton>
                    )}
                  </Flex>
                  {(perDay.get(key) ?? []).map((item) => (
                    <CalendarItemCard
                      key={item.key}
                      item={item}
                      timeZone={timeZone}
                      networkLabel={networkLabel}
                      onOpen={() => open(item)}
                      onReschedule={() => setRescheduling(item)}
                      onDragStart={() => {
                        dragging.current = item;
                      }}
                      onDragEnd={() => {
                        dragging.current = null;
                        setDropTarget(null);
                      }}
                    />
                  ))}
                </Box>
              </Grid.Item>
            );
          })}
        </Grid.Root>
        {campaigns.length > 0 && (
          <Flex gap={3} paddingTop={4} wrap="wrap" aria-label={t('calendar.legend')} role="list">
            {campaigns.map((c) => (
              <Flex key={c.documentId} gap={1} role="listitem">
                <Box width="12px" height="12px" hasRadius style={{ background: c.color ?? '#8E8EA9' }} />
                <Typography variant="pi">{c.name}</Typography>
              </Flex>
            ))}
          </Flex>
        )}
      </Layouts.Content>
      {rescheduling && (
        <RescheduleDialog
          title={titleOf(rescheduling) ?? t('calendar.untitled')}
          at={rescheduling.at}
          timeZone={timeZone}
          onConfirm={(at) => void move(rescheduling, at)}
          onClose={() => setRescheduling(null)}
        />
      )}
      {opened && (
        <DeliveryDialog
          delivery={opened}
          networkLabel={networkLabel(opened.network)}
          timeZone={timeZone}
          onOpenPost={() => navigate(postEditPath(opened.postDocumentId))}
          onReschedule={
            opened.status === 'scheduled'
              ? () => {
                  const item = items.find((i) => i.key === `delivery-${opened.id}`);
                  setOpened(null);
                  if (item) setRescheduling(item);
                }
              : null
          }
          onClose={() => setOpened(null)}
        />
      )}
    </Main>
  );
};

export { CalendarPage };
