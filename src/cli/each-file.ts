/**
 * The run validate and report share over the files they are given (cli-json.md): each file on
 * its own, a failure in one never stopping the others, the exit status the worst of the files
 * (2 could not check, 1 errors found, 0 clean). What a command does with one file is its own;
 * this module places and locks the copies, draws the progress bar and says the failures.
 */
import { promises as fs } from 'fs';
import path from 'path';
import type { Lang } from '../engine/model';
import { toValidateFailureJson } from '../contract/validate-json';
import { EXIT_COULD_NOT_CHECK, EXIT_ERRORS_FOUND, EXIT_OK, type CliIO } from './command';
import { messages } from './messages';
import { debugDetails, lockOutTarget, planOutTargets, type JobFailure, type OutOptions, type OutTarget } from './plan-job';
import { makeProgress, type Progress } from './progress';

export interface EachFileRun {
  files: string[];
  /** --out, when given: a copy (or a document) per file. */
  out: string | undefined;
  /** How the copies are named in a folder and what they are. */
  outOptions?: OutOptions;
  json: boolean;
  lang: Lang;
  /** A file at least this big (tens of thousands of rows) gets a progress bar even alone. */
  bigFileBytes: number;
}

/** One file's work, as a command sees it. */
export interface FileJob {
  file: string;
  /** Where this file's output goes (--out); its lock is held until the job ends. */
  target: OutTarget | undefined;
  /** The command's output, printed above the progress bar. */
  io: CliIO;
  progress: Progress;
  /** Say why the file could not be checked (its sentence on stderr, and with --json its JSON
   * line on stdout); the exit status to return. */
  couldNotCheck(failure: JobFailure): number;
}

async function fileSizes(files: string[], cwd: string): Promise<number[]> {
  return Promise.all(files.map(async (f) => (await fs.stat(path.resolve(cwd, f)).catch(() => null))?.size ?? 0));
}

/** Run `work` on every file in turn; the worst exit status. */
export async function runEachFile(run: EachFileRun, io: CliIO, work: (job: FileJob) => Promise<number>): Promise<number> {
  let targets: Map<number, OutTarget | JobFailure> | null = null;
  if (run.out !== undefined) {
    const planned = await planOutTargets(run.files, run.out, io.cwd, run.lang, run.outOptions);
    if (!planned.ok) {
      // Nothing can be written anywhere: refuse before reading anything.
      io.stderr(`${planned.message}\n`);
      return EXIT_COULD_NOT_CHECK;
    }
    targets = planned.targets;
  }

  const sizes = await fileSizes(run.files, io.cwd);
  const long = run.files.length > 1 || sizes.some((s) => s >= run.bigFileBytes);
  const stepsPerFile = run.out !== undefined ? 3 : 2;
  const progress = await makeProgress(long ? io.progressStream : undefined, run.files.length * stepsPerFile, run.lang);
  // Everything printed from here on goes above the progress bar.
  const shown: CliIO = {
    ...io,
    stdout: progress.around(io.stdout),
    stdoutBytes: io.stdoutBytes && progress.around(io.stdoutBytes),
    stderr: progress.around(io.stderr),
  };

  let worst = EXIT_OK;
  for (let i = 0; i < run.files.length; i++) {
    const file = run.files[i];
    progress.file(file, stepsPerFile);
    worst = Math.max(worst, await oneFile(file, targets?.get(i), run, shown, progress, work));
  }
  progress.done();
  return worst;
}

async function oneFile(
  file: string,
  target: OutTarget | JobFailure | undefined,
  run: EachFileRun,
  io: CliIO,
  progress: Progress,
  work: (job: FileJob) => Promise<number>,
): Promise<number> {
  const couldNotCheck = (f: JobFailure) => {
    io.stderr(`${f.message}\n`);
    if (run.json) io.stdout(`${JSON.stringify(toValidateFailureJson(file, f.code, f.message))}\n`);
    return EXIT_COULD_NOT_CHECK;
  };
  if (target && 'ok' in target) return couldNotCheck(target);
  const lock = target ? await lockOutTarget(target, run.lang) : null;
  if (lock && 'ok' in lock) return couldNotCheck(lock);
  try {
    return await work({ file, target, io, progress, couldNotCheck });
  } catch (e) {
    const code = couldNotCheck({ ok: false, code: 'unexpected', message: messages.unexpected(file, run.lang) });
    debugDetails(e, io.stderr);
    return code;
  } finally {
    await lock?.release();
  }
}

/** A file's exit status once its result is printed: 2 when its output could not be written
 * (the sentence on stderr), else 1 when it has error-severity issues, else 0. */
export function fileStatus(io: CliIO, writeProblem: JobFailure | null, errors: number): number {
  if (writeProblem) {
    io.stderr(`${writeProblem.message}\n`);
    return EXIT_COULD_NOT_CHECK;
  }
  return errors > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
}
