/**
 * Issue messages in Vietnamese (default) and English, short enough for the "Kiểm tra" cell,
 * keyed by the catalogue's message keys (src/engine/issues.ts). Every message is built from the
 * issue's params; a missing param drops its clause rather than printing "undefined". Dates are
 * shown dd/mm/yyyy. Output is NFC.
 */
import { ISSUE_CATALOGUE, type IssueCode, type IssueMessageKey, type Severity } from '../engine/issues';
import type { IssueParams, Lang } from '../engine/model';
import { formatDate } from './dates';

/** Short group headings for the task pane. */
export const ISSUE_TITLES: Record<IssueCode, { vi: string; en: string }> = {
  'lead-missing': { vi: 'Thiếu đơn vị chủ trì', en: 'Lead unit missing' },
  'deadline-missing': { vi: 'Thiếu thời hạn', en: 'Deadline missing' },
  'deadline-unparsed': { vi: 'Thời hạn không đọc được', en: 'Deadline not understood' },
  'deadline-not-fixed': { vi: 'Thời hạn không có mốc ngày', en: 'Deadline without a date' },
  'deadline-before-plan': { vi: 'Thời hạn trước năm kế hoạch', en: 'Deadline before the plan year' },
  'output-missing': { vi: 'Thiếu sản phẩm', en: 'Output missing' },
  'output-unquantified': { vi: 'Sản phẩm chưa đo lường được', en: 'Output without a target' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  'milestone-missed': { vi: 'Trễ mốc tiến độ', en: 'Milestone missed' },
  'due-soon': { vi: 'Sắp đến hạn', en: 'Due soon' },
};

const SEVERITY_LABELS: Record<Severity, { vi: string; en: string }> = {
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  info: { vi: 'Lưu ý', en: 'Note' },
};

export function severityLabel(severity: Severity, lang: Lang): string {
  const labels = SEVERITY_LABELS[severity] ?? SEVERITY_LABELS.info;
  return lang === 'en' ? labels.en : labels.vi;
}

// ---------------------------------------------------------------------------------------------

/** Cell text quoted in a message: one line, NFC, cut to a length that fits a cell. */
function quote(text: string | undefined, max = 60): string {
  const t = (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!t) return '';
  const cut = t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
  return `“${cut}”`;
}

function count(n: number | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.round(n)) : null;
}

function days(n: number, lang: Lang): string {
  return lang === 'en' ? `${n} day${n === 1 ? '' : 's'}` : `${n} ngày`;
}

type Builder = (p: IssueParams) => string;

const VI: Record<IssueMessageKey, Builder> = {
  leadMissing: (p) =>
    p.cellError ? `Ô chủ trì chứa giá trị lỗi ${p.cellError}: chưa xác định đơn vị chủ trì` : 'Thiếu đơn vị chủ trì',
  deadlineMissing: (p) =>
    p.cellError ? `Ô thời gian chứa giá trị lỗi ${p.cellError}: chưa xác định thời hạn` : 'Thiếu thời hạn hoàn thành',
  deadlineUnparsed: (p) =>
    p.deadlineText ? `Không đọc được thời hạn ${quote(p.deadlineText)}` : 'Không đọc được thời hạn',
  deadlineNotFixed: (p) =>
    `Thời hạn ${p.deadlineText ? `${quote(p.deadlineText)} ` : ''}không có mốc ngày cụ thể, không theo dõi được tiến độ`,
  deadlineBeforePlan: (p) => {
    const what = p.due ? `Thời hạn ${formatDate(p.due)}` : p.deadlineText ? `Thời hạn ${quote(p.deadlineText)}` : 'Thời hạn';
    return p.planYear ? `${what} trước năm kế hoạch ${p.planYear}` : `${what} trước năm kế hoạch`;
  },
  outputMissing: (p) =>
    p.cellError ? `Ô sản phẩm chứa giá trị lỗi ${p.cellError}: chưa xác định sản phẩm` : 'Thiếu sản phẩm/kết quả đầu ra',
  outputUnquantified: () => 'Sản phẩm chưa đo lường được: không có chỉ tiêu định lượng, không phải văn bản/sản phẩm cụ thể',
  overdue: (p) => {
    const n = count(p.daysLate);
    const late = n !== null ? `Quá hạn ${days(n, 'vi')}` : 'Quá hạn';
    return `${late}${p.due ? ` (hạn ${formatDate(p.due)})` : ''}, chưa hoàn thành`;
  },
  milestoneMissed: (p) => {
    const step = p.stepText ? ` ${quote(p.stepText, 50)}` : '';
    const due = p.due ? ` (${formatDate(p.due)})` : '';
    return `Đã qua mốc${step}${due} nhưng chưa thực hiện`;
  },
  dueSoon: (p) => {
    const n = count(p.daysLeft);
    const left = n === null ? 'Sắp đến hạn' : n === 0 ? 'Đến hạn hôm nay' : `Sắp đến hạn: còn ${days(n, 'vi')}`;
    return `${left}${p.due ? ` (hạn ${formatDate(p.due)})` : ''}`;
  },
};

