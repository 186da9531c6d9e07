/**
 * `cchc-plan validate <plan.xlsx...> [--sheet <name>] [--as-of <dd/mm/yyyy>] [--plan-year <YYYY>]
 *                    [--out <OUT.xlsx|DIR>] [--json] [--lang <vi|en>]`   (cli-json.md; `--help`)
 *
 * Each file is checked on its own; a failure in one does not stop the others. The exit status
 * is the worst of the files: 2 if any could not be checked, else 1 if any has an error-severity
 * issue, else 0. With several files --out must be an existing folder (each copy keeps its
 * input's name); the input is never written.
 */
import path from 'path';
import { Command } from 'commander';
import { z } from 'zod';
import type { Lang } from '../../engine/model';
import { validateJsonToPrint } from '../../contract/validate-json';
import { commonOptionsSchema, filesArgument, runParsed, yearOption } from '../args';
import type { CliCommand, CliIO, CommandContext } from '../command';
import { formatValidateHuman, formatWrittenLine, pastPlanHint } from '../format-validate';
import { printJsonLine, stdoutBytes } from '../json-pieces';
import { messages } from '../messages';
import { correctionsDropped } from '../notes';
import type { OpenedWorkbook } from '../../hosts/xlsx/port';
import { prepareCheck } from '../../usecases';
import { fileStatus, runEachFile, type FileJob } from '../each-file';
import { openInput, refusalFailure, writeCopy } from '../plan-job';
import type { Progress } from '../progress';

function argsSchema(lang: Lang) {
  return z.object({
    files: filesArgument(lang),
    ...commonOptionsSchema(lang),
    planYear: yearOption(lang, '--plan-year').optional(),
  });
}
export type ValidateArgs = z.infer<ReturnType<typeof argsSchema>>;

/** Files at least this big (tens of thousands of rows) get a progress bar even alone. */
const BIG_FILE_BYTES = 1_000_000;

export async function runValidate(args: ValidateArgs, ctx: CommandContext): Promise<number> {
  const asOf = args.asOf ?? ctx.io.today();
  const run = { files: args.files, out: args.out, json: args.json, lang: args.lang, bigFileBytes: BIG_FILE_BYTES };
  return runEachFile(run, ctx.io, (job) => checkOne(job, args, asOf));
}

async function checkOne({ file, target, io, progress, couldNotCheck }: FileJob, args: ValidateArgs, asOf: string): Promise<number> {
  const lang = args.lang;
  progress.stage('read');
  const workbook = await openInput(path.resolve(io.cwd, file), file, { sheet: args.sheet, copyTo: target?.path, lang });
  if ('ok' in workbook) return couldNotCheck(workbook);
  // The result is printed inside checkAndRender and only the pending write comes back: the
  // grid, the analysis and the text (hundreds of MB at 50,000 rows) can be collected before
  // the copy is written. (What an await returns stays reachable from the microtask that runs
  // the rest of this function, all through the write, so it must not hold the text.)
  const checked = await checkAndRender(workbook, args, asOf, file, target !== undefined, progress, io);
  if (!checked.ok) return couldNotCheck(refusalFailure(checked.refusal, file, lang));
  const { write, tracking, errors, stateProblem, dropped, hint } = checked;
  // JSON keeps stdout for the JSON lines: the hint goes to stderr there.
  if (hint && args.json) io.stderr(`${hint}\n`);
  const notes: string[] = [];
  if (stateProblem) notes.push(messages.stateIgnored(file, lang));
  if (dropped) notes.push(correctionsDropped(file, dropped, lang));
  const copied = await writeCopy(write, target, lang);
  if (copied?.ok && target && !args.json) io.stdout(`\n${formatWrittenLine(tracking, target.shown, lang)}\n`);
  for (const note of notes) (args.json ? io.stderr : io.stdout)(`${note}\n`);
  if (!args.json && args.files.length > 1) io.stdout('\n');
  return fileStatus(io, copied?.ok === false ? copied : null, errors);
}

/** Check, and print the result now on `io`'s stdout (--json in pieces), keeping only what is
 * needed afterwards (not the analysis, not the text). */
async function checkAndRender(workbook: OpenedWorkbook, args: ValidateArgs, asOf: string, file: string, write: boolean, progress: Progress, io: CliIO) {
  const prepared = await prepareCheck({ workbook }, { asOf, fixAsOf: args.asOf !== undefined, lang: args.lang, planYear: args.planYear, write, onStep: (step) => progress.stage(step) });
  if (!prepared.ok) return prepared;
  const { analysis } = prepared;
  // Only when the day was not chosen: an explicit --as-of after the plan's year is deliberate.
  const hint = args.asOf === undefined ? pastPlanHint(analysis, args.lang) : null;
  if (args.json) await printJsonLine(validateJsonToPrint(analysis, file), stdoutBytes(io), io.drained);
  else io.stdout(formatValidateHuman(analysis, file, args.lang, { hint }));
  return {
    ok: true as const,
    hint,
    errors: analysis.summary.errors,
    tracking: analysis.tracking,
    stateProblem: prepared.stateProblem,
    dropped: analysis.droppedCorrections,
    write: prepared.write,
  };
}

export const validateCommand: CliCommand = {
  name: 'validate',
  register(program: Command, ctx: CommandContext) {
    program
      .command('validate')
      .description('Kiểm tra phụ lục kế hoạch CCHC / check a CCHC plan appendix')
      .argument('<plan.xlsx...>', 'tệp kế hoạch / plan workbook(s)')
      .option('--sheet <name>', 'trang tính chứa phụ lục / sheet holding the appendix')
      .option('--as-of <dd/mm/yyyy>', 'ngày tính quá hạn, hoặc YYYY-MM-DD (mặc định: hôm nay) / day to judge overdue on, or YYYY-MM-DD (default: today)')
      .option('--plan-year <YYYY>', 'năm kế hoạch / plan year')
      .option('--out <OUT.xlsx|DIR>', 'ghi bản đã kiểm tra / write a checked copy')
      .option('--json', 'xuất JSON / JSON output')
      .option('--lang <vi|en>', 'ngôn ngữ / language (vi, en)')
      .action((files: string[], opts: Record<string, unknown>) => runParsed(ctx, argsSchema(ctx.lang).safeParse({ files, ...opts }), runValidate));
  },
};
