/**
 * Every string the task pane and the ribbon commands show, in Vietnamese (default) and English.
 * Pure data and small formatters: no Office.js, no DOM. Text is Unicode NFC (a test checks).
 *
 * Language choice (see detectLang): Vietnamese unless Office itself runs in English — the users
 * are Vietnamese civil servants, and an Office set to another language (French, Chinese…) is
 * more likely a shared or borrowed machine than a reader of English.
 */
import { PLAN_YEAR_MAX, PLAN_YEAR_MIN } from '../engine/dates';
import type { ColumnRole, Lang, Severity } from '../engine/model';
import type { PeriodDef } from '../engine/settings';
import type { TaskClass } from '../report/classify';
import { AS_OF_LABEL_TEXT } from '../engine/as-of';
import { TRACKING_HEADERS } from '../engine/table/header-roles';

export interface UiStrings {
  appTitle: string;
  languageLabel: string;
  langNames: Record<Lang, string>;
  tabCheck: string;
  tabReport: string;
  /** The tab list's name for screen readers. */
  tabsLabel: string;

  busyReading: string;
  busyChecking: string;
  busySaving: string;
  busyReport: string;
  busySelecting: string;
  errorTitle: string;
  unexpectedError: (detail: string) => string;
  dismiss: string;

  recognisedTitle: string;
  notRecognisedTitle: string;
  sheetLabel: string;
  tableRangeLabel: string;
  tasksLabel: string;
  sectionsLabel: string;
  planYearLabel: string;
  planYearSource: Record<'setting' | 'title' | 'deadlines' | 'asOf', string>;
  agencyFound: string;
  readAgain: string;
  nothingReadYet: string;

  columnsTitle: string;
  columnsHelp: string;
  columnLabel: (letter: string, header: string) => string;
  roleNone: string;
  roleNames: Record<ColumnRole, string>;
  correctedMark: string;
  clearCorrections: string;
  correctionSaved: (letter: string, role: string) => string;
  correctionsCleared: string;

  asOfLabel: string;
  asOfInvalid: string;
  /** The as-of control's choices: live (=TODAY()) and the review cut-off, and what each means. */
  asOfToday: string;
  asOfCutOff: (period: string, date: string) => string;
  asOfLiveHint: string;
  asOfFixedHint: (date: string) => string;
  checkButton: string;
  checkHint: string;
  /** The highlight colours said in words (colour is never the only carrier of meaning). */
  legendTitle: string;
  legend: Record<'overdue' | 'problem' | 'done', string>;
  resultsTitle: string;
  resultsFromRibbon: string;
  resultsNotWritten: string;
  summary: (tasks: number, errors: number, warnings: number, infos: number) => string;
  noIssues: (tasks: number) => string;
  severityNames: Record<Severity, string>;
  issueCount: (n: number) => string;
  rowLabel: (row: number) => string;
  sttLabel: (stt: string) => string;
  goToRow: (row: number) => string;
  showMore: (n: number) => string;
  selectedAddress: (address: string) => string;

  periodLabel: string;
  periodNames: Record<PeriodDef['id'], string>;
  yearLabel: string;
  yearInvalid: string;
  reportAsOfLabel: string;
  reportAsOfHint: string;
  agencyLabel: string;
  agencyPlaceholder: string;
  periodWords: (from: string, to: string, due: string) => string;
  previewTitle: string;
  previewNeedsCheck: string;
  previewTotal: string;
  classNames: Record<TaskClass, string>;
  reportSheetLabel: string;
  buildReport: string;
  replaceTitle: string;
  replaceBody: (sheetName: string) => string;
  replaceConfirm: string;
  cancel: string;
  reportBuilt: (sheetName: string) => string;
  reportReplaced: (sheetName: string) => string;
  reportCancelled: string;

  noticeNoProblems: (tasks: number, notes: number) => string;
  noticeTitle: string;
  noticeClose: string;
  /** The status line while a ribbon command holds the workbook (the pane's buttons wait). */
  busyRibbon: string;
}

