/**
 * The one way a calendar date is shown to people, in both languages: dd/mm/yyyy, as Vietnamese
 * documents write it (an English reader of these plans quotes the same official dates).
 */
import { isISODate } from '../engine/dates';

/** 2024-03-14 → 14/03/2024; anything else is shown as given, null as "". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

const DAY_MONTH_YEAR = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const YEAR_MONTH_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * A date typed by a person: dd/mm/yyyy (also d/m/yyyy, and "-" or "." between the parts), the
 * way Vietnamese documents write it, or yyyy-mm-dd. Day first whatever the machine's locale:
 * 05/06/2024 is the 5th of June. Null when the text is not a real calendar day (31/02/2024).
 */
export function parseDateStr(text: string): string | null {
  const trimmed = text.trim();
  const dmy = DAY_MONTH_YEAR.exec(trimmed);
  const ymdParts = dmy ? [dmy[3], dmy[2], dmy[1]] : YEAR_MONTH_DAY.exec(trimmed)?.slice(1, 4);
  if (!ymdParts) return null;
  const [year, month, day] = ymdParts.map(Number);
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isISODate(iso) ? iso : null;
}
