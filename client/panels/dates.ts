// Dates as the explorer shows and reads them: ISO (åååå-mm-dd) or Danish day-first (dd-mm-åååå), never mm/dd/yyyy.

import { normalizeDate } from './loader/parseArticle.ts';

/**
 * "2025-10-31", "31-10-2025", "31.10.2025", "31/10/2025" or "31. oktober 2025" -> "2025-10-31"; "" -> null;
 * anything else, or a day that does not exist (2025-02-30), -> undefined.
 */
export function readDateInput(raw: string): string | null | undefined {
  if (raw.trim() === '') return null;
  const iso = normalizeDate(raw);
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}
