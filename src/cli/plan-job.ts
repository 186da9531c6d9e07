/**
 * What the commands share around the use cases (src/usecases): opening an input file, saying a
 * refusal or a failed copy in one sentence, and where the copies go. Nothing here throws for bad
 * input.
 */
import { promises as fs, constants as fsConstants } from 'fs';
import path from 'path';
import type { Lang } from '../engine/model';
import { WorkbookOpenError } from '../hosts/xlsx/open-file';
import { CopyError, openXlsxWorkbook, type OpenedWorkbook } from '../hosts/xlsx/port';
import { acquireOutLock, targetProblem, WorkbookWriteError, type OutLock } from '../hosts/xlsx/write';
import type { ApplyReport, PendingWrite, Refusal } from '../usecases';
import { messages, openFailure, writeFailure } from './messages';

export type JobFailureCode =
  | 'open-failed'
  | 'empty-workbook'
  | 'no-such-sheet'
  | 'no-table'
  | 'ambiguous-table'
  | 'empty-sheet'
  | 'bad-settings'
  | 'no-room'
  | 'out-conflict'
  | 'protected-sheet'
  | 'write-failed'
  | 'unexpected';

export interface JobFailure {
  ok: false;
  code: JobFailureCode;
  /** One sentence in the requested language. */
  message: string;
}

export interface OpenOptions {
  /** --sheet, when given. */
  sheet?: string;
  /** --out's file for this input, when given. */
  copyTo?: string;
  lang: Lang;
}

function fail(code: JobFailureCode, message: string): JobFailure {
  return { ok: false, code, message };
}

/** Open the input. `filePath` is opened; `file` (as the user typed it) is what messages name. */
export async function openInput(filePath: string, file: string, options: OpenOptions): Promise<OpenedWorkbook | JobFailure> {
  try {
    return await openXlsxWorkbook(filePath, { sheet: options.sheet, copyTo: options.copyTo });
  } catch (e) {
    if (e instanceof WorkbookOpenError) return fail('open-failed', openFailure(e.code, file, options.lang));
    throw e;
  }
}

/** A use case's refusal as the command line says it. `file` is the file the sentence names (the
 * input, or the copy when the refusal is about writing it). The report's own refusals are
 * worded by the report command. */
export function refusalFailure(refusal: Refusal, file: string, lang: Lang): JobFailure {
  switch (refusal.code) {
    case 'no-such-sheet':
      return fail('no-such-sheet', messages.noSuchSheet(file, refusal.wanted, refusal.sheetNames, lang));
    case 'empty-workbook':
      return fail('empty-workbook', messages.emptyWorkbook(file, lang));
    case 'protected-sheet':
      // A protected sheet cannot be written in Excel either: the copy would lock the user out
      // of the tracking columns.
      return fail('protected-sheet', messages.protectedSheet(file, refusal.sheet, lang));
    case 'report-sheet':
    case 'report-on-own-sheet':
    case 'report-cancelled':
    case 'protected-workbook':
      // Not met by a file: the report command words its own, .xlsx copies have no structure
      // lock, and nobody is asked before a sheet is replaced.
      return fail('unexpected', messages.unexpected(file, lang));
    default:
      return fail(refusal.code, refusal.message);
  }
}

/** Why the copy could not be written; `shown` is the copy's name as the user wrote it. */
export function copyFailure(e: CopyError, shown: string, lang: Lang): JobFailure {
  if (e.code === 'invalid-changes') return fail('unexpected', messages.unexpected(shown, lang));
  return fail('write-failed', writeFailure(e.code, shown, lang));
}

/**
 * Write the copy a use case left pending, when there is a target: the write's report, why it
 * failed, or null when nothing was asked (no --out) or there is nothing to write.
 */
export async function writeCopy(write: PendingWrite, target: OutTarget | undefined, lang: Lang): Promise<{ ok: true; applied: ApplyReport } | JobFailure | null> {
  if (!target) return null;
  if (write.state === 'refused') return refusalFailure(write.refusal, target.shown, lang);
  if (write.state !== 'ready') return null;
  try {
    return { ok: true, applied: await write.apply() };
  } catch (e) {
    if (!(e instanceof CopyError)) throw e;
    return copyFailure(e, target.shown, lang);
  }
}

