/** The sentences of `cchc-plan rollup`, Vietnamese first, English second. */
import type { Lang } from '../engine/model';

type Text = { vi: string; en: string };
const pick = (lang: Lang, t: Text) => (lang === 'en' ? t.en : t.vi);

export const rollupMessages = {
  reportSheet: (file: string, sheet: string, lang: Lang) =>
    pick(lang, {
      vi: `Trang “${sheet}” của “${file}” là trang báo cáo do công cụ lập, không phải phụ lục kế hoạch; hãy gửi tệp kế hoạch của đơn vị.`,
      en: `Sheet “${sheet}” of “${file}” is a report made by this tool, not a plan appendix; use the unit's plan workbook.`,
    }),
  missingOut: (lang: Lang) =>
    pick(lang, {
      vi: 'Thiếu --out: cho biết tệp tổng hợp cần ghi, ví dụ --out tong-hop.xlsx.',
      en: 'Missing --out: name the consolidated file to write, e.g. --out tong-hop.xlsx.',
    }),
  badPeriod: (value: string, lang: Lang) =>
    pick(lang, { vi: `--period “${value}” không phải kỳ báo cáo; chọn Q1, Q2, H1, Q3, Q4 hoặc Y.`, en: `--period “${value}” is not a reporting period; choose Q1, Q2, H1, Q3, Q4 or Y.` }),
  badFormat: (value: string, lang: Lang) =>
    pick(lang, { vi: `--format “${value}” không hợp lệ; chọn xlsx hoặc docx.`, en: `--format “${value}” is not valid; choose xlsx or docx.` }),
  outExtension: (out: string, ext: string, lang: Lang) =>
    pick(lang, {
      vi: `--out “${out}” cần đuôi ${ext} cho định dạng đã chọn.`,
      en: `--out “${out}” needs the ${ext} extension for the chosen format.`,
    }),
  noWorkbooks: (folder: string, lang: Lang) =>
    pick(lang, {
      vi: `Thư mục “${folder}” không có tệp Excel (.xlsx) nào để tổng hợp.`,
      en: `Folder “${folder}” holds no Excel workbook (.xlsx) to consolidate.`,
    }),
  outIsInput: (out: string, lang: Lang) =>
    pick(lang, {
      vi: `--out “${out}” trùng với một tệp kế hoạch đầu vào; tệp đầu vào không bao giờ bị ghi đè, hãy chọn tên khác.`,
      en: `--out “${out}” is one of the input plans; an input is never overwritten, choose another name.`,
    }),
  unitsFile: (file: string, detail: string, lang: Lang) =>
    pick(lang, {
      vi: `Tệp đơn vị “${file}” không dùng được: ${detail}`,
      en: `The units file “${file}” cannot be used: ${detail}`,
    }),
  unitsShape: (lang: Lang) =>
    pick(lang, {
      vi: 'cần dạng {"units": [{"unit": "…", "aliases": ["…"], "files": ["…"]}]}.',
      en: 'it must read {"units": [{"unit": "…", "aliases": ["…"], "files": ["…"]}]}.',
    }),
  unitsNotJson: (lang: Lang) => pick(lang, { vi: 'không phải JSON hợp lệ.', en: 'it is not valid JSON.' }),
  unitsMissing: (lang: Lang) => pick(lang, { vi: 'không tìm thấy hoặc không đọc được tệp.', en: 'the file is missing or unreadable.' }),
  noneCounted: (files: number, lang: Lang) =>
    pick(lang, {
      vi: `Không tệp nào trong ${files} tệp được tính vào tổng hợp (lý do từng tệp ở trên); không ghi tệp tổng hợp.`,
      en: `None of the ${files} files could be counted (each reason above); no consolidated file was written.`,
    }),
  skipped: (file: string, reason: string, lang: Lang) => pick(lang, { vi: `Bỏ qua “${file}”: ${reason}`, en: `Skipped “${file}”: ${reason}` }),
  sameUnit: (file: string, note: string, lang: Lang) => pick(lang, { vi: `Lưu ý “${file}”: ${note}`, en: `Note on “${file}”: ${note}` }),
  written: (out: string, lang: Lang) =>
    pick(lang, { vi: `Đã ghi tệp tổng hợp ${out}; các tệp kế hoạch không thay đổi.`, en: `Consolidated file ${out} written; the plans are unchanged.` }),
};
