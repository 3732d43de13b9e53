/**
 * The database's current time (plus the milliseconds bound to `:plusMs`, if named), in the form
 * Strapi stores datetimes on each dialect, for raw SQL that judges "due" and "expired" by the clock
 * all instances share. SQLite stores milliseconds since the epoch. PostgreSQL (`timestamp` without
 * time zone) and MySQL (`datetime`) store the wall time of the writing instance's time zone, so the
 * database's UTC time is shifted by the instance's UTC offset: the instance's zone is used, never its
 * clock. Milliseconds, as a JavaScript Date holds them: a lease read back compares equal to the stored
 * one. Bind `clockBindings()` with it.
 */
export function databaseNow(client: string, plusMs?: string): string {
  if (client === 'postgres') {
    const secs = plusMs ? `, secs => :${plusMs} / 1000.0` : '';
    return `(date_trunc('milliseconds', CURRENT_TIMESTAMP AT TIME ZONE 'UTC') + make_interval(mins => :utcOffsetMinutes${secs}))`;
  }
  if (client === 'mysql') {
    const plus = plusMs ? ` + INTERVAL :${plusMs} * 1000 MICROSECOND` : '';
    return `(UTC_TIMESTAMP(3) + INTERVAL :utcOffsetMinutes MINUTE${plus})`;
  }
  const plus = plusMs ? ` + :${plusMs}` : '';
  return `(CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)${plus})`;
}

/** What databaseNow needs besides its `plusMs`: the instance's offset from UTC (east positive). */
export const clockBindings = () => ({ utcOffsetMinutes: -new Date().getTimezoneOffset() });
