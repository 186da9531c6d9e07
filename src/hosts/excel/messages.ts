/**
 * The Office.js host's own sentences: why Excel could not do what was asked. One clear sentence
 * (two at most), Vietnamese first, English second, saying whether anything was written.
 */
import type { Lang } from '../../engine/model';

const pick = (lang: Lang, vi: string, en: string): string => (lang === 'vi' ? vi : en).normalize('NFC');

export const hostMessages = {
  unsupported: (required: string, lang: Lang) =>
    pick(
      lang,
      `Phiên bản Excel này chưa hỗ trợ ExcelApi ${required}, nên không đọc được ô gộp, không tạo được danh sách chọn và tô màu tự động: hãy dùng Microsoft 365, Excel 2021 trở lên hoặc Excel trên web (hoặc kiểm tra tệp .xlsx bằng lệnh cchc-plan). Chưa có gì được ghi.`,
      `This version of Excel does not support ExcelApi ${required}, so merged cells cannot be read and drop-downs and highlights cannot be added: use Microsoft 365, Excel 2021 or later, or Excel on the web (or check the .xlsx file with the cchc-plan command). Nothing was written.`,
    ),
  protectedSheet: (sheet: string, lang: Lang) =>
    pick(
      lang,
      `Trang tính “${sheet}” đang được bảo vệ: hãy bỏ bảo vệ trang tính (Xem lại › Bỏ bảo vệ trang tính) rồi kiểm tra lại. Chưa có gì được ghi.`,
      `Sheet “${sheet}” is protected: unprotect it (Review › Unprotect Sheet) and check again. Nothing was written.`,
    ),
  protectedGeneric: (lang: Lang) =>
    pick(
      lang,
      'Excel không cho ghi vì trang tính hoặc sổ làm việc đang được bảo vệ: hãy bỏ bảo vệ rồi thử lại.',
      'Excel refused to write because the sheet or the workbook is protected: unprotect it and try again.',
    ),
  tooLarge: (lang: Lang) =>
    pick(
      lang,
      'Dữ liệu quá lớn để Excel gửi trong một lần (giới hạn 5 MB của Excel trên web), kể cả khi đã chia nhỏ: hãy tách bảng ra nhiều trang tính hoặc dùng lệnh cchc-plan trên tệp .xlsx.',
      'The data is too large for Excel to transfer even in pieces (Excel on the web limits each transfer to 5 MB): split the table over several sheets or use the cchc-plan command on the .xlsx file.',
    ),
  cellEditMode: (lang: Lang) =>
    pick(lang, 'Excel đang ở chế độ sửa ô: hãy nhấn Enter hoặc Esc rồi thử lại.', 'Excel is editing a cell: press Enter or Esc and try again.'),
  cellEditHint: (lang: Lang) =>
    pick(lang, 'Nếu đang gõ trong một ô, hãy nhấn Enter hoặc Esc rồi thử lại.', 'If a cell is being edited, press Enter or Esc and try again.'),
  excelError: (code: string, detail: string, lang: Lang) =>
    pick(lang, `Excel báo lỗi (${code}): ${detail}`, `Excel reported an error (${code}): ${detail}`),
  nothingWritten: (lang: Lang) => pick(lang, 'Chưa có gì được ghi.', 'Nothing was written.'),
  partlyWritten: (lang: Lang) =>
    pick(
      lang,
      'Có thể một phần khối theo dõi đã được ghi trước khi lỗi xảy ra: hãy khắc phục rồi bấm Kiểm tra lại để hoàn tất.',
      'Part of the tracking block may have been written before the error: fix the cause and check again to complete it.',
    ),
  invalidChanges: (detail: string, lang: Lang) =>
    pick(
      lang,
      `Tiện ích tạo ra thay đổi không hợp lệ (${detail}); đây là lỗi của tiện ích, hãy báo cho người phát triển. Chưa có gì được ghi.`,
      `The add-in produced an invalid change (${detail}); this is a bug in the add-in, please report it. Nothing was written.`,
    ),
  stateTooLarge: (lang: Lang) =>
    pick(
      lang,
      'Thiết lập quá dài để lưu vào một ô Excel (tối đa 32.767 ký tự): hãy rút gọn danh sách tên đơn vị hoặc từ sản phẩm.',
      'The settings are too long to store in one Excel cell (32,767 characters at most): shorten the unit alias or deliverable lists.',
    ),
  settingsNeedStructure: (lang: Lang) =>
    pick(
      lang,
      'Sổ làm việc đang được bảo vệ cấu trúc nên không thêm được trang ẩn lưu thiết lập: hãy bỏ bảo vệ (Xem lại › Bảo vệ sổ làm việc) rồi lưu lại. Chưa có gì được ghi.',
      'The workbook’s structure is protected, so the hidden sheet that stores the settings cannot be added: unprotect it (Review › Protect Workbook) and save again. Nothing was written.',
    ),
  reportCancelled: (sheet: string, lang: Lang) =>
    pick(lang, `Đã hủy: trang tính “${sheet}” được giữ nguyên.`, `Cancelled: sheet “${sheet}” was left as it was.`),
  reportOnOwnSheet: (sheet: string, lang: Lang) =>
    pick(
      lang,
      `Trang tính đang mở (“${sheet}”) là một trang báo cáo; hãy mở trang phụ lục kế hoạch rồi tạo báo cáo.`,
      `The open sheet (“${sheet}”) is a report sheet; open the plan's appendix sheet and build the report from there.`,
    ),
  noSuchSheet: (sheet: string, lang: Lang) =>
    pick(lang, `Không có trang tính “${sheet}”.`, `There is no sheet “${sheet}”.`),
};