const EN: Record<IssueMessageKey, Builder> = {
  leadMissing: (p) =>
    p.cellError ? `The lead cell holds the error value ${p.cellError}: no lead unit` : 'No lead unit',
  deadlineMissing: (p) =>
    p.cellError ? `The deadline cell holds the error value ${p.cellError}: no deadline` : 'No deadline',
  deadlineUnparsed: (p) =>
    p.deadlineText ? `Deadline not understood: ${quote(p.deadlineText)}` : 'Deadline not understood',
  deadlineNotFixed: (p) =>
    `Deadline ${p.deadlineText ? `${quote(p.deadlineText)} ` : ''}has no calendar date: progress cannot be tracked`,
  deadlineBeforePlan: (p) => {
    const what = p.due ? `Due ${formatDate(p.due)}` : p.deadlineText ? `Deadline ${quote(p.deadlineText)}` : 'Deadline';
    return p.planYear ? `${what} is before the plan year ${p.planYear}` : `${what} is before the plan year`;
  },
  outputMissing: (p) =>
    p.cellError ? `The output cell holds the error value ${p.cellError}: no output` : 'No output',
  outputUnquantified: () => 'Output has no target: neither a number nor a concrete deliverable',
  overdue: (p) => {
    const n = count(p.daysLate);
    const late = n !== null ? `Overdue by ${days(n, 'en')}` : 'Overdue';
    return `${late}${p.due ? ` (due ${formatDate(p.due)})` : ''}, not done`;
  },
  milestoneMissed: (p) => {
    const step = p.stepText ? ` ${quote(p.stepText, 50)}` : '';
    const due = p.due ? ` (${formatDate(p.due)})` : '';
    return `Milestone${step}${due} has passed but work has not started`;
  },
  dueSoon: (p) => {
    const n = count(p.daysLeft);
    const left = n === null ? 'Due soon' : n === 0 ? 'Due today' : `Due soon: ${days(n, 'en')} left`;
    return `${left}${p.due ? ` (due ${formatDate(p.due)})` : ''}`;
  },
};

/** Each template of one language, its output NFC: what the engine's wording carries. */
function nfc(table: Record<IssueMessageKey, Builder>): Record<IssueMessageKey, Builder> {
  const out = {} as Record<IssueMessageKey, Builder>;
  for (const key of Object.keys(table) as IssueMessageKey[]) out[key] = (p) => table[key](p ?? {}).normalize('NFC');
  return out;
}

export const ISSUE_TEMPLATES: Readonly<Record<Lang, Readonly<Record<IssueMessageKey, Builder>>>> = { vi: nfc(VI), en: nfc(EN) };

/** The message of an issue in a language, e.g. to say a stored issue again in another one. */
export function issueMessage(code: IssueCode, params: IssueParams, lang: Lang): string {
  const spec = ISSUE_CATALOGUE[code];
  return spec ? ISSUE_TEMPLATES[lang === 'en' ? 'en' : 'vi'][spec.messageKey](params) : String(code);
}
