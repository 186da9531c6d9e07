/**
 * `cchc-plan report <plan.xlsx...> --period <Q1|Q2|H1|Q3|Q4|Y> [--year <YYYY>] [--as-of <dd/mm/yyyy>]
 *                  [--sheet <name>] [--out <OUT.xlsx|DIR>] [--json] [--lang <vi|en>]`   (cli-json.md; `--help`)
 *
 * Each file on its own, as validate: the appendix is analysed as of D (--as-of, else the
 * period's "data to" day), the report is built from it, and with --out the copy gets the
 * tracking block, the highlights and the report sheet. A sheet of the report's name in the
 * input is replaced in the copy (there is nobody to ask on a command line; the input itself is
 * never written). Exit statuses as validate: 0 clean, 1 error-severity issues, 2 not checked.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { Command } from 'commander';
import { z } from 'zod';
import type { ISODate, Lang } from '../../engine/model';
import { toValidateFailureJson } from '../../contract/validate-json';
import { formatDate } from '../../i18n/dates';
import { PERIOD_IDS, periodWords, reportJson, reportLabels, TASK_CLASSES, type PeriodId, type ReportModel, type ReportTask } from '../../report';
import { commonOptionsSchema, firstProblem, yearOption } from '../args';
import { EXIT_COULD_NOT_CHECK, EXIT_ERRORS_FOUND, EXIT_OK, type CliCommand, type CommandContext } from '../command';
import { messages } from '../messages';
import { correctionsDropped } from '../notes';
import { CopyError, type OpenedWorkbook } from '../../hosts/xlsx/port';
import { prepareReport, type Refusal } from '../../usecases';
import { copyFailure, lockOutTarget, openInput, planOutTargets, refusalFailure, type JobFailure, type OutTarget } from '../plan-job';
import { docxMessages, docxName, writeReportDocx, type ReportFormat } from '../report-docx';
import { makeProgress, type Progress } from '../progress';

type Text = { vi: string; en: string };
const pick = (lang: Lang, t: Text) => (lang === 'en' ? t.en : t.vi);

const reportMessages = {
  missingPeriod: (lang: Lang) =>
    pick(lang, {
      vi: 'Thiếu --period: chọn kỳ báo cáo Q1, Q2, H1 (6 tháng), Q3, Q4 hoặc Y (năm).',
      en: 'Missing --period: choose the reporting period Q1, Q2, H1 (half-year), Q3, Q4 or Y (year).',
    }),
  reportSheetChosen: (file: string, sheet: string, lang: Lang) =>
    pick(lang, {
      vi: `Trang “${sheet}” của “${file}” là một trang báo cáo do công cụ lập, không phải phụ lục kế hoạch; hãy chỉ ra trang phụ lục bằng --sheet.`,
      en: `Sheet “${sheet}” of “${file}” is a report sheet made by this tool, not a plan appendix; name the appendix sheet with --sheet.`,
    }),
  sameNameAsAppendix: (file: string, sheet: string, lang: Lang) =>
    pick(lang, {
      vi: `Trang phụ lục của “${file}” có tên “${sheet}”, trùng tên trang báo cáo sẽ ghi; hãy đổi tên trang phụ lục rồi lập lại báo cáo.`,
      en: `The appendix sheet of “${file}” is named “${sheet}”, the name the report sheet would take; rename the appendix sheet and build the report again.`,
    }),
  badPeriod: (value: string, lang: Lang) =>
    pick(lang, {
      vi: `--period “${value}” không phải kỳ báo cáo; chọn Q1, Q2, H1 (6 tháng), Q3, Q4 hoặc Y (năm).`,
      en: `--period “${value}” is not a reporting period; choose Q1, Q2, H1 (half-year), Q3, Q4 or Y (year).`,
    }),
};

function periodOption(lang: Lang) {
  return z
    .string({ error: reportMessages.missingPeriod(lang) })
    .transform((v, ctx) => {
      const id = v.trim().toUpperCase();
      if (!(PERIOD_IDS as readonly string[]).includes(id)) {
        ctx.addIssue({ code: 'custom', message: reportMessages.badPeriod(v, lang) });
        return z.NEVER;
      }
      return id as PeriodId;
    });
}

function formatOption(lang: Lang) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      const format = (v ?? 'xlsx').trim().toLowerCase();
      if (format !== 'xlsx' && format !== 'docx') {
        ctx.addIssue({ code: 'custom', message: docxMessages.badFormat(v ?? '', lang) });
        return z.NEVER;
      }
      return format as ReportFormat;
    });
}

function argsSchema(lang: Lang) {
  return z
    .object({
      files: z.array(z.string().min(1)).min(1, { message: messages.missingFile(lang) }),
      ...commonOptionsSchema(lang),
      period: periodOption(lang),
      year: yearOption(lang, '--year').optional(),
      format: formatOption(lang),
    })
    .refine((a) => a.format !== 'docx' || a.out !== undefined, { message: docxMessages.needsOut(lang) });
}
export type ReportArgs = z.infer<ReturnType<typeof argsSchema>>;

/** Files at least this big get a progress bar even alone (as validate). */
const BIG_FILE_BYTES = 1_500_000;

