/**
 * Telling a report sheet made by this product from an appendix. The report's lists have
 * "STT · Nhiệm vụ · Đơn vị chủ trì · Thời hạn · Tình trạng" headers, so table recognition alone
 * would take a report sheet for a plan; its title (row 2, written by reportSheet) says what it
 * is. The engine refuses such a sheet; src/report/labels.ts writes the title from these words.
 */
import type { Grid } from './model';

/** The start of the report's title, per language (labels.ts writes these words). */
export const REPORT_TITLE_PREFIXES: readonly string[] = [
  'BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH',
  'REPORT ON THE ADMINISTRATIVE REFORM PLAN',
];

/** The start of the roll-up's title (src/report/rollup/labels.ts): the consolidated sheets hold
 * the same lists, and are no more a plan than a report sheet is. */
export const ROLLUP_TITLE_PREFIXES: readonly string[] = [
  'BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH',
  'CONSOLIDATED REPORT ON THE ADMINISTRATIVE REFORM PLANS',
];

/** How many rows from the top the title may sit in (a user may insert a row or two above). */
const TITLE_SEARCH_ROWS = 5;

export function isReportTitle(text: string): boolean {
  const t = text.normalize('NFC').replace(/\s+/g, ' ').trim().toUpperCase();
  return REPORT_TITLE_PREFIXES.some((p) => t.startsWith(p)) || ROLLUP_TITLE_PREFIXES.some((p) => t.startsWith(p));
}

/** The grid is a report sheet: a cell in its first rows holds the report's title. */
export function isReportSheet(grid: Grid): boolean {
  for (let r = 0; r < Math.min(grid.values.length, TITLE_SEARCH_ROWS - grid.origin.row); r++) {
    for (const v of grid.values[r] ?? []) if (typeof v === 'string' && isReportTitle(v)) return true;
  }
  return false;
}