const vi: UiStrings = {
  appTitle: 'Kế hoạch CCHC',
  languageLabel: 'Ngôn ngữ',
  langNames: { vi: 'Tiếng Việt', en: 'English' },
  tabCheck: 'Rà soát',
  tabReport: 'Báo cáo quý',
  tabsLabel: 'Các phần của ngăn tác vụ',

  busyReading: 'Đang đọc trang tính…',
  busyChecking: 'Đang kiểm tra kế hoạch…',
  busySaving: 'Đang lưu điều chỉnh…',
  busyReport: 'Đang tạo báo cáo…',
  busySelecting: 'Đang chuyển đến dòng…',
  errorTitle: 'Không thực hiện được',
  unexpectedError: (detail) => `Đã xảy ra lỗi: ${detail}`,
  dismiss: 'Đóng',

  recognisedTitle: 'Bảng phụ lục nhận diện được',
  notRecognisedTitle: 'Chưa nhận diện được bảng phụ lục',
  sheetLabel: 'Trang tính',
  tableRangeLabel: 'Vùng bảng',
  tasksLabel: 'Số nhiệm vụ',
  sectionsLabel: 'Số phần (lĩnh vực)',
  planYearLabel: 'Năm kế hoạch',
  planYearSource: {
    setting: 'theo cài đặt',
    title: 'đọc từ tiêu đề',
    deadlines: 'suy ra từ các thời hạn',
    asOf: 'theo ngày kiểm tra',
  },
  agencyFound: 'Cơ quan',
  readAgain: 'Đọc lại trang tính',
  nothingReadYet: 'Chưa đọc trang tính nào.',

  columnsTitle: 'Vai trò các cột',
  columnsHelp: 'Nếu cột nào được nhận sai, hãy chọn lại vai trò. Điều chỉnh được lưu trong sổ tính và dùng cho các lần kiểm tra sau.',
  columnLabel: (letter, header) => (header ? `Cột ${letter} — ${header}` : `Cột ${letter}`),
  roleNone: 'Không có vai trò',
  roleNames: {
    stt: 'STT',
    objective: 'Mục tiêu',
    task: 'Nhiệm vụ',
    activity: 'Hoạt động',
    output: 'Sản phẩm / Kết quả',
    lead: 'Chủ trì',
    support: 'Phối hợp',
    deadline: 'Thời gian / Thời hạn',
    start: 'Thời gian bắt đầu',
    budget: 'Kinh phí',
    monitor: 'Theo dõi, kiểm tra, đôn đốc',
    note: 'Ghi chú',
    status: 'Tình trạng',
    doneDate: 'Ngày hoàn thành',
    result: 'Kết quả thực hiện',
    dueDate: 'Hạn chót',
    check: 'Kiểm tra',
  },
  correctedMark: '(đã chỉnh)',
  clearCorrections: 'Bỏ các điều chỉnh',
  correctionSaved: (letter, role) => `Đã lưu: cột ${letter} là “${role}”.`,
  correctionsCleared: 'Đã bỏ các điều chỉnh của trang tính này.',

  asOfLabel: 'Tính đến ngày',
  asOfInvalid: 'Ngày không hợp lệ.',
  asOfToday: 'Hôm nay',
  asOfCutOff: (period, date) => `Cuối kỳ ${period} (${date})`,
  asOfLiveHint: 'Theo ngày hiện tại: ô “Tính đến ngày” trên trang tính giữ =TODAY(), tô màu tự cập nhật mỗi ngày.',
  asOfFixedHint: (date) => `Cố định ngày ${date}: tô màu và kết quả kiểm tra đều tính đến ngày này.`,
  checkButton: 'Kiểm tra và tô màu',
  checkHint: 'Thêm (hoặc cập nhật) các cột theo dõi và tô màu các dòng có vấn đề. Nội dung các ô hiện có được giữ nguyên.',
  legendTitle: 'Màu tô trên trang tính',
  legend: {
    overdue: `Nền đỏ nhạt, chữ đỏ sẫm: quá hạn mà chưa hoàn thành, tính đến ngày ở ô “${AS_OF_LABEL_TEXT.vi}”.`,
    problem: `Nền vàng, chữ nâu: dòng có lỗi hoặc cảnh báo, ghi ở cột “${TRACKING_HEADERS.check.vi}”.`,
    done: 'Nền xanh lá nhạt, chữ xanh sẫm: đã hoàn thành.',
  },
  resultsTitle: 'Kết quả kiểm tra',
  resultsFromRibbon: 'Kết quả lần kiểm tra từ nút trên dải băng.',
  resultsNotWritten: 'Mới đọc, chưa ghi vào trang tính: bấm “Kiểm tra và tô màu” để thêm các cột theo dõi và tô màu các dòng.',
  summary: (tasks, errors, warnings, infos) => `${tasks} nhiệm vụ: ${errors} lỗi, ${warnings} cảnh báo, ${infos} lưu ý.`,
  noIssues: (tasks) => `Đã kiểm tra ${tasks} nhiệm vụ: không phát hiện vấn đề nào.`,
  severityNames: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' },
  issueCount: (n) => `${n} dòng`,
  rowLabel: (row) => `Dòng ${row}`,
  sttLabel: (stt) => `STT ${stt}`,
  goToRow: (row) => `Đến dòng ${row} trong trang tính`,
  showMore: (n) => `Xem thêm ${n} dòng`,
  selectedAddress: (address) => `Đã chọn ${address}.`,

  periodLabel: 'Kỳ báo cáo',
  periodNames: { Q1: 'Quý I', Q2: 'Quý II', H1: '6 tháng', Q3: 'Quý III (9 tháng)', Q4: 'Quý IV', Y: 'Năm' },
  yearLabel: 'Năm',
  yearInvalid: `Năm phải từ ${PLAN_YEAR_MIN} đến ${PLAN_YEAR_MAX}.`,
  reportAsOfLabel: 'Đánh giá tình trạng tính đến ngày',
  reportAsOfHint: 'Mặc định là ngày cuối kỳ lấy số liệu.',
  agencyLabel: 'Cơ quan báo cáo',
  agencyPlaceholder: 'Ví dụ: Sở Giao thông vận tải',
  periodWords: (from, to, due) => `Số liệu tính từ ngày ${from} đến ngày ${to}; hạn gửi báo cáo ${due}.`,
  previewTitle: 'Xem trước số liệu',
  previewNeedsCheck: 'Số liệu được xem trước khi đã nhận diện được bảng phụ lục (thẻ “Rà soát”).',
  previewTotal: 'Tổng số nhiệm vụ',
  classNames: {
    doneOnTime: 'Hoàn thành đúng hạn',
    doneLate: 'Hoàn thành quá hạn',
    overdue: 'Quá hạn chưa hoàn thành',
    inProgress: 'Đang thực hiện trong hạn',
    notDue: 'Chưa đến hạn',
    notFixed: 'Không có mốc thời gian',
  },
  reportSheetLabel: 'Trang báo cáo',
  buildReport: 'Tạo báo cáo',
  replaceTitle: 'Thay thế báo cáo đã có?',
  replaceBody: (sheetName) => `Sổ tính đã có trang “${sheetName}”. Tạo lại sẽ thay thế trang này; các trang khác không bị động đến.`,
  replaceConfirm: 'Thay thế',
  cancel: 'Huỷ',
  reportBuilt: (sheetName) => `Đã tạo trang “${sheetName}”.`,
  reportReplaced: (sheetName) => `Đã thay thế trang “${sheetName}”.`,
  reportCancelled: 'Đã huỷ, không có gì thay đổi.',

  noticeNoProblems: (tasks, notes) =>
    notes > 0
      ? `Đã kiểm tra ${tasks} nhiệm vụ: không có lỗi hay cảnh báo; ${notes} lưu ý (sắp đến hạn).`
      : `Đã kiểm tra ${tasks} nhiệm vụ: không có vấn đề.`,
  noticeTitle: 'Kiểm tra kế hoạch',
  noticeClose: 'Đóng',
  busyRibbon: 'Nút Kiểm tra kế hoạch trên dải băng đang chạy…',
};

