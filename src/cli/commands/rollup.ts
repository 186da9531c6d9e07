/**
 * `cchc-plan rollup <plans…|folder> --period <P> [--year <YYYY>] [--as-of <dd/mm/yyyy>]
 *                  [--units <map.json>] --out <tong-hop.xlsx> [--format <xlsx|docx>] [--json]`
 *
 * Many units' plans consolidated (report.md, "Roll-up"; docs/rollup.md). Every workbook is read,
 * checked and classified as `report` does, in worker threads; a file that cannot be read is
 * listed with its reason and never stops the others. Exit status: 0 every file counted, 1 some
 * file skipped (each listed), 2 none counted or the arguments are wrong.
 */
import { constants as fsConstants, promises as fs } from 'fs';
import path from 'path';
import { Command } from 'commander';
import { z } from 'zod';
import type { Lang } from '../../engine/model';
import { periodWords } from '../../report';
import { EMPTY_UNIT_MAP, unitMapFileSchema, unitMapFromFile, type FileRead, type RollupModel, type UnitMap } from '../../report/rollup';
import { rollupDocxBytes } from '../../report/rollup/docx';
import { consolidate } from '../../usecases/rollup';
import { rollupRecord } from '../../usecases/rollup-write';
import { emptyWorkbookState } from '../../engine/settings';
import { newWorkbook } from '../../hosts/xlsx/new-workbook';
import { readWorkbookStream } from '../../hosts/xlsx/stream';
import { isReportTitle } from '../../engine/report-marker';
import { targetProblem, writeBytesAtomically, WorkbookWriteError, type WriteFailureCode } from '../../hosts/xlsx/write';
import { commonOptionsSchema, filesArgument, formatOption, periodOption, requiredOutOption, runParsed, yearOption } from '../args';
import { EXIT_COULD_NOT_CHECK, EXIT_ERRORS_FOUND, EXIT_OK, type CliCommand, type CommandContext } from '../command';
import { formatPercent } from '../format-report';
import { messages, writeFailure } from '../messages';
import { lockOutTarget } from '../plan-job';
import { makeProgress } from '../progress';
import { rollupMessages } from '../rollup-messages';
import type { RollupTask } from '../rollup-worker';

function argsSchema(lang: Lang) {
  const common = commonOptionsSchema(lang);
  return z.object({
    files: filesArgument(lang),
    asOf: common.asOf,
    json: common.json,
    lang: common.lang,
    out: requiredOutOption(rollupMessages.missingOut(lang)),
    period: periodOption(lang, (v) => rollupMessages.badPeriod(v, lang)),
    year: yearOption(lang, '--year').optional(),
    units: z.string().trim().min(1).optional(),
    format: formatOption((v) => rollupMessages.badFormat(v, lang)),
  });
}
export type RollupArgs = z.infer<ReturnType<typeof argsSchema>>;

const WORKBOOK_RE = /\.(xlsx|xlsm)$/i;

/** The workbooks of a folder and its subfolders, by name; Excel's lock files (~$…) and hidden
 * files are not plans. */
async function workbooksIn(folder: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const full = path.join(folder, e.name);
    if (e.isDirectory()) out.push(...(await workbooksIn(full)));
    else if (WORKBOOK_RE.test(e.name)) out.push(full);
  }
  return out;
}

/** A roll-up this tool wrote: its first sheet's title says so (engine/report-marker.ts). */
async function isConsolidated(file: string): Promise<boolean> {
  try {
    const book = await readWorkbookStream(await fs.readFile(file));
    const first = book.sheets[0] ? (await book.sheets[0].read()).grid.values[0]?.[0] : null;
    return typeof first === 'string' && isReportTitle(first);
  } catch {
    return false;
  }
}

/** The inputs as the user named them: files as given, folders expanded (relative to cwd when
 * the folder was). A previous roll-up at --out, found in a folder, is not a plan; any other
 * file there is an input the run refuses to write over. */
async function expandInputs(args: string[], cwd: string, outAbs: string, lang: Lang): Promise<{ files: { path: string; file: string }[] } | { error: string }> {
  const files: { path: string; file: string }[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const stat = await fs.stat(abs).catch(() => null);
    if (stat?.isDirectory()) {
      let found = await workbooksIn(abs);
      if (found.includes(outAbs) && (await isConsolidated(outAbs))) found = found.filter((f) => f !== outAbs);
      if (found.length === 0) return { error: rollupMessages.noWorkbooks(arg, lang) };
      for (const f of found) files.push({ path: f, file: path.isAbsolute(arg) ? f : path.relative(cwd, f) });
    } else {
      files.push({ path: abs, file: arg });
    }
  }
  return { files };
}