/** A defect, not bad input: the user reads one sentence; the stack only when CCHC_DEBUG asks. */
export function debugDetails(e: unknown, stderr: (text: string) => void): void {
  if (process.env.CCHC_DEBUG) stderr(`${(e as Error)?.stack ?? String(e)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Where the copies go
// ---------------------------------------------------------------------------------------------

async function isDirectory(p: string): Promise<boolean> {
  return (await fs.stat(p).catch(() => null))?.isDirectory() ?? false;
}

async function samePath(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => null), fs.stat(b).catch(() => null)]);
  return !!sa && !!sb && sa.ino === sb.ino && sa.dev === sb.dev;
}

/** What kind of workbook a copy is: what its file name must end in for Excel to open it. */
export type CopyKind =
  /** The input's own kind (the surgical copy keeps an .xlsm's macros and content types). */
  | 'same-as-input'
  /** A workbook without macros, whatever the input (`convert` writes one through exceljs). */
  | 'plain'
  /** Not a workbook (the Word report): its name is checked elsewhere. */
  | 'document';

export interface OutOptions {
  /** The name written in a folder for an input (default: the input's own name). */
  nameInFolder?: (input: string) => string;
  /** What the copy is (default: a copy of the input's kind). */
  kind?: CopyKind;
}

const MACRO_EXTENSION = /\.xlsm$/i;
const PLAIN_EXTENSION = /\.xlsx$/i;

/**
 * Why the copy's name does not fit what will be in it, or null. Excel refuses a workbook whose
 * extension says the other kind ("the file format or file extension is not valid"): a macro
 * workbook named .xlsx, a workbook without macros named .xlsm. Other names are left alone.
 */
function extensionMismatch(input: string, target: string, kind: CopyKind, shown: string, file: string, lang: Lang): JobFailure | null {
  if (kind === 'document') return null;
  const macros = kind === 'plain' ? false : MACRO_EXTENSION.test(input) ? true : PLAIN_EXTENSION.test(input) ? false : null;
  if (macros === true && PLAIN_EXTENSION.test(target)) return fail('out-conflict', messages.macroCopyNamedXlsx(file, shown, lang));
  if (macros === false && MACRO_EXTENSION.test(target)) return fail('out-conflict', kind === 'plain' ? messages.plainCopyNamedXlsm(shown, lang) : messages.copyNamedXlsm(file, shown, lang));
  return null;
}

export interface OutTarget {
  /** Absolute path to write. */
  path: string;
  /** The path as the user would write it (relative to where they ran the command). */
  shown: string;
}

/**
 * The copy for each input. One input: --out is the file to write, or an existing folder to
 * write `<folder>/<input name>` in. Several inputs: --out must be an existing folder. A target
 * that is the input itself, that another input already takes, or whose extension is not the
 * copy's kind (an .xlsm's copy named .xlsx, or the reverse) is refused for that input (the
 * others go on); a missing or unwritable folder refuses every input up front.
 */
export async function planOutTargets(
  files: string[],
  out: string,
  cwd: string,
  lang: Lang,
  options: OutOptions = {},
): Promise<{ ok: true; targets: Map<number, OutTarget | JobFailure> } | JobFailure> {
  const nameInFolder = options.nameInFolder ?? ((input: string) => path.basename(input));
  const kind = options.kind ?? 'same-as-input';
  const outAbs = path.resolve(cwd, out);
  const asFolder = files.length > 1 || (await isDirectory(outAbs)) || /[\\/]$/.test(out);
  if (asFolder && !(await isDirectory(outAbs))) {
    const several = files.length > 1 && !/[\\/]$/.test(out);
    return fail('write-failed', several ? messages.outMustBeDirectory(out, lang) : messages.outDirectoryMissing(out, lang));
  }
  const folder = asFolder ? outAbs : path.dirname(outAbs);
  if (!(await isDirectory(folder))) return fail('write-failed', writeFailure('no-directory', out, lang));
  try {
    await fs.access(folder, fsConstants.W_OK);
  } catch {
    return fail('write-failed', writeFailure('not-writable', out, lang));
  }
  const targets = new Map<number, OutTarget | JobFailure>();
  const taken = new Set<string>();
  for (let i = 0; i < files.length; i++) {
    const input = path.resolve(cwd, files[i]);
    const targetAbs = asFolder ? path.join(outAbs, nameInFolder(input)) : outAbs;
    const shown = asFolder ? path.join(out, nameInFolder(input)) : out;
    const problem = await targetProblem(targetAbs);
    const mismatch = extensionMismatch(input, targetAbs, kind, shown, files[i], lang);
    if (await samePath(input, targetAbs)) {
      targets.set(i, fail('out-conflict', messages.sameAsInput(files[i], lang)));
    } else if (mismatch) {
      targets.set(i, mismatch);
    } else if (problem) {
      // A device, FIFO or socket (or a folder) where the copy would go: never written over.
      targets.set(i, fail('write-failed', writeFailure(problem, shown, lang)));
    } else if (taken.has(targetAbs)) {
      targets.set(i, fail('out-conflict', messages.duplicateOut(files[i], shown, lang)));
    } else {
      taken.add(targetAbs);
      targets.set(i, { path: targetAbs, shown });
    }
  }
  return { ok: true, targets };
}

/** The one copy of a command that takes one file (clean, convert), or why it cannot be written. */
export async function singleOutTarget(file: string, out: string, cwd: string, lang: Lang, options: OutOptions = {}): Promise<OutTarget | JobFailure> {
  const planned = await planOutTargets([file], out, cwd, lang, options);
  if (!planned.ok) return planned;
  return planned.targets.get(0) ?? fail('unexpected', messages.unexpected(file, lang));
}

/**
 * Hold the copy's target for this run (write.ts's lock), so that two runs writing the same
 * --out at once do not both say "written": the second is refused in one sentence. Taken before
 * the input is read, released when the job ends (also on SIGINT/SIGTERM).
 */
export async function lockOutTarget(target: OutTarget, lang: Lang): Promise<OutLock | JobFailure> {
  try {
    return await acquireOutLock(target.path);
  } catch (e) {
    if (e instanceof WorkbookWriteError) return fail('write-failed', writeFailure(e.code, target.shown, lang));
    throw e;
  }
}
