/**
 * Every sentence the command line says, Vietnamese first, English second. A failure is one
 * sentence that names the file and says what to do; never a stack trace.
 */
import { PLAN_YEAR_MAX, PLAN_YEAR_MIN } from '../engine/dates';
import type { Lang } from '../engine/model';
import type { OpenFailureCode } from '../hosts/xlsx/open-file';
import type { WriteFailureCode } from '../hosts/xlsx/write';

type Text = { vi: string; en: string };
const pick = (lang: Lang, t: Text) => (lang === 'en' ? t.en : t.vi);

export function openFailure(code: OpenFailureCode, file: string, lang: Lang): string {
  const f = `“${file}”`;
  const texts: Record<OpenFailureCode, Text> = {
    missing: { vi: `Không tìm thấy tệp ${f}.`, en: `File ${f} not found.` },
    'not-a-file': { vi: `${f} là một thư mục, không phải tệp Excel.`, en: `${f} is a folder, not an Excel file.` },
    'not-regular': {
      vi: `${f} không phải là tệp thông thường (thiết bị, FIFO hoặc socket), không phải tệp Excel.`,
      en: `${f} is not a regular file (a device, FIFO or socket), not an Excel file.`,
    },
    unreadable: { vi: `Không đọc được tệp ${f}: không có quyền đọc.`, en: `Cannot read ${f}: permission denied.` },
    'not-workbook': {
      vi: `Tệp ${f} không phải là sổ tính Excel (.xlsx); hãy mở bằng Excel và lưu lại dưới dạng .xlsx.`,
      en: `${f} is not an Excel workbook (.xlsx); open it in Excel and save it as .xlsx.`,
    },
    'old-xls': {
      vi: `Tệp ${f} ở định dạng Excel cũ (.xls); hãy mở bằng Excel và lưu lại dưới dạng .xlsx.`,
      en: `${f} is in the old Excel format (.xls); open it in Excel and save it as .xlsx.`,
    },
    encrypted: {
      vi: `Tệp ${f} được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu mở tệp rồi kiểm tra lại.`,
      en: `${f} is protected with a password; remove the opening password and check again.`,
    },
    'too-large': {
      vi: `Tệp ${f} giải nén ra quá lớn (hơn 1 GB cho một phần của tệp), có thể là tệp hỏng hoặc tệp độc hại; không kiểm tra tệp này.`,
      en: `${f} expands to more than 1 GB in one part (a damaged or hostile file); it was not checked.`,
    },
    damaged: {
      vi: `Tệp ${f} bị hỏng hoặc chưa tải về đầy đủ; hãy lấy lại bản đầy đủ của tệp.`,
      en: `${f} is damaged or incomplete (truncated); get a complete copy of the file.`,
    },
  };
  return pick(lang, texts[code]);
}

export function writeFailure(code: WriteFailureCode, file: string, lang: Lang): string {
  const f = `“${file}”`;
  const texts: Record<WriteFailureCode, Text> = {
    'no-directory': { vi: `Không ghi được ${f}: thư mục chứa tệp không tồn tại.`, en: `Cannot write ${f}: its folder does not exist.` },
    'not-writable': { vi: `Không ghi được ${f}: không có quyền ghi vào thư mục này.`, en: `Cannot write ${f}: no permission to write in that folder.` },
    'is-directory': { vi: `Không ghi được ${f}: đó là một thư mục.`, en: `Cannot write ${f}: it is a folder.` },
    'write-failed': { vi: `Không ghi được ${f}; tệp cũ (nếu có) vẫn được giữ nguyên.`, en: `Writing ${f} failed; any previous file there is left as it was.` },
    'not-regular': {
      vi: `Không ghi được ${f}: đó không phải là một tệp thông thường (thiết bị, FIFO hoặc socket); hãy chọn một tên tệp .xlsx.`,
      en: `Cannot write ${f}: it is not a regular file (a device, FIFO or socket); choose an .xlsx file name.`,
    },
    'disk-full': {
      vi: `Không ghi được ${f}: ổ đĩa đã đầy; hãy giải phóng dung lượng rồi chạy lại (tệp cũ, nếu có, vẫn được giữ nguyên).`,
      en: `Cannot write ${f}: the disk is full; free some space and run again (any previous file there is left as it was).`,
    },
    'name-too-long': {
      vi: `Không ghi được ${f}: tên tệp quá dài (tối đa 255 byte, mỗi chữ có dấu chiếm 2 hoặc 3 byte); hãy đặt tên ngắn hơn.`,
      en: `Cannot write ${f}: the file name is too long (at most 255 bytes, and a letter with a Vietnamese accent takes 2 or 3); choose a shorter name.`,
    },
    busy: {
      vi: `Không ghi được ${f}: một lệnh cchc-plan khác đang ghi vào tệp này; hãy chờ lệnh đó xong hoặc chọn tên khác.`,
      en: `Cannot write ${f}: another cchc-plan run is writing this file; wait for it to finish or choose another name.`,
    },
  };
  return pick(lang, texts[code]);
}

