/**
 * `cchc-plan validate <plan.xlsx...> [--sheet <name>] [--as-of <dd/mm/yyyy>] [--plan-year <YYYY>]
 *                    [--out <OUT.xlsx|DIR>] [--json] [--lang <vi|en>]`   (cli-json.md; `--help`)
 *
 * Each file is checked on its own; a failure in one does not stop the others. The exit status
 * is the worst of the files: 2 if any could not be checked, else 1 if any has an error-severity
 * issue, else 0. With several files --out must be an existing folder (each copy keeps its
 * input's name); the input is never written.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { Command } from 'commander';
import { z } from 'zod';
import type { Lang } from '../../engine/model';
import { toValidateFailureJson, toValidateJson } from '../../contract/validate-json';
import { commonOptionsSchema, firstProblem, yearOption } from '../args';
import { EXIT_COULD_NOT_CHECK, EXIT_ERRORS_FOUND, EXIT_OK, type CliCommand, type CliIO, type CommandContext } from '../command';
import { formatValidateHuman, formatWrittenLine, pastPlanHint } from '../format-validate';
import { printJsonLine } from '../json-pieces';
import { messages } from '../messages';
import { correctionsDropped } from '../notes';
import { CopyError, type OpenedWorkbook } from '../../hosts/xlsx/port';
import { prepareCheck } from '../../usecases';
import { copyFailure, lockOutTarget, openInput, planOutTargets, refusalFailure, type JobFailure, type OutTarget } from '../plan-job';
import { makeProgress, type Progress } from '../progress';

function argsSchema(lang: Lang) {
  return z.object({
    files: z.array(z.string().min(1)).min(1, { message: messages.missingFile(lang) }),
    ...commonOptionsSchema(lang),
    planYear: yearOption(lang, '--plan-year').optional(),
  });
}
export type ValidateArgs = z.infer<ReturnType<typeof argsSchema>>;

/** Files at least this big (tens of thousands of rows) get a progress bar even alone. */
const BIG_FILE_BYTES = 1_000_000;

async function fileSizes(files: string[], cwd: string): Promise<number[]> {
  return Promise.all(files.map(async (f) => (await fs.stat(path.resolve(cwd, f)).catch(() => null))?.size ?? 0));
}

export async function runValidate(args: ValidateArgs, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const lang = args.lang;
  const asOf = args.asOf ?? io.today();
  let targets: Map<number, OutTarget | JobFailure> | null = null;
  if (args.out !== undefined) {
    const planned = await planOutTargets(args.files, args.out, io.cwd, lang);
    if (!planned.ok) {
      // Nothing can be written anywhere: refuse before reading anything.
      io.stderr(`${planned.message}\n`);
      return EXIT_COULD_NOT_CHECK;
    }
    targets = planned.targets;
  }

  const sizes = await fileSizes(args.files, io.cwd);
  const long = args.files.length > 1 || sizes.some((s) => s >= BIG_FILE_BYTES);
  const stepsPerFile = args.out !== undefined ? 3 : 2;
  const progress = await makeProgress(long ? io.progressStream : undefined, args.files.length * stepsPerFile, lang);
  // Everything printed from here on goes above the progress bar.
  const shown = { ...io, stdout: progress.around(io.stdout), stderr: progress.around(io.stderr) };
  const fileCtx: CommandContext = { ...ctx, io: shown };
  const failLine = (file: string, f: JobFailure) => {
    shown.stderr(`${f.message}\n`);
    if (args.json) shown.stdout(`${JSON.stringify(toValidateFailureJson(file, f.code, f.message))}\n`);
  };

  let worst = EXIT_OK;
  for (let i = 0; i < args.files.length; i++) {
    const file = args.files[i];
    const target = targets?.get(i);
    progress.file(file, stepsPerFile);
    const code = await checkOne(file, target, args, asOf, fileCtx, progress, failLine);
    worst = Math.max(worst, code);
  }
  progress.done();
  return worst;
}

