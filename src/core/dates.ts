/** Calendar dates as `YYYY-MM-DD` strings; all arithmetic in UTC days so time zones never shift a date. */

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the text has the `YYYY-MM-DD` shape (regardless of whether the day exists). */
export function isDateShaped(text: string): boolean {
  return DATE_SHAPE.test(text);
}

/**
 * Whether a `YYYY-MM-DD` text names a year before 100 (`0026-11-05`): a day that exists, but one the
 * journal does not take (see isRealDate), so its problem says to check the year rather than that
 * the day does not exist.
 */
export function isBeforeYear100(text: string): boolean {
  return text.length === 10 && text.startsWith('00') && isRealDate(`01${text.slice(2)}`);
}

/** The date eight digits mean (`20261105` is `2026-11-05`), when they name a real day; else undefined. */
export function dateOfDigits(text: string): string | undefined {
  const digits = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  const date = digits ? `${digits[1]}-${digits[2]}-${digits[3]}` : undefined;
  return date && isRealDate(date) ? date : undefined;
}

/** Whether the text is a real calendar date: `2026-02-30` is not. Years 0000 to 0099 are not either (JavaScript's Date reads them as 1900 to 1999). */
export function isRealDate(text: string): boolean {
  // Read digit by digit: a regular expression and a Date per call were a few % of a check (docs/performance.md).
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 7);
  const d = digits(text, 8, 10);
  if (y < 100 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= (mo === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : DAYS_IN_MONTH[mo - 1]!);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the ASCII digits from `start` to `end`, or -1 if any is not a digit. */
function digits(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 for a valid date. */
export function toDayNumber(date: string): number {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digits(date, 0, 4);
    const m = digits(date, 5, 7);
    const d = digits(date, 8, 10);
    if (y >= 0 && m >= 0 && d >= 0) return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
  }
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** The day numbers of 0001-01-01 and 9999-12-31: the days a date YYYY-MM-DD can name. */
const FIRST_DAY_NUMBER = Math.round(Date.parse('0001-01-01T00:00:00Z') / 86_400_000);
const LAST_DAY_NUMBER = Math.round(Date.parse('9999-12-31T00:00:00Z') / 86_400_000);

/**
 * The date of a day number, `YYYY-MM-DD`. A day worked out past 9999-12-31 (or before year 1),
 * which no such date can name, is held at that end: no arithmetic on dates throws.
 */
export function fromDayNumber(day: number): string {
  if (!(day <= LAST_DAY_NUMBER)) return '9999-12-31';
  if (day < FIRST_DAY_NUMBER) return '0001-01-01';
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
  const days = durationDays(text);
  return days !== undefined && days <= MAX_CADENCE_DAYS ? days : undefined;
}

/** The longest cadence taken: a meeting once a year (longer, and the dates the review works out run past any calendar). */
export const MAX_CADENCE_DAYS = 366;

/** The days a named cadence or an ISO-8601 duration stands for, however long; undefined when it is neither. */
export function durationDays(text: string): number | undefined {
  if (Object.hasOwn(NAMED_CADENCES, text)) return NAMED_CADENCES[text];
  const m = DURATION.exec(text);
  if (!m || text === 'P') return undefined;
  const [years, months, weeks, days] = [m[1], m[2], m[3], m[4]].map((v) => Number(v ?? 0)) as [number, number, number, number];
  const total = years * 365 + months * 30 + weeks * 7 + days;
  return total > 0 && Number.isFinite(total) ? total : undefined;
}

/**
 * The date a loosely written one means, where it can only mean one (year first, or day.month.year;
 * a day with a time after it, `2026-01-26T10:00`, is that day); else undefined.
 */
export function dateWrittenLoosely(written: string): string | undefined {
  // Dashes other than `-` (`‐`, `–`, `−`, `－`, `ー`) are read as `-`; full-width digits, `／` and `．` as theirs.
  const plain = halfWidth(written).replace(/[\u2010-\u2015\u2212]/g, '-');
  // `2026年11月20日`.
  const kanji = /^(\d{4})\u5e74(\d{1,2})\u6708(\d{1,2})\u65e5$/.exec(plain);
  if (kanji) {
    const date = `${kanji[1]}-${kanji[2]!.padStart(2, '0')}-${kanji[3]!.padStart(2, '0')}`;
    return isRealDate(date) ? date : undefined;
  }
  // `5. Dezember 2026`, `5 Dec 2026`: a day, a month name and a year.
  const named = /^(\d{1,2})\.?[ \t]+([A-Za-z\u00e4]{3,9})\.?,?[ \t]+(\d{4})$/.exec(plain) ?? /^([A-Za-z\u00e4]{3,9})\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?,?[ \t]+(\d{4})$/.exec(plain)?.slice(0, 4).map((v, i, a) => (i === 1 ? a[2]! : i === 2 ? a[1]! : v));
  const month = named ? MONTH_NUMBERS.findIndex((names) => names.some((n) => named[2]!.toLowerCase().startsWith(n))) + 1 : 0;
  if (named && month) {
    const date = `${named[3]}-${String(month).padStart(2, '0')}-${named[1]!.padStart(2, '0')}`;
    return isRealDate(date) ? date : undefined;
  }
  if (/^\d{8}$/.test(plain)) return dateOfDigits(plain);
  const timed = /^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}/.exec(plain)?.[1];
  if (timed) return isRealDate(timed) ? timed : undefined;
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(plain);
  const dmy = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(plain);
  const [y, m, d] = ymd ? [ymd[1]!, ymd[2]!, ymd[3]!] : dmy ? [dmy[3]!, dmy[2]!, dmy[1]!] : [];
  if (!y) return undefined;
  const date = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  return isRealDate(date) ? date : undefined;
}

/** The first letters of each month's name, in English and German, January first. */
const MONTH_NUMBERS: readonly string[][] = [['jan'], ['feb'], ['mar', 'mär'], ['apr'], ['may', 'mai'], ['jun'], ['jul'], ['aug'], ['sep'], ['oct', 'okt'], ['nov'], ['dec', 'dez']];

/**
 * Full-width ASCII (`２０２６`, `：`, `（`, as a Japanese input method types them) as ASCII, and the
 * long vowel mark `ー` typed for a dash as `-`: one UTF-16 unit for one, so that offsets stay.
 */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u30fc]/g, (c) => (c === '\u30fc' ? '-' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}
