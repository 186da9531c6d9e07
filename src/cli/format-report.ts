/**
 * `cchc-plan report`'s result for a person at a terminal: the period, the counts, each reform
 * area, the overdue and upcoming tasks (the first few; the sheet and --json have them all), and
 * what was written.
 */
import type { ISODate, Lang } from '../engine/model';
import { formatDate } from '../i18n/dates';
import { periodWords, reportLabels, TASK_CLASSES, type ReportModel, type ReportTask } from '../report';

/** Tasks listed in the terminal per list; the sheet has them all. */
const MAX_LISTED = 10;
const MAX_TASK_CHARS = 60;

function shorten(text: string, max = MAX_TASK_CHARS): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return Array.from(t).length <= max ? t : `${Array.from(t).slice(0, max - 1).join('').trimEnd()}…`;
}

/** A rate as a percentage with one decimal, written the language's way (12,5% / 12.5%). */
export function formatPercent(rate: number | null, lang: Lang): string {
  if (rate === null) return '–';
  const s = (rate * 100).toFixed(1);
  return `${lang === 'vi' ? s.replace('.', ',') : s}%`;
}

/** The tail of a shortened list: where the rest is — the report sheet only when one was written. */
function moreLine(more: number, written: boolean, lang: Lang): string {
  if (written) return lang === 'vi' ? `  … và ${more} nhiệm vụ khác (xem trang báo cáo).` : `  … and ${more} more (see the report sheet).`;
  return lang === 'vi'
    ? `  … và ${more} nhiệm vụ khác (--json liệt kê đủ; --out ghi trang báo cáo có đủ danh sách).`
    : `  … and ${more} more (--json lists them all; --out writes the report sheet with the full lists).`;
}

export interface ReportHumanExtras {
  written?: string;
  /** The input already had a sheet of the report's name (replaced in the copy). */
  replaced: boolean;
  notes: string[];
}

export function formatReportHuman(model: ReportModel, file: string, lang: Lang, extras: ReportHumanExtras): string {
  const vi = lang === 'vi';
  const L = reportLabels(lang);
  const d = (iso: ISODate) => formatDate(iso);
  const p = model.period;
  const lines: string[] = [];
  lines.push(vi ? `${file} — trang tính “${model.sourceSheet}”` : `${file} — sheet “${model.sourceSheet}”`);
  const words = periodWords(p.id, p.year, lang);
  lines.push(
    vi
      ? `Báo cáo ${words}: số liệu từ ${d(p.from)} đến ${d(p.to)}, tình trạng tính đến ${d(model.asOf)}, hạn gửi ${d(p.due)}.`
      : `Report for ${words}: data from ${d(p.from)} to ${d(p.to)}, status as of ${d(model.asOf)}, due ${d(p.due)}.`,
  );
  const t = model.total;
  const classes = TASK_CLASSES.map((c) => `${L.classHeading[c]} ${t[c]}`).join(' · ');
  lines.push(vi ? `${t.total} nhiệm vụ: ${classes}. Tỷ lệ hoàn thành ${formatPercent(model.totalRate, lang)}.` : `${t.total} tasks: ${classes}. Completion rate ${formatPercent(model.totalRate, lang)}.`);

  if (model.bySection.length > 0) {
    lines.push('', vi ? 'Theo lĩnh vực:' : 'By reform area:');
    for (const s of model.bySection) {
      const name = s.section === null ? L.noSection : `${s.section}. ${shorten(s.title, 50)}`;
      lines.push(
        vi
          ? `  ${name}: ${s.counts.total} nhiệm vụ, hoàn thành ${s.counts.done} (${formatPercent(s.rate, lang)}), quá hạn ${s.counts.overdue}`
          : `  ${name}: ${s.counts.total} tasks, ${s.counts.done} done (${formatPercent(s.rate, lang)}), ${s.counts.overdue} overdue`,
      );
    }
  }

  const list = (heading: string, tasks: ReportTask[], tail: (t: ReportTask) => string) => {
    if (tasks.length === 0) return;
    lines.push('', `${heading} (${tasks.length}):`);
    for (const task of tasks.slice(0, MAX_LISTED)) {
      const parts = [L.rowRef(task.row)];
      if (task.stt) parts.push(vi ? `STT ${task.stt}` : `No. ${task.stt}`);
      if (task.task) parts.push(shorten(task.task));
      lines.push(`  ${parts.join(' · ')} — ${task.lead ?? L.noLead} — ${tail(task)}`);
    }
    if (tasks.length > MAX_LISTED) lines.push(moreLine(tasks.length - MAX_LISTED, extras.written !== undefined, lang));
  };
  list(vi ? 'Quá hạn chưa hoàn thành' : 'Overdue, not done', model.overdue, (task) =>
    vi ? `hạn ${d(task.due as ISODate)}, quá ${task.daysLate} ngày` : `due ${d(task.due as ISODate)}, ${task.daysLate} days late`,
  );
  list(
    vi ? `Đến hạn trong kỳ tiếp theo (${periodWords(model.next.id, model.next.year, lang)})` : `Due in the next period (${periodWords(model.next.id, model.next.year, lang)})`,
    model.upcoming,
    (task) => (vi ? `hạn ${d(task.due as ISODate)}` : `due ${d(task.due as ISODate)}`),
  );
  if (model.dataQuality.length > 0) {
    lines.push(
      '',
      extras.written !== undefined
        ? vi
          ? `${model.dataQuality.length} dòng cần hoàn thiện dữ liệu (đơn vị chủ trì, thời hạn, sản phẩm): xem “cchc-plan validate” hoặc trang báo cáo.`
          : `${model.dataQuality.length} rows with incomplete data (lead, deadline, output): see “cchc-plan validate” or the report sheet.`
        : vi
          ? `${model.dataQuality.length} dòng cần hoàn thiện dữ liệu (đơn vị chủ trì, thời hạn, sản phẩm): xem “cchc-plan validate”.`
          : `${model.dataQuality.length} rows with incomplete data (lead, deadline, output): see “cchc-plan validate”.`,
    );
  }
  if (extras.written) {
    lines.push(
      '',
      vi
        ? `Đã ghi trang “${model.sheetName}” vào ${extras.written}${extras.replaced ? ' (thay trang cùng tên đã có)' : ''}; tệp gốc không thay đổi.`
        : `Sheet “${model.sheetName}” written to ${extras.written}${extras.replaced ? ' (replacing the sheet of that name)' : ''}; the input is unchanged.`,
    );
  }
  for (const note of extras.notes) lines.push(note);
  return `${lines.join('\n')}\n`;
}