async function fileSizes(files: string[], cwd: string): Promise<number[]> {
  return Promise.all(files.map(async (f) => (await fs.stat(path.resolve(cwd, f)).catch(() => null))?.size ?? 0));
}

export async function runReport(args: ReportArgs, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const lang = args.lang;
  const failLine = (file: string, f: JobFailure) => {
    io.stderr(`${f.message}\n`);
    if (args.json) io.stdout(`${JSON.stringify(toValidateFailureJson(file, f.code, f.message))}\n`);
  };

  let targets: Map<number, OutTarget | JobFailure> | null = null;
  if (args.out !== undefined) {
    const planned = await planOutTargets(args.files, args.out, io.cwd, lang, args.format === 'docx' ? { nameInFolder: docxName, kind: 'document' } : {});
    if (!planned.ok) {
      io.stderr(`${planned.message}\n`);
      return EXIT_COULD_NOT_CHECK;
    }
    targets = planned.targets;
  }

  const sizes = await fileSizes(args.files, io.cwd);
  const long = args.files.length > 1 || sizes.some((s) => s >= BIG_FILE_BYTES);
  const stepsPerFile = args.out !== undefined ? 3 : 2;
  const progress = await makeProgress(long ? io.progressStream : undefined, args.files.length * stepsPerFile, lang);

  let worst = EXIT_OK;
  for (let i = 0; i < args.files.length; i++) {
    const file = args.files[i];
    progress.file(file, stepsPerFile);
    worst = Math.max(worst, await reportOne(file, targets?.get(i), args, ctx, progress, failLine));
  }
  progress.done();
  return worst;
}

