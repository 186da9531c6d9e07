/**
 * The human output of `validate`: a short summary, then the issues row by row, plain text that
 * reads well in a terminal and in a log file (no colours, no cursor tricks).
 */
import type { Analysis, ISODate, Lang, Severity, TaskRow } from '../engine/model';
import { columnLetter } from '../engine/a1';
import { yearOf } from '../engine/dates';
import { formatDate } from '../i18n/dates';

const MAX_TASK_CHARS = 70;

/** Dates shown to people are dd/mm/yyyy in both languages (i18n/dates.ts); ISO stays in JSON. */
export function showDate(iso: ISODate): string {
  return formatDate(iso);
}

/** "header on row 8" / "header on rows 8–9" (a translation of "tiêu đề dòng 8–9" read as one row). */
function headerRowsEn(rows: readonly number[]): string {
  const first = rows[0] + 1;
  const last = rows[rows.length - 1] + 1;
  return first === last ? `header on row ${first}` : `header on rows ${first}–${last}`;
}

/**
 * Said once, before the issues, when the day the plan is judged on falls after its year and the
 * user did not choose it (--as-of): every unfinished task of a past plan is then overdue by
 * hundreds of days, which reads as a broken plan rather than an old one.
 */
export function pastPlanHint(analysis: Pick<Analysis, 'planYear' | 'asOf'>, lang: Lang): string | null {
  const year = analysis.planYear;
  if (yearOf(analysis.asOf) <= year) return null;
  const example = `31/12/${year}`;
  return lang === 'vi'
    ? `Lưu ý: đây là kế hoạch năm ${year} nhưng được tính đến hôm nay (${showDate(analysis.asOf)}), nên mọi nhiệm vụ chưa xong đều “quá hạn”; để xem tình hình tại một ngày trong năm ${year}, thêm --as-of, ví dụ --as-of ${example}.`
    : `Note: this is a ${year} plan judged as of today (${showDate(analysis.asOf)}), so every unfinished task is “overdue”; to see it as of a day in ${year}, add --as-of, e.g. --as-of ${example}.`;
}

function shorten(text: string, max = MAX_TASK_CHARS): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  vi: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' },
  en: { error: 'Error', warning: 'Warning', info: 'Note' },
};

function taskLabel(task: TaskRow, lang: Lang): string {
  const parts: string[] = [lang === 'vi' ? `Dòng ${task.row + 1}` : `Row ${task.row + 1}`];
  if (task.stt) parts.push(lang === 'vi' ? `STT ${task.stt}` : `No. ${task.stt}`);
  const words = task.cells.task?.text || task.cells.activity?.text || '';
  if (words) parts.push(shorten(words));
  return parts.join(' · ');
}

/** The line saying where the checked copy went and where its tracking columns are. */
export function formatWrittenLine(tracking: Analysis['tracking'], written: string, lang: Lang): string {
  const cols = Object.values(tracking.columns);
  const span = `${columnLetter(Math.min(...cols))}–${columnLetter(Math.max(...cols))}`;
  return lang === 'vi'
    ? `Đã lưu bản sao có kết quả kiểm tra: ${written} (cột theo dõi ${span}; tệp gốc không thay đổi).`
    : `Checked copy saved: ${written} (tracking columns ${span}; the input is unchanged).`;
}

export interface ValidateHumanExtras {
  /** Where the checked copy was written, as the user would type it. */
  written?: string;
  notes?: string[];
  /** Said once before the issues (pastPlanHint). */
  hint?: string | null;
}

export function formatValidateHuman(analysis: Analysis, file: string, lang: Lang, extras: ValidateHumanExtras = {}): string {
  const vi = lang === 'vi';
  const { table, summary } = analysis;
  const lines: string[] = [];
  lines.push(vi ? `${file} — trang tính “${analysis.sheetName}”` : `${file} — sheet “${analysis.sheetName}”`);
  const span = `${columnLetter(table.firstCol)}–${columnLetter(table.lastCol)}`;
  const headerRows = table.headerRows.map((r) => r + 1).join('–');
  lines.push(
    vi
      ? `Kế hoạch năm ${analysis.planYear}, tính đến ngày ${showDate(analysis.asOf)}. Bảng: tiêu đề dòng ${headerRows}, nhiệm vụ dòng ${table.firstRow + 1}–${table.lastRow + 1}, cột ${span}.`
      : `Plan for ${analysis.planYear}, as of ${showDate(analysis.asOf)}. Table: ${headerRowsEn(table.headerRows)}, tasks on rows ${table.firstRow + 1}–${table.lastRow + 1}, columns ${span}.`,
  );
  lines.push(
    vi
      ? `${summary.tasks} nhiệm vụ: ${summary.errors} lỗi, ${summary.warnings} cảnh báo, ${summary.infos} lưu ý.`
      : `${summary.tasks} tasks: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} notes.`,
  );
  if (extras.hint) lines.push(extras.hint);
  const withIssues = analysis.tasks.filter((t) => t.issues.length > 0);
  if (withIssues.length > 0) {
    lines.push('');
    for (const task of withIssues) {
      lines.push(taskLabel(task, lang));
      for (const issue of task.issues) lines.push(`  ${SEVERITY_LABEL[lang][issue.severity]}: ${issue.message}`);
    }
  } else if (summary.tasks > 0) {
    lines.push(vi ? 'Không có vấn đề nào.' : 'No problems found.');
  }
  if (extras.written) {
    lines.push('');
    lines.push(formatWrittenLine(analysis.tracking, extras.written, lang));
  }
  for (const note of extras.notes ?? []) lines.push(note);
  return `${lines.join('\n')}\n`;
}
