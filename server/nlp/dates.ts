// Danish dates as written in articles and headers: month names and the common numeric forms, read as ISO dates.

export const DANISH_MONTHS: Record<string, number> = {
  januar: 1,
  februar: 2,
  marts: 3,
  april: 4,
  maj: 5,
  juni: 6,
  juli: 7,
  august: 8,
  september: 9,
  oktober: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  okt: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  may: 5,
  june: 6,
  july: 7,
  october: 10,
};

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A valid calendar date as YYYY-MM-DD, or null. */
export function isoFromParts(year: number, month: number, day: number): string | null {
  if (!(year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Reads "2019-06-29", "29-06-2019", "29.06.2019", "29/6 2019", "29. juni 2019" or "June 29, 2019" as an ISO date. */
export function parseDate(text: string): string | null {
  const s = text.trim();
  let m = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (m) return isoFromParts(+m[1], +m[2], +m[3]);
  m = /\b(\d{1,2})[.\-/](\d{1,2})[.\-/ ](\d{4})\b/.exec(s);
  if (m) return isoFromParts(+m[3], +m[2], +m[1]);
  m = /\b(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})\b/i.exec(s);
  if (m && DANISH_MONTHS[m[2].toLowerCase()]) return isoFromParts(+m[3], DANISH_MONTHS[m[2].toLowerCase()], +m[1]);
  m = /\b([a-z]+)\s+(\d{1,2}),?\s+(\d{4})\b/i.exec(s);
  if (m && DANISH_MONTHS[m[1].toLowerCase()]) return isoFromParts(+m[3], DANISH_MONTHS[m[1].toLowerCase()], +m[2]);
  return null;
}
