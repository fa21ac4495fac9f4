/** The traffic regimes the evaluation splits by: the weekday peaks, the small hours, and the rest of the day. */
export type DayPeriod = 'peak' | 'off-peak' | 'night';

const peakHours = new Set([7, 8, 9, 17, 18, 19]);
const nightHours = new Set([22, 23, 0, 1, 2, 3, 4, 5]);

export function dayPeriodOf(hourOfDay: number): DayPeriod {
  if (peakHours.has(hourOfDay)) return 'peak';
  return nightHours.has(hourOfDay) ? 'night' : 'off-peak';
}

/** Local hour of day (0–23) of an instant, for a zone `utcOffsetMinutes` east of UTC (Korea: 540). */
export function localHourOf(atMs: number, utcOffsetMinutes: number): number {
  const hour = Math.floor((atMs + utcOffsetMinutes * 60_000) / 3_600_000) % 24;
  return hour < 0 ? hour + 24 : hour;
}