async function reportOne(
  file: string,
  target: OutTarget | JobFailure | undefined,
  args: ReportArgs,
  ctx: CommandContext,
  progress: Progress,
  failLine: (file: string, f: JobFailure) => void,
): Promise<number> {
  const { io } = ctx;
  const lang = args.lang;
  if (target && 'ok' in target) {
    failLine(file, target);
    return EXIT_COULD_NOT_CHECK;
  }
  const lock = target ? await lockOutTarget(target, lang) : null;
  if (lock && 'ok' in lock) {
    failLine(file, lock);
    return EXIT_COULD_NOT_CHECK;
  }
  // A Word report reads the workbook and writes its own file: no copy of the workbook.
  const docx = args.format === 'docx';
  const copy = docx ? undefined : target;
  try {
    progress.stage('read');
    const workbook = await openInput(path.resolve(io.cwd, file), file, { sheet: args.sheet, copyTo: copy?.path, lang });
    if ('ok' in workbook) {
      failLine(file, workbook);
      return EXIT_COULD_NOT_CHECK;
    }
    const prepared = await prepareKept(workbook, args, io.today(), copy !== undefined, progress);
    if (!prepared.ok) {
      failLine(file, reportRefusal(prepared.refusal, file, lang));
      return EXIT_COULD_NOT_CHECK;
    }
    const { model, write } = prepared;
    if (write.state === 'refused' && write.refusal.code === 'report-on-own-sheet') {
      failLine(file, reportRefusal(write.refusal, file, lang));
      return EXIT_COULD_NOT_CHECK;
    }

    const notes: string[] = [];
    if (prepared.stateProblem) notes.push(messages.stateIgnored(file, lang));
    if (prepared.dropped) notes.push(correctionsDropped(file, prepared.dropped, lang));
    let written: string | undefined;
    let writeProblem: JobFailure | null = null;
    if (docx && target) {
      progress.stage('write');
      writeProblem = await writeReportDocx(model, target, lang);
      if (!writeProblem) notes.unshift(docxMessages.written(target.shown, lang));
    } else if (target && write.state === 'ready') {
      try {
        const applied = await write.apply();
        written = target.shown;
        if (applied.skipped.length > 0) notes.push(messages.chartSkipped(lang));
      } catch (e) {
        if (!(e instanceof CopyError)) throw e;
        writeProblem = copyFailure(e, target.shown, lang);
      }
    } else if (target && write.state === 'refused') {
      writeProblem = refusalFailure(write.refusal, target.shown, lang);
    }
    if (args.json) {
      io.stdout(`${JSON.stringify(reportJson(model, file))}\n`);
      for (const note of notes) io.stderr(`${note}\n`);
    } else {
      io.stdout(formatReportHuman(model, file, lang, { written, replaced: prepared.replaces, notes }));
      if (args.files.length > 1) io.stdout('\n');
    }
    if (writeProblem) {
      io.stderr(`${writeProblem.message}\n`);
      return EXIT_COULD_NOT_CHECK;
    }
    return prepared.errors > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
  } catch (e) {
    const f: JobFailure = { ok: false, code: 'unexpected', message: messages.unexpected(file, lang) };
    failLine(file, f);
    if (process.env.CCHC_DEBUG) io.stderr(`${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT_COULD_NOT_CHECK;
  } finally {
    await lock?.release();
  }
}

/**
 * The report prepared, keeping only what the output and the write need: the analysis and the
 * report's sheet model (hundreds of MB for a large plan; the pending write holds the change set
 * it needs) can be collected while the copy is written.
 */
async function prepareKept(workbook: OpenedWorkbook, args: ReportArgs, today: ISODate, write: boolean, progress: Progress) {
  const prepared = await prepareReport(
    { workbook },
    { period: args.period, year: args.year, asOf: args.asOf, fixAsOf: true, lang: args.lang, today, write, onStep: (step) => progress.stage(step) },
  );
  if (!prepared.ok) return prepared;
  const { analysis, report } = prepared;
  return {
    ok: true as const,
    model: report.model,
    write: prepared.write,
    replaces: prepared.replaces,
    stateProblem: prepared.stateProblem,
    dropped: analysis.droppedCorrections,
    errors: analysis.summary.errors,
  };
}

/** The report's own refusals in the command line's words; the others as every command says them. */
function reportRefusal(refusal: Refusal, file: string, lang: Lang): JobFailure {
  if (refusal.code === 'report-sheet') return { ok: false, code: 'no-table', message: reportMessages.reportSheetChosen(file, refusal.sheet, lang) };
  if (refusal.code === 'report-on-own-sheet') return { ok: false, code: 'out-conflict', message: reportMessages.sameNameAsAppendix(file, refusal.sheet, lang) };
  return refusalFailure(refusal, file, lang);
}

// ---------------------------------------------------------------------------------------------
// Human output
// ---------------------------------------------------------------------------------------------

/** Tasks listed in the terminal per list; the sheet has them all. */
const MAX_LISTED = 10;
const MAX_TASK_CHARS = 60;

function shorten(text: string, max = MAX_TASK_CHARS): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return Array.from(t).length <= max ? t : `${Array.from(t).slice(0, max - 1).join('').trimEnd()}…`;
}

function percent(rate: number | null, lang: Lang): string {
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
  lines.push(vi ? `${t.total} nhiệm vụ: ${classes}. Tỷ lệ hoàn thành ${percent(model.totalRate, lang)}.` : `${t.total} tasks: ${classes}. Completion rate ${percent(model.totalRate, lang)}.`);

  if (model.bySection.length > 0) {
    lines.push('', vi ? 'Theo lĩnh vực:' : 'By reform area:');
    for (const s of model.bySection) {
      const name = s.section === null ? L.noSection : `${s.section}. ${shorten(s.title, 50)}`;
      lines.push(
        vi
          ? `  ${name}: ${s.counts.total} nhiệm vụ, hoàn thành ${s.counts.done} (${percent(s.rate, lang)}), quá hạn ${s.counts.overdue}`
          : `  ${name}: ${s.counts.total} tasks, ${s.counts.done} done (${percent(s.rate, lang)}), ${s.counts.overdue} overdue`,
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

// ---------------------------------------------------------------------------------------------
// Registration
// ---------------------------------------------------------------------------------------------

const HELP_AFTER = `
Kỳ báo cáo / periods (bảng kỳ trong thiết lập của sổ tính / the workbook's period table):
  Q1 quý I · Q2 quý II · H1 6 tháng · Q3 quý III · Q4 quý IV · Y năm
  Mặc định --year là năm kế hoạch, --as-of là ngày chốt số liệu của kỳ (Q1: 14/03).
  --year defaults to the plan year, --as-of to the period's cut-off day (Q1: 14 March).

Với --out / with --out:
  Bản ghi ra có khối theo dõi, tô màu và trang báo cáo (ví dụ “BC Quý I-2024”). Nếu tệp đã có
  trang cùng tên, trang đó được thay thế trong bản ghi ra mà không hỏi lại; các trang khác và
  tệp gốc không bị thay đổi. Biểu đồ chỉ được vẽ khi tạo báo cáo trong Excel: ngoài Excel bản
  ghi ra không có biểu đồ.
  The copy gets the tracking block, the highlights and the report sheet (e.g. “BC Quý I-2024”).
  A sheet of that name already in the file is replaced in the copy without asking (a command
  line has nobody to ask); other sheets and the input file are never changed. The chart is drawn
  only when the report is made inside Excel: outside Excel the copy has no chart.
`;

export const reportCommand: CliCommand = {
  name: 'report',
  register(program: Command, ctx: CommandContext) {
    program
      .command('report')
      .description('Lập báo cáo kết quả thực hiện kế hoạch CCHC theo kỳ / build the periodic CCHC report')
      .argument('<plan.xlsx...>', 'tệp kế hoạch / plan workbook(s)')
      .option('--period <Q1|Q2|H1|Q3|Q4|Y>', 'kỳ báo cáo (bắt buộc) / reporting period (required)')
      .option('--year <YYYY>', 'năm báo cáo (mặc định: năm kế hoạch) / report year (default: the plan year)')
      .option('--as-of <dd/mm/yyyy>', 'ngày đánh giá tình trạng, hoặc YYYY-MM-DD (mặc định: ngày chốt số liệu của kỳ) / day the status is judged on, or YYYY-MM-DD (default: the period cut-off)')
      .option('--sheet <name>', 'trang tính chứa phụ lục / sheet holding the appendix')
      .option('--out <OUT.xlsx|OUT.docx|DIR>', 'ghi bản có trang báo cáo, hoặc báo cáo Word / write a copy with the report sheet, or the Word report')
      .option('--format <xlsx|docx>', 'xlsx: bản sao có trang báo cáo (mặc định); docx: báo cáo Word / xlsx: a copy with the report sheet (default); docx: the Word report')
      .option('--json', 'xuất JSON / JSON output')
      .option('--lang <vi|en>', 'ngôn ngữ / language (vi, en)')
      .addHelpText('after', HELP_AFTER)
      .action(async (files: string[], opts: Record<string, unknown>) => {
        const parsed = argsSchema(ctx.lang).safeParse({ files, ...opts });
        if (!parsed.success) {
          ctx.io.stderr(`${firstProblem(parsed.error)}\n`);
          ctx.setExitCode(EXIT_COULD_NOT_CHECK);
          return;
        }
        ctx.setExitCode(await runReport(parsed.data, ctx));
      });
  },
};
