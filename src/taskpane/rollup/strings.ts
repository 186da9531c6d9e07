/** Words of the pane's "Tổng hợp nhiều đơn vị", Vietnamese first, English second (NFC). */
import type { Lang } from '../../engine/model';
import type { BytesFailureCode } from '../../hosts/xlsx/open-bytes';
import type { RollupQuestion } from '../../usecases/rollup-write';

export interface RollupStrings {
  tab: string;
  title: string;
  intro: string;
  choose: string;
  drop: string;
  chosen: (n: number) => string;
  clear: string;
  run: string;
  noHost: string;
  reading: (i: number, n: number, file: string) => string;
  writing: string;
  yearAuto: string;
  period: string;
  done: (units: number, tasks: number, rate: string) => string;
  written: (sheets: number, removed: number) => string;
  skippedTitle: string;
  notesTitle: string;
  skipped: (file: string, reason: string) => string;
  replaceTitle: string;
  replaceBody: (question: RollupQuestion) => string[];
  replaceConfirm: string;
  cancel: string;
  failures: Record<BytesFailureCode, (file: string) => string>;
  emptyWorkbook: (file: string) => string;
  reportSheet: (file: string, sheet: string) => string;
  unexpected: (file: string) => string;
  noneCounted: string;
  unitsHeading: string;
  unitLine: (unit: string, tasks: number, rate: string) => string;
  fileList: string;
  download: string;
  downloadFailed: string;
  resultHeading: string;
}

const quoted = (names: string[]) => names.map((n) => `“${n}”`).join(', ');

const VI: RollupStrings = {
  // Short: three tabs must fit a 320 px pane; the panel's heading says it in full.
  tab: 'Tổng hợp',
  title: 'Tổng hợp nhiều đơn vị',
  intro:
    'Chọn các tệp kế hoạch (.xlsx) của các đơn vị: mỗi tệp được kiểm tra và phân loại như báo cáo quý, rồi các trang tổng hợp được ghi vào sổ tính đang mở. Tệp chỉ được đọc trên máy này, không gửi đi đâu.',
  choose: 'Chọn tệp…',
  drop: 'hoặc kéo thả các tệp .xlsx vào đây',
  chosen: (n) => `Đã chọn ${n} tệp`,
  clear: 'Bỏ chọn',
  run: 'Tổng hợp và ghi vào sổ tính',
  noHost: 'Phiên bản Excel này không ghi được trang tổng hợp.',
  reading: (i, n, file) => `Đang đọc tệp ${i}/${n}: ${file}`,
  writing: 'Đang ghi các trang tổng hợp…',
  yearAuto: 'Năm tổng hợp',
  period: 'Kỳ tổng hợp',
  done: (units, tasks, rate) => `Đã tổng hợp ${units} đơn vị, ${tasks} nhiệm vụ; tỷ lệ hoàn thành ${rate}.`,
  written: (sheets, removed) =>
    `Đã ghi ${sheets} trang vào sổ tính (trang “Tổng hợp” và các trang chi tiết).${removed > 0 ? ` Đã xóa ${removed} trang chi tiết của lần tổng hợp trước không còn đơn vị tương ứng.` : ''}`,
  skippedTitle: 'Tệp không được tính',
  notesTitle: 'Cần kiểm tra',
  skipped: (file, reason) => `${file}: ${reason}`,
  replaceTitle: 'Thay các trang đã có?',
  replaceBody: (q) => [
    ...(q.replace.length > 0 ? [`Sổ tính đã có ${q.replace.length === 1 ? 'trang' : 'các trang'} ${quoted(q.replace)} (do người dùng tạo hoặc đã sửa sau lần tổng hợp trước); sẽ thay bằng số liệu tổng hợp mới.`] : []),
    ...(q.remove.length > 0 ? [`${q.remove.length === 1 ? 'Trang' : 'Các trang'} ${quoted(q.remove)} của lần tổng hợp trước đã được sửa và sẽ bị xóa, vì lần tổng hợp này không còn đơn vị đó.`] : []),
    'Tiếp tục?',
  ],
  replaceConfirm: 'Thay',
  cancel: 'Hủy',
  failures: {
    'not-workbook': (f) => `Tệp “${f}” không phải là sổ tính Excel (.xlsx).`,
    'old-xls': (f) => `Tệp “${f}” ở định dạng Excel cũ (.xls); hãy mở bằng Excel và lưu lại dưới dạng .xlsx.`,
    encrypted: (f) => `Tệp “${f}” được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu mở tệp.`,
    damaged: (f) => `Tệp “${f}” bị hỏng hoặc chưa tải về đầy đủ.`,
    'too-large': (f) => `Tệp “${f}” giải nén ra quá lớn, có thể là tệp hỏng; không đọc tệp này.`,
  },
  emptyWorkbook: (f) => `Tệp “${f}” không có dữ liệu: mọi trang tính đều trống.`,
  reportSheet: (f, sheet) => `Trang “${sheet}” của “${f}” là trang báo cáo, không phải phụ lục kế hoạch.`,
  unexpected: (f) => `Không đọc được “${f}” do một lỗi không lường trước.`,
  noneCounted: 'Không tệp nào được tính vào tổng hợp; chưa ghi trang nào.',
  unitsHeading: 'Các đơn vị',
  unitLine: (unit, tasks, rate) => `${unit}: ${tasks} nhiệm vụ, hoàn thành ${rate}`,
  fileList: 'Các tệp đã chọn',
  download: 'Tải báo cáo tổng hợp Word (.docx)',
  downloadFailed: 'Không tạo được tệp Word; các trang tổng hợp trong sổ tính không bị ảnh hưởng.',
  resultHeading: 'Kết quả tổng hợp',
};

