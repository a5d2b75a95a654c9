/**
 * Publication dates as metadata gives them, normalised to ISO 8601 without changing the day:
 * the date part (first ten characters) of the result is always the publisher's local date, so
 * `Sat, 12 Dec 2020 23:30:00 -0500` becomes `2020-12-12T23:30:00-05:00`, not the UTC day.
 */

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const RFC2822 =
  /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4}|\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{4}|[A-Za-z]{1,5}))?)?$/;
const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const ZONES: Readonly<Record<string, string>> = {
  z: 'Z', ut: 'Z', utc: 'Z', gmt: 'Z',
  est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00', mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00',
};

/**
 * Normalises an ISO 8601 date or date-time, or an RFC 2822 date (RSS `pubDate`), to
 * `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]`. Returns null for anything else,
 * including impossible calendar dates; never guesses (no `Date.parse`).
 *
 * @example normalizePublished('Sat, 12 Dec 2020 10:00:00 GMT') // '2020-12-12T10:00:00Z'
 */
export function normalizePublished(value: string): string | null {
  const s = value.trim();
  const iso = ISO.exec(s);
  if (iso !== null) {
    const [, y, mo, d, h, mi, sec, frac, zone] = iso;
    return build(Number(y), Number(mo), Number(d), h, mi, sec, frac, zone === undefined ? undefined : isoZone(zone));
  }
  const rfc = RFC2822.exec(s);
  if (rfc !== null) {
    const [, d, monthName, y, h, mi, sec, zone] = rfc;
    const month = MONTHS[(monthName as string).slice(0, 3).toLowerCase()];
    if (month === undefined) return null;
    let year = Number(y);
    if ((y as string).length === 2) year += year < 50 ? 2000 : 1900;
    return build(year, month, Number(d), h, mi, sec, undefined, zone === undefined ? undefined : rfcZone(zone));
  }
  return null;
}

function build(
  y: number, mo: number, d: number, h?: string, mi?: string, sec?: string, frac?: string, zone?: string | null,
): string | null {
  if (!validDate(y, mo, d)) return null;
  const date = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
  if (h === undefined || mi === undefined) return date;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec ?? 0) > 60 || zone === null) return null;
  return `${date}T${pad(Number(h), 2)}:${mi}:${sec ?? '00'}${frac ?? ''}${zone ?? ''}`;
}

function isoZone(z: string): string | null {
  if (z.toUpperCase() === 'Z') return 'Z';
  const digits = z.slice(1).replace(':', '');
  const hh = digits.slice(0, 2);
  const mm = digits.length > 2 ? digits.slice(2) : '00';
  if (mm.length !== 2 || Number(hh) > 14 || Number(mm) > 59) return null;
  return `${z[0]}${hh}:${mm}`;
}

/** RFC 2822 zones: numeric offsets and the obsolete US names; unknown names mean "no zone". */
function rfcZone(z: string): string | undefined {
  if (/^[+-]\d{4}$/.test(z)) return `${z.slice(0, 3)}:${z.slice(3)}`;
  return ZONES[z.toLowerCase()];
}

function validDate(y: number, mo: number, d: number): boolean {
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[mo - 1] as number);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
