/**
 * The engine's own sentences: why a sheet could not be checked. Vietnamese first, English second.
 */
import type { Lang } from '../engine/model';

export const failureMessages = {
  emptySheet: (sheet: string, lang: Lang) =>
    lang === 'vi' ? `Trang tính “${sheet}” không có dữ liệu.` : `Sheet “${sheet}” is empty.`,
  noTable: (sheet: string, lang: Lang) =>
    lang === 'vi'
      ? `Không tìm thấy bảng phụ lục nhiệm vụ trên trang tính “${sheet}”: cần một dòng tiêu đề có các cột như “Nhiệm vụ”, “Sản phẩm”, “Chủ trì”, “Thời gian”.`
      : `No appendix task table found on sheet “${sheet}”: a header row with columns such as “Nhiệm vụ”, “Sản phẩm”, “Chủ trì”, “Thời gian” is needed.`,
  ambiguous: (sheet: string, rowA: number, rowB: number, lang: Lang) =>
    lang === 'vi'
      ? `Trang tính “${sheet}” có hai bảng nhiệm vụ khác nhau (tiêu đề ở dòng ${rowA} và dòng ${rowB}); hãy để mỗi bảng trên một trang tính riêng rồi kiểm tra lại. Chưa có gì được ghi.`
      : `Sheet “${sheet}” holds two different task tables (headers on rows ${rowA} and ${rowB}); put each on its own sheet and check again. Nothing was written.`,
  reportSheet: (sheet: string, lang: Lang) =>
    lang === 'vi'
      ? `Trang tính “${sheet}” là báo cáo quý do tiện ích lập, không phải phụ lục kế hoạch; hãy chọn trang tính chứa phụ lục.`
      : `Sheet “${sheet}” is a quarterly report made by this add-in, not a plan appendix; choose the sheet that holds the appendix.`,
  badSettings: (detail: string, lang: Lang) =>
    lang === 'vi' ? `Thiết lập không hợp lệ: ${detail}` : `Invalid settings: ${detail}`,
  noTaskRows: (sheet: string, lang: Lang) =>
    lang === 'vi'
      ? `Bảng phụ lục trên trang tính “${sheet}” chưa có dòng nhiệm vụ nào.`
      : `The appendix table on sheet “${sheet}” has no task rows.`,
};