/** Why the consolidated file cannot be written there, or null. */
async function outProblem(outAbs: string): Promise<WriteFailureCode | null> {
  const problem = await targetProblem(outAbs);
  if (problem) return problem;
  const folder = path.dirname(outAbs);
  if (!(await fs.stat(folder).catch(() => null))?.isDirectory()) return 'no-directory';
  try {
    await fs.access(folder, fsConstants.W_OK);
  } catch {
    return 'not-writable';
  }
  return null;
}

async function readUnitMap(file: string, cwd: string, lang: Lang): Promise<UnitMap | { error: string }> {
  let text: string;
  try {
    text = await fs.readFile(path.resolve(cwd, file), 'utf8');
  } catch {
    return { error: rollupMessages.unitsFile(file, rollupMessages.unitsMissing(lang), lang) };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { error: rollupMessages.unitsFile(file, rollupMessages.unitsNotJson(lang), lang) };
  }
  const parsed = unitMapFileSchema.safeParse(data);
  if (!parsed.success) return { error: rollupMessages.unitsFile(file, rollupMessages.unitsShape(lang), lang) };
  return unitMapFromFile(parsed.data);
}

export async function runRollup(args: RollupArgs, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const lang = args.lang;
  const fail = (sentence: string) => {
    io.stderr(`${sentence}\n`);
    return EXIT_COULD_NOT_CHECK;
  };
  const ext = args.format === 'docx' ? '.docx' : '.xlsx';
  if (!args.out.toLowerCase().endsWith(ext)) return fail(rollupMessages.outExtension(args.out, ext, lang));

  let unitMap: UnitMap = EMPTY_UNIT_MAP;
  if (args.units !== undefined) {
    const read = await readUnitMap(args.units, io.cwd, lang);
    if ('error' in read) return fail(read.error);
    unitMap = read;
  }

  const outAbs = path.resolve(io.cwd, args.out);
  const inputs = await expandInputs(args.files, io.cwd, outAbs, lang);
  if ('error' in inputs) return fail(inputs.error);
  if (inputs.files.some((f) => f.path === outAbs)) return fail(rollupMessages.outIsInput(args.out, lang));
  const problem = await outProblem(outAbs);
  if (problem) return fail(writeFailure(problem, args.out, lang));
  const target = { path: outAbs, shown: args.out };
  const lock = await lockOutTarget(target, lang);
  if ('ok' in lock) return fail(lock.message);

  try {
    const today = io.today();
    const tasks: RollupTask[] = inputs.files.map((f) => ({ path: f.path, file: f.file, period: args.period, year: args.year, asOf: args.asOf, lang, today }));
    const progress = await makeProgress(io.progressStream, tasks.length, lang);
    // piscina is loaded here, not at start-up: the other commands never start a worker.
    const { runPool } = await import('../rollup-pool');
    const files: FileRead[] = await runPool(
      tasks,
      (task) => {
        progress.file(task.file, 1);
        progress.stage('analyse');
      },
      (task) => ({ file: task.file, ok: false, reason: messages.unexpected(task.file, lang), sha256: null }),
    );
    progress.done();

    const rollup = consolidate(files, { period: args.period, year: args.year, asOf: args.asOf, lang, madeOn: today, unitMap });
    const { model } = rollup;
    const skipped = model.files.filter((f) => f.status !== 'counted');
    const say = args.json ? io.stderr : io.stdout;
    // An unreadable file's reason already names it.
    for (const f of skipped) io.stderr(`${f.status === 'unreadable' ? f.reason : rollupMessages.skipped(f.file, f.reason ?? '', lang)}\n`);
    for (const f of model.files) if (f.status === 'counted' && f.reason) say(`${rollupMessages.sameUnit(f.file, f.reason, lang)}\n`);
    if (model.units.length === 0) {
      if (args.json) io.stdout(`${JSON.stringify(rollup.json)}\n`);
      return fail(rollupMessages.noneCounted(model.files.length, lang));
    }

    try {
      const bytes = args.format === 'docx' ? Buffer.from(await rollupDocxBytes(model)) : newWorkbook(rollup.sheets, undefined, { ...emptyWorkbookState(), rollup: rollupRecord(rollup.sheets, today) });
      await writeBytesAtomically(bytes, target.path);
    } catch (e) {
      if (e instanceof WorkbookWriteError) return fail(writeFailure(e.code, target.shown, lang));
      throw e;
    }
    if (args.json) io.stdout(`${JSON.stringify(rollup.json)}\n`);
    else io.stdout(humanSummary(model, target.shown, lang));
    return skipped.length > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
  } finally {
    await lock.release();
  }
}

