/** The last `count` days up to today in the reader's time zone, as the listening report names them. */
export function lastDays(count: number, now = new Date()) {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const day = (date: Date) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      date
    );
  return { from: day(new Date(now.getTime() - (count - 1) * 86_400_000)), to: day(now), timeZone };
}