/** English count with its noun: 1 task, 2 tasks. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

const en: UiStrings = {
  appTitle: 'CCHC plan',
  languageLabel: 'Language',
  langNames: { vi: 'Tiếng Việt', en: 'English' },
  tabCheck: 'Review',
  tabReport: 'Quarterly report',
  tabsLabel: 'Pane sections',

  busyReading: 'Reading the sheet…',
  busyChecking: 'Checking the plan…',
  busySaving: 'Saving the correction…',
  busyReport: 'Building the report…',
  busySelecting: 'Going to the row…',
  errorTitle: 'Could not finish',
  unexpectedError: (detail) => `Something went wrong: ${detail}`,
  dismiss: 'Dismiss',

  recognisedTitle: 'Recognised appendix table',
  notRecognisedTitle: 'No appendix table recognised yet',
  sheetLabel: 'Sheet',
  tableRangeLabel: 'Table range',
  tasksLabel: 'Tasks',
  sectionsLabel: 'Sections (reform areas)',
  planYearLabel: 'Plan year',
  planYearSource: {
    setting: 'from the settings',
    title: 'read from the title',
    deadlines: 'inferred from the deadlines',
    asOf: 'from the check date',
  },
  agencyFound: 'Agency',
  readAgain: 'Read the sheet again',
  nothingReadYet: 'No sheet read yet.',

  columnsTitle: 'Column roles',
  columnsHelp: 'If a column was recognised wrongly, pick its role. The correction is saved in the workbook and used for later checks.',
  columnLabel: (letter, header) => (header ? `Column ${letter} — ${header}` : `Column ${letter}`),
  roleNone: 'No role',
  roleNames: {
    stt: 'No. (STT)',
    objective: 'Objective',
    task: 'Task',
    activity: 'Activity',
    output: 'Output',
    lead: 'Lead unit',
    support: 'Supporting units',
    deadline: 'Deadline',
    start: 'Start',
    budget: 'Budget',
    monitor: 'Monitoring',
    note: 'Note',
    status: 'Status',
    doneDate: 'Completion date',
    result: 'Result',
    dueDate: 'Due date',
    check: 'Check',
  },
  correctedMark: '(corrected)',
  clearCorrections: 'Clear corrections',
  correctionSaved: (letter, role) => `Saved: column ${letter} is “${role}”.`,
  correctionsCleared: 'Corrections for this sheet cleared.',

  asOfLabel: 'As of',
  asOfInvalid: 'Not a valid date.',
  asOfToday: 'Today',
  asOfCutOff: (period, date) => `End of ${period} (${date})`,
  asOfLiveHint: 'Follows the current date: the sheet\'s "As of" cell holds =TODAY(), so the highlights update every day.',
  asOfFixedHint: (date) => `Fixed on ${date}: the highlights and the check results are as of that day.`,
  checkButton: 'Check and highlight',
  checkHint: 'Adds or updates the tracking columns and highlights the rows with problems. The contents of your existing cells are left unchanged.',
  legendTitle: 'Highlight colours on the sheet',
  legend: {
    overdue: `Light red with dark red text: overdue and not done, as of the date in the “${AS_OF_LABEL_TEXT.en}” cell.`,
    problem: `Yellow with brown text: the row has an error or a warning, written in the “${TRACKING_HEADERS.check.en}” column.`,
    done: 'Light green with dark green text: done.',
  },
  resultsTitle: 'Results',
  resultsFromRibbon: 'Results of the check run from the ribbon button.',
  resultsNotWritten: 'Read only, nothing written yet: choose “Check and highlight” to add the tracking columns and highlight the rows.',
  summary: (tasks, errors, warnings, infos) => `${count(tasks, 'task')}: ${count(errors, 'error')}, ${count(warnings, 'warning')}, ${count(infos, 'note')}.`,
  noIssues: (tasks) => `Checked ${count(tasks, 'task')}: no problems found.`,
  severityNames: { error: 'Error', warning: 'Warning', info: 'Note' },
  issueCount: (n) => count(n, 'row'),
  rowLabel: (row) => `Row ${row}`,
  sttLabel: (stt) => `No. ${stt}`,
  goToRow: (row) => `Go to row ${row} in the sheet`,
  showMore: (n) => `Show ${n} more`,
  selectedAddress: (address) => `Selected ${address}.`,

  periodLabel: 'Reporting period',
  periodNames: { Q1: 'Q1', Q2: 'Q2', H1: 'First half (6 months)', Q3: 'Q3 (9 months)', Q4: 'Q4', Y: 'Year' },
  yearLabel: 'Year',
  yearInvalid: `The year must be between ${PLAN_YEAR_MIN} and ${PLAN_YEAR_MAX}.`,
  reportAsOfLabel: 'Judge task status as of',
  reportAsOfHint: 'By default the last day of the data period.',
  agencyLabel: 'Reporting agency',
  agencyPlaceholder: 'e.g. Department of Transport',
  periodWords: (from, to, due) => `Data from ${from} to ${to}; report due ${due}.`,
  previewTitle: 'Preview of the figures',
  previewNeedsCheck: 'The figures are previewed once the appendix table is recognised (tab “Review”).',
  previewTotal: 'Total tasks',
  classNames: {
    doneOnTime: 'Done on time',
    doneLate: 'Done late',
    overdue: 'Overdue, not done',
    inProgress: 'In progress, on time',
    notDue: 'Not yet due',
    notFixed: 'No fixed deadline',
  },
  reportSheetLabel: 'Report sheet',
  buildReport: 'Build report',
  replaceTitle: 'Replace the existing report?',
  replaceBody: (sheetName) => `The workbook already has a sheet “${sheetName}”. Building again replaces it; no other sheet is touched.`,
  replaceConfirm: 'Replace',
  cancel: 'Cancel',
  reportBuilt: (sheetName) => `Sheet “${sheetName}” built.`,
  reportReplaced: (sheetName) => `Sheet “${sheetName}” replaced.`,
  reportCancelled: 'Cancelled; nothing was changed.',

  noticeNoProblems: (tasks, notes) =>
    notes > 0
      ? `Checked ${count(tasks, 'task')}: no errors or warnings; ${count(notes, 'note')} (due soon).`
      : `Checked ${count(tasks, 'task')}: no problems.`,
  noticeTitle: 'Validate plan',
  noticeClose: 'Close',
  busyRibbon: 'Validate plan is running from the ribbon…',
};

export const UI_STRINGS: Readonly<Record<Lang, UiStrings>> = { vi, en };

export function uiStrings(lang: Lang): UiStrings {
  return UI_STRINGS[lang];
}

/** Vietnamese unless Office runs in English ("en", "en-US", "en-GB"…). */
export function detectLang(officeDisplayLanguage: string | null | undefined): Lang {
  return /^en(?:[-_]|$)/i.test((officeDisplayLanguage ?? '').trim()) ? 'en' : 'vi';
}