const EN: RollupStrings = {
  tab: 'Roll-up',
  title: 'Roll-up of many units',
  intro:
    'Choose the units’ plan workbooks (.xlsx): each is checked and classified as the quarterly report does, and the consolidated sheets are written into the open workbook. The files are read on this computer only; nothing is sent anywhere.',
  choose: 'Choose files…',
  drop: 'or drop .xlsx files here',
  chosen: (n) => `${n} file${n === 1 ? '' : 's'} chosen`,
  clear: 'Clear',
  run: 'Consolidate into this workbook',
  noHost: 'This version of Excel cannot write the consolidated sheets.',
  reading: (i, n, file) => `Reading file ${i}/${n}: ${file}`,
  writing: 'Writing the consolidated sheets…',
  yearAuto: 'Roll-up year',
  period: 'Roll-up period',
  done: (units, tasks, rate) => `${units} units consolidated, ${tasks} tasks; completion rate ${rate}.`,
  written: (sheets, removed) =>
    `${sheets} sheets written into the workbook (“Summary” and the detail sheets).${removed > 0 ? ` ${removed} detail sheet${removed === 1 ? '' : 's'} of the earlier roll-up with no unit in this one removed.` : ''}`,
  skippedTitle: 'Files not counted',
  notesTitle: 'To check',
  skipped: (file, reason) => `${file}: ${reason}`,
  replaceTitle: 'Replace existing sheets?',
  replaceBody: (q) => [
    ...(q.replace.length > 0 ? [`The workbook already has ${q.replace.length === 1 ? 'a sheet' : 'sheets'} ${quoted(q.replace)} (made by someone, or edited since the earlier roll-up); ${q.replace.length === 1 ? 'it' : 'they'} will be replaced with the new roll-up.`] : []),
    ...(q.remove.length > 0 ? [`${q.remove.length === 1 ? 'Sheet' : 'Sheets'} ${quoted(q.remove)} of the earlier roll-up ${q.remove.length === 1 ? 'was' : 'were'} edited and will be removed: this roll-up has no such unit.`] : []),
    'Go on?',
  ],
  replaceConfirm: 'Replace',
  cancel: 'Cancel',
  failures: {
    'not-workbook': (f) => `“${f}” is not an Excel workbook (.xlsx).`,
    'old-xls': (f) => `“${f}” is in the old Excel format (.xls); open it in Excel and save it as .xlsx.`,
    encrypted: (f) => `“${f}” is protected with a password; remove the opening password.`,
    damaged: (f) => `“${f}” is damaged or incomplete.`,
    'too-large': (f) => `“${f}” expands to too much (a damaged or hostile file); it was not read.`,
  },
  emptyWorkbook: (f) => `“${f}” holds no data: every sheet is empty.`,
  reportSheet: (f, sheet) => `Sheet “${sheet}” of “${f}” is a report, not a plan appendix.`,
  unexpected: (f) => `Could not read “${f}” because of an unexpected error.`,
  noneCounted: 'No file could be counted; nothing was written.',
  unitsHeading: 'Units',
  unitLine: (unit, tasks, rate) => `${unit}: ${tasks} tasks, ${rate} done`,
  fileList: 'Files chosen',
  download: 'Download the roll-up Word report (.docx)',
  downloadFailed: 'The Word file could not be made; the consolidated sheets in the workbook are not affected.',
  resultHeading: 'Roll-up result',
};

export function rollupStrings(lang: Lang): RollupStrings {
  return lang === 'en' ? EN : VI;
}
