/**
 * The support information as text: the lines the pane shows and the text its "Copy" button puts
 * on the clipboard, in the pane's language. No Office.js and no Node APIs (the pane imports it).
 */
import type { Lang } from '../../engine/model';
import { REQUIRED_EXCEL_API } from './requirements';
import type { RecordedError } from './run-guard';

export interface OfficeDiagnostics {
  host: string;
  platform: string;
  version: string;
}

export interface SheetFacts {
  name: string;
  /** The used range (values only), e.g. "A1:N767". */
  usedRange: string;
  rows: number;
  columns: number;
  mergedAreas: number;
}

export interface SupportInfo {
  addinVersion: string;
  office: OfficeDiagnostics | null;
  /** The newest ExcelApi set supported ("1.17"), or null when none is. */
  excelApi: string | null;
  otherSets: { name: string; version: string; supported: boolean }[];
  sheet: SheetFacts | null;
  /** Why the sheet could not be read, when it could not. */
  sheetError: string | null;
  lastError: RecordedError | null;
  userAgent: string;
  collectedAt: string;
}

const LABELS = {
  vi: {
    title: 'Thông tin hỗ trợ — Kiểm tra kế hoạch CCHC',
    addin: 'Phiên bản tiện ích',
    office: 'Office',
    unknown: 'không rõ',
    excelApi: 'ExcelApi',
    needs: `cần ${REQUIRED_EXCEL_API}`,
    none: 'không có',
    yes: 'có',
    no: 'không',
    sheet: 'Trang tính',
    size: (rows: number, cols: number) => `${rows} dòng × ${cols} cột`,
    merges: 'vùng gộp',
    sheetError: 'Không đọc được trang tính',
    lastError: 'Lỗi gần nhất',
    noError: 'chưa có',
    browser: 'Trình duyệt',
    collected: 'Thu thập lúc',
  },
  en: {
    title: 'Support information — CCHC plan checker',
    addin: 'Add-in version',
    office: 'Office',
    unknown: 'unknown',
    excelApi: 'ExcelApi',
    needs: `needs ${REQUIRED_EXCEL_API}`,
    none: 'none',
    yes: 'yes',
    no: 'no',
    sheet: 'Sheet',
    size: (rows: number, cols: number) => `${rows} rows × ${cols} columns`,
    merges: 'merged areas',
    sheetError: 'The sheet could not be read',
    lastError: 'Last error',
    noError: 'none',
    browser: 'Browser',
    collected: 'Collected at',
  },
} as const;

/** The lines shown and copied, label: value. */
export function supportLines(info: SupportInfo, lang: Lang): { label: string; value: string }[] {
  const t = LABELS[lang];
  const lines: { label: string; value: string }[] = [
    { label: t.addin, value: info.addinVersion },
    { label: t.office, value: info.office ? `${info.office.host}, ${info.office.platform}, ${info.office.version}` : t.unknown },
    { label: t.excelApi, value: `${info.excelApi ?? t.none} (${t.needs})` },
    ...info.otherSets.map((s) => ({ label: `${s.name} ${s.version}`, value: s.supported ? t.yes : t.no })),
    info.sheet
      ? { label: t.sheet, value: `${info.sheet.name} — ${info.sheet.usedRange} (${t.size(info.sheet.rows, info.sheet.columns)}), ${info.sheet.mergedAreas} ${t.merges}` }
      : { label: t.sheetError, value: info.sheetError ?? t.unknown },
    { label: t.lastError, value: info.lastError ? `${info.lastError.at} ${info.lastError.code}: ${info.lastError.message}` : t.noError },
  ];
  if (info.lastError?.debugInfo) lines.push({ label: 'debugInfo', value: info.lastError.debugInfo });
  lines.push({ label: t.browser, value: info.userAgent }, { label: t.collected, value: info.collectedAt });
  return lines.map((l) => ({ label: l.label.normalize('NFC'), value: l.value.normalize('NFC') }));
}

/** The text a "Copy" button puts on the clipboard. */
export function supportText(info: SupportInfo, lang: Lang): string {
  return [LABELS[lang].title.normalize('NFC'), ...supportLines(info, lang).map((l) => `${l.label}: ${l.value}`)].join('\n');
}
