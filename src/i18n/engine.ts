/**
 * The engine's words in one language: its issue messages and why a sheet could not be checked.
 * Callers (hosts, CLI, tests) pass `engineWording(lang)` to analyzeSheet. Vietnamese first,
 * English second.
 */
import type { Lang } from '../engine/model';
import type { EngineWording } from '../engine/wording';
import { ISSUE_TEMPLATES } from './issues';

const FAILURES: Record<Lang, EngineWording['failures']> = {
  vi: {
    emptySheet: ({ sheet }) => `Trang tính “${sheet}” không có dữ liệu.`,
    noTable: ({ sheet }) =>
      `Không tìm thấy bảng phụ lục nhiệm vụ trên trang tính “${sheet}”: cần một dòng tiêu đề có các cột như “Nhiệm vụ”, “Sản phẩm”, “Chủ trì”, “Thời gian”.`,
    ambiguousTable: ({ sheet, firstHeaderRow, secondHeaderRow }) =>
      `Trang tính “${sheet}” có hai bảng nhiệm vụ khác nhau (tiêu đề ở dòng ${firstHeaderRow} và dòng ${secondHeaderRow}); hãy để mỗi bảng trên một trang tính riêng rồi kiểm tra lại. Chưa có gì được ghi.`,
    sideBySideTables: ({ sheet, first, second }) =>
      `Trang tính “${sheet}” có hai bảng nhiệm vụ đặt cạnh nhau (cột ${first} và cột ${second}); hãy để mỗi bảng trên một trang tính riêng rồi kiểm tra lại. Chưa có gì được ghi.`,
    reportSheet: ({ sheet }) =>
      `Trang tính “${sheet}” là báo cáo quý do tiện ích lập, không phải phụ lục kế hoạch; hãy chọn trang tính chứa phụ lục.`,
    noRoomForTracking: ({ sheet }) =>
      `Trang tính “${sheet}” không còn chỗ cho các cột theo dõi trước cột XFD (cột cuối của Excel); hãy xoá bớt các cột trống có định dạng ở bên phải bảng rồi ghi lại. Chưa có gì được ghi.`,
    badSettings: ({ detail }) => `Thiết lập không hợp lệ: ${detail}`,
  },
  en: {
    emptySheet: ({ sheet }) => `Sheet “${sheet}” is empty.`,
    noTable: ({ sheet }) =>
      `No appendix task table found on sheet “${sheet}”: a header row with columns such as “Nhiệm vụ”, “Sản phẩm”, “Chủ trì”, “Thời gian” is needed.`,
    ambiguousTable: ({ sheet, firstHeaderRow, secondHeaderRow }) =>
      `Sheet “${sheet}” holds two different task tables (headers on rows ${firstHeaderRow} and ${secondHeaderRow}); put each on its own sheet and check again. Nothing was written.`,
    sideBySideTables: ({ sheet, first, second }) =>
      `Sheet “${sheet}” holds two task tables side by side (columns ${first} and ${second}); put each on its own sheet and check again. Nothing was written.`,
    reportSheet: ({ sheet }) =>
      `Sheet “${sheet}” is a quarterly report made by this add-in, not a plan appendix; choose the sheet that holds the appendix.`,
    noRoomForTracking: ({ sheet }) =>
      `Sheet “${sheet}” has no room for the tracking columns before column XFD (Excel's last); clear the columns right of the table and write again. Nothing was written.`,
    badSettings: ({ detail }) => `Invalid settings: ${detail}`,
  },
};

const WORDING: Record<Lang, EngineWording> = {
  vi: { lang: 'vi', issues: ISSUE_TEMPLATES.vi, failures: FAILURES.vi },
  en: { lang: 'en', issues: ISSUE_TEMPLATES.en, failures: FAILURES.en },
};

export function engineWording(lang: Lang): EngineWording {
  return WORDING[lang] ?? WORDING.vi;
}
