/**
 * Telling a report sheet made by this product from an appendix. The report's lists have
 * "STT · Nhiệm vụ · Đơn vị chủ trì · Thời hạn · Tình trạng" headers, so table recognition alone
 * would take a report sheet for a plan; its title says what it is. Reports laid out as an
 * administrative document (report/document.ts) carry the type "BÁO CÁO" on one row and the
 * summary line "Kết quả thực hiện công tác cải cách hành chính …" under it; earlier ones carried
 * one title line ("BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH …") in their first rows.
 * The engine refuses such a sheet.
 */
import type { Grid } from './model';

/** The start of the one-line title of earlier reports, per language. */
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

/** The document type and the start of its summary line, per language (document.ts writes
 * these words). Both must be there: an appendix may well be titled "Kết quả thực hiện …". */
export const REPORT_DOCUMENT_MARKS: readonly { type: string; summary: string }[] = [
  { type: 'BÁO CÁO', summary: 'KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH' },
  { type: 'REPORT', summary: 'RESULTS OF ADMINISTRATIVE REFORM WORK' },
];

/** How many rows from the top the title may sit in (the document's header takes the first
 * six; a user may insert a row or two above). */
const TITLE_SEARCH_ROWS = 14;

function norm(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleUpperCase('vi');
}

export function isReportTitle(text: string): boolean {
  const t = norm(text);
  return REPORT_TITLE_PREFIXES.some((p) => t.startsWith(p)) || ROLLUP_TITLE_PREFIXES.some((p) => t.startsWith(p));
}

/** The grid is a report sheet: a cell in its first rows holds the report's title, or the
 * document type with the summary line on a row below it. */
export function isReportSheet(grid: Grid): boolean {
  const rows = Math.min(grid.values.length, TITLE_SEARCH_ROWS - grid.origin.row);
  const typeRows = new Map<string, number>();
  for (let r = 0; r < rows; r++) {
    for (const v of grid.values[r] ?? []) {
      if (typeof v !== 'string') continue;
      if (isReportTitle(v)) return true;
      const t = norm(v);
      for (const mark of REPORT_DOCUMENT_MARKS) {
        if (t === mark.type) typeRows.set(mark.type, r);
        const typeRow = typeRows.get(mark.type);
        if (typeRow !== undefined && typeRow < r && r - typeRow <= 2 && t.startsWith(mark.summary)) return true;
      }
    }
  }
  return false;
}
