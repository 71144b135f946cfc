/** Calendar dates as `YYYY-MM-DD` strings; all arithmetic in UTC days so time zones never shift a date. */

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the text has the `YYYY-MM-DD` shape (regardless of whether the day exists). */
export function isDateShaped(text: string): boolean {
  return DATE_SHAPE.test(text);
}

/** Whether the text is a real calendar date: `2026-02-30` is not. */
export function isRealDate(text: string): boolean {
  const m = DATE_SHAPE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Days since 1970-01-01 for a valid date. */
export function toDayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** `b - a` in days. */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Today's date in local time, as the CLI and the extension use it by default. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const NAMED_CADENCES: Record<string, number> = { weekly: 7, biweekly: 14, fortnightly: 14, monthly: 30 };
const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** Length in days of a cadence (`weekly`, `P10D`, `P3W`, `P1M`), or undefined when it is not one. */
export function cadenceDays(text: string): number | undefined {
  if (Object.hasOwn(NAMED_CADENCES, text)) return NAMED_CADENCES[text];
  const m = DURATION.exec(text);
  if (!m || text === 'P') return undefined;
  const [years, months, weeks, days] = [m[1], m[2], m[3], m[4]].map((v) => Number(v ?? 0)) as [number, number, number, number];
  const total = years * 365 + months * 30 + weeks * 7 + days;
  return total > 0 ? total : undefined;
}