async function checkOne(
  file: string,
  target: OutTarget | JobFailure | undefined,
  args: ValidateArgs,
  asOf: string,
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
  try {
    progress.stage('read');
    const workbook = await openInput(path.resolve(io.cwd, file), file, { sheet: args.sheet, copyTo: target?.path, lang });
    if ('ok' in workbook) {
      failLine(file, workbook);
      return EXIT_COULD_NOT_CHECK;
    }
    // The result is printed inside checkAndRender and only the pending write comes back: the
    // grid, the analysis and the text (hundreds of MB at 50,000 rows) can be collected before
    // the copy is written. (What an await returns stays reachable from the microtask that runs
    // the rest of this function, all through the write, so it must not hold the text.)
    const checked = await checkAndRender(workbook, args, asOf, file, target !== undefined, progress, io);
    if (!checked.ok) {
      failLine(file, refusalFailure(checked.refusal, file, lang));
      return EXIT_COULD_NOT_CHECK;
    }
    const { write, tracking, errors, stateProblem, dropped, hint } = checked;
    // JSON keeps stdout for the JSON lines: the hint goes to stderr there.
    if (hint && args.json) io.stderr(`${hint}\n`);
    const notes: string[] = [];
    if (stateProblem) notes.push(messages.stateIgnored(file, lang));
    if (dropped) notes.push(correctionsDropped(file, dropped, lang));
    let writeProblem: JobFailure | null = null;
    if (target && write.state === 'ready') {
      try {
        await write.apply();
        if (!args.json) io.stdout(`\n${formatWrittenLine(tracking, target.shown, lang)}\n`);
      } catch (e) {
        if (!(e instanceof CopyError)) throw e;
        writeProblem = copyFailure(e, target.shown, lang);
      }
    } else if (target && write.state === 'refused') {
      writeProblem = refusalFailure(write.refusal, target.shown, lang);
    }
    for (const note of notes) (args.json ? io.stderr : io.stdout)(`${note}\n`);
    if (!args.json && args.files.length > 1) io.stdout('\n');
    if (writeProblem) {
      io.stderr(`${writeProblem.message}\n`);
      return EXIT_COULD_NOT_CHECK;
    }
    return errors > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
  } catch (e) {
    // A defect, not bad input: still one sentence, and the details only when asked for.
    const f: JobFailure = { ok: false, code: 'unexpected', message: messages.unexpected(file, lang) };
    failLine(file, f);
    if (process.env.CCHC_DEBUG) io.stderr(`${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT_COULD_NOT_CHECK;
  } finally {
    await lock?.release();
  }
}

/** Check, and print the result now on `io`'s stdout (--json in pieces), keeping only what is
 * needed afterwards (not the analysis, not the text). */
async function checkAndRender(workbook: OpenedWorkbook, args: ValidateArgs, asOf: string, file: string, write: boolean, progress: Progress, io: CliIO) {
  const prepared = await prepareCheck({ workbook }, { asOf, fixAsOf: args.asOf !== undefined, lang: args.lang, planYear: args.planYear, write, onStep: (step) => progress.stage(step) });
  if (!prepared.ok) return prepared;
  const { analysis } = prepared;
  // Only when the day was not chosen: an explicit --as-of after the plan's year is deliberate.
  const hint = args.asOf === undefined ? pastPlanHint(analysis, args.lang) : null;
  if (args.json) await printJsonLine(toValidateJson(analysis, file), io.stdout, io.drained);
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
      .action(async (files: string[], opts: Record<string, unknown>) => {
        const parsed = argsSchema(ctx.lang).safeParse({ files, ...opts });
        if (!parsed.success) {
          ctx.io.stderr(`${firstProblem(parsed.error)}\n`);
          ctx.setExitCode(EXIT_COULD_NOT_CHECK);
          return;
        }
        ctx.setExitCode(await runValidate(parsed.data, ctx));
      });
  },
};