/** A few lines for a terminal: the total, each unit's line, what was written. */
export function humanSummary(model: RollupModel, out: string, lang: Lang): string {
  const vi = lang === 'vi';
  const t = model.total;
  const words = periodWords(model.period.id, model.period.year, lang);
  const lines = [
    vi
      ? `Tổng hợp ${words}: ${model.units.length} đơn vị, ${t.total} nhiệm vụ; hoàn thành ${t.done} (${formatPercent(model.totalRate, lang)}), quá hạn ${t.overdue}.`
      : `Roll-up for ${words}: ${model.units.length} units, ${t.total} tasks; ${t.done} done (${formatPercent(model.totalRate, lang)}), ${t.overdue} overdue.`,
  ];
  for (const u of model.units) {
    lines.push(
      vi
        ? `  ${u.line}. ${u.unit}: ${u.counts.total} nhiệm vụ, hoàn thành ${formatPercent(u.rate, lang)}, quá hạn ${u.counts.overdue}`
        : `  ${u.line}. ${u.unit}: ${u.counts.total} tasks, ${formatPercent(u.rate, lang)} done, ${u.counts.overdue} overdue`,
    );
  }
  lines.push(rollupMessages.written(out, lang));
  return `${lines.join('\n')}\n`;
}

const HELP_AFTER = `
Đầu vào / inputs: các tệp kế hoạch .xlsx, hoặc thư mục (mọi tệp .xlsx/.xlsm trong đó và các thư
mục con). / plan workbooks, or folders (every .xlsx/.xlsm in them and their subfolders).

--units map.json: tên đơn vị theo cách gọi của cơ quan tổng hợp / the office's names for units:
  {"units": [{"unit": "UBND xã An Bình", "aliases": ["ỦY BAN NHÂN DÂN XÃ AN BÌNH"], "files": ["an-binh.xlsx"]}]}

Mã thoát / exit status: 0 mọi tệp được tính / every file counted · 1 có tệp bị bỏ qua (đã liệt kê) /
some file skipped (listed) · 2 không tệp nào được tính hoặc tham số sai / none counted or bad arguments.
`;

export const rollupCommand: CliCommand = {
  name: 'rollup',
  register(program: Command, ctx: CommandContext) {
    program
      .command('rollup')
      .description('Tổng hợp kế hoạch CCHC của nhiều đơn vị / consolidate many units’ CCHC plans')
      .argument('<plan.xlsx|folder...>', 'tệp kế hoạch hoặc thư mục / plan workbooks or folders')
      .option('--period <Q1|Q2|H1|Q3|Q4|Y>', 'kỳ báo cáo (bắt buộc) / reporting period (required)')
      .option('--year <YYYY>', 'năm tổng hợp (mặc định: năm của đa số kế hoạch) / roll-up year (default: the year most plans are for)')
      .option('--as-of <dd/mm/yyyy>', 'ngày đánh giá tình trạng (mặc định: ngày chốt số liệu của kỳ) / day the status is judged on (default: the period cut-off)')
      .option('--units <map.json>', 'tên đơn vị và tên gọi khác / unit names and aliases')
      .option('--out <tong-hop.xlsx>', 'tệp tổng hợp cần ghi, .xlsx hoặc .docx (bắt buộc) / consolidated file to write, .xlsx or .docx (required)')
      .option('--format <xlsx|docx>', 'xlsx: sổ tổng hợp (mặc định); docx: báo cáo Word / xlsx: the consolidated workbook (default); docx: the Word report')
      .option('--json', 'xuất JSON / JSON output')
      .option('--lang <vi|en>', 'ngôn ngữ / language (vi, en)')
      .addHelpText('after', HELP_AFTER)
      .action((files: string[], opts: Record<string, unknown>) => runParsed(ctx, argsSchema(ctx.lang).safeParse({ files, ...opts }), runRollup));
  },
};
