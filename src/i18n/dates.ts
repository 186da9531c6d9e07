/**
 * The one way a calendar date is shown to people, in both languages: dd/mm/yyyy, as Vietnamese
 * documents write it (an English reader of these plans quotes the same official dates).
 */

/** 2024-03-14 → 14/03/2024; anything else is shown as given, null as "". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