export const messages = {
  emptyWorkbook: (file: string, lang: Lang) =>
    pick(lang, { vi: `Tệp “${file}” không có dữ liệu: mọi trang tính đều trống.`, en: `“${file}” holds no data: every sheet is empty.` }),
  noSuchSheet: (file: string, sheet: string, sheets: string[], lang: Lang) =>
    pick(lang, {
      vi: `Tệp “${file}” không có trang tính “${sheet}”; các trang tính: ${sheets.map((s) => `“${s}”`).join(', ')}.`,
      en: `“${file}” has no sheet “${sheet}”; its sheets are ${sheets.map((s) => `“${s}”`).join(', ')}.`,
    }),
  sameAsInput: (file: string, lang: Lang) =>
    pick(lang, {
      vi: `--out trỏ vào chính tệp “${file}”; tệp gốc không bao giờ bị ghi đè, hãy chọn tên khác.`,
      en: `--out points at the input “${file}” itself; the input is never overwritten, choose another name.`,
    }),
  macroCopyNamedXlsx: (file: string, target: string, lang: Lang) =>
    pick(lang, {
      vi: `Bản sao của “${file}” (có macro) phải có đuôi .xlsm, không phải “${target}”: Excel không mở sổ tính có macro mang đuôi .xlsx.`,
      en: `The copy of “${file}” (a macro workbook) must end in .xlsm, not “${target}”: Excel refuses to open a macro workbook named .xlsx.`,
    }),
  copyNamedXlsm: (file: string, target: string, lang: Lang) =>
    pick(lang, {
      vi: `Bản sao của “${file}” (không có macro) phải có đuôi .xlsx, không phải “${target}”: Excel không mở sổ tính không có macro mang đuôi .xlsm.`,
      en: `The copy of “${file}” (a workbook without macros) must end in .xlsx, not “${target}”: Excel refuses to open a workbook without macros named .xlsm.`,
    }),
  plainCopyNamedXlsm: (target: string, lang: Lang) =>
    pick(lang, {
      vi: `Bản Unicode là sổ tính không có macro nên phải có đuôi .xlsx, không phải “${target}”: Excel không mở sổ tính không có macro mang đuôi .xlsm.`,
      en: `The Unicode copy is a workbook without macros, so it must end in .xlsx, not “${target}”: Excel refuses to open a workbook without macros named .xlsm.`,
    }),
  outMustBeDirectory: (out: string, lang: Lang) =>
    pick(lang, {
      vi: `Khi kiểm tra nhiều tệp, --out phải là một thư mục đã có (“${out}” không phải); mỗi bản kiểm tra được ghi vào đó với tên của tệp gốc.`,
      en: `With several input files --out must be an existing folder (“${out}” is not); each checked copy is written there under its input's name.`,
    }),
  outDirectoryMissing: (out: string, lang: Lang) =>
    pick(lang, { vi: `Thư mục “${out}” cho --out không tồn tại.`, en: `The --out folder “${out}” does not exist.` }),
  duplicateOut: (file: string, target: string, lang: Lang) =>
    pick(lang, {
      vi: `Bỏ qua “${file}”: bản kiểm tra “${target}” đã được dùng cho một tệp khác cùng tên.`,
      en: `Skipped “${file}”: the copy “${target}” is already taken by another input of the same name.`,
    }),
  unexpected: (file: string, lang: Lang) =>
    pick(lang, {
      vi: `Không kiểm tra được “${file}” do một lỗi không lường trước; tệp gốc không bị thay đổi.`,
      en: `Could not check “${file}” because of an unexpected error; the input was not changed.`,
    }),
  stateIgnored: (file: string, lang: Lang) =>
    pick(lang, {
      vi: `Lưu ý: thiết lập lưu trong “${file}” bị hỏng nên đã dùng thiết lập mặc định.`,
      en: `Note: the settings stored in “${file}” are damaged; the defaults were used.`,
    }),
  protectedSheet: (file: string, sheet: string, lang: Lang) =>
    pick(lang, {
      vi: `Trang tính “${sheet}” trong “${file}” đang được bảo vệ nên không ghi bản kiểm tra; hãy bỏ bảo vệ trang tính (Review › Unprotect Sheet) rồi chạy lại.`,
      en: `Sheet “${sheet}” in “${file}” is protected, so no checked copy was written; unprotect the sheet (Review › Unprotect Sheet) and run again.`,
    }),
  chartSkipped: (lang: Lang) =>
    pick(lang, { vi: 'Biểu đồ chỉ được vẽ khi chạy trong Excel; bản ghi ra không có biểu đồ.', en: 'Charts are drawn only inside Excel; the written copy has none.' }),
  noCommand: (lang: Lang) =>
    pick(lang, {
      vi: 'Thiếu lệnh: dùng “cchc-plan validate <tệp.xlsx>” hoặc xem “cchc-plan --help”.',
      en: 'No command given: use “cchc-plan validate <plan.xlsx>” or see “cchc-plan --help”.',
    }),
  unknownCommand: (name: string, commands: string[], lang: Lang) =>
    pick(lang, {
      vi: `Không có lệnh “${name}”; các lệnh: ${commands.join(', ')}.`,
      en: `Unknown command “${name}”; the commands are ${commands.join(', ')}.`,
    }),
  unknownOption: (option: string, lang: Lang) =>
    pick(lang, { vi: `Không có tùy chọn “${option}”; xem “cchc-plan --help”.`, en: `Unknown option “${option}”; see “cchc-plan --help”.` }),
  optionNeedsValue: (option: string, lang: Lang) =>
    pick(lang, { vi: `Tùy chọn “${option}” cần một giá trị.`, en: `Option “${option}” needs a value.` }),
  missingFile: (lang: Lang) =>
    pick(lang, { vi: 'Thiếu tệp kế hoạch cần kiểm tra (tệp .xlsx).', en: 'No plan file given (an .xlsx file).' }),
  badArguments: (detail: string, lang: Lang) =>
    pick(lang, { vi: `Tham số không hợp lệ: ${detail}`, en: `Invalid arguments: ${detail}` }),
  badDate: (option: string, value: string, lang: Lang) =>
    pick(lang, {
      vi: `${option} “${value}” không phải một ngày có thật; hãy viết ngày/tháng/năm như 22/11/2024 (hoặc 2024-11-22).`,
      en: `${option} “${value}” is not a real date; write day/month/year as 22/11/2024 (or 2024-11-22).`,
    }),
  badYear: (option: string, value: string, lang: Lang) =>
    pick(lang, {
      vi: `${option} “${value}” không phải một năm hợp lệ (từ ${PLAN_YEAR_MIN} đến ${PLAN_YEAR_MAX}).`,
      en: `${option} “${value}” is not a valid year (${PLAN_YEAR_MIN} to ${PLAN_YEAR_MAX}).`,
    }),
  badLang: (value: string) => `--lang “${value}”: chỉ nhận vi hoặc en / only vi or en.`,
  badSheet: (lang: Lang) => pick(lang, { vi: '--sheet cần tên một trang tính.', en: '--sheet needs a sheet name.' }),
  badOut: (lang: Lang) => pick(lang, { vi: '--out cần tên tệp hoặc thư mục để ghi.', en: '--out needs a file or folder name to write.' }),
};
