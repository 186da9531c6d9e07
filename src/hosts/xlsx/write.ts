/**
 * Writing a copy so that a failure never leaves a partly written file: the bytes go to a
 * temporary file beside the target (created exclusively, flushed to disk), which is renamed
 * over the target only once complete. Only a regular file (or a new name) is ever written: a
 * device, FIFO or socket is refused, so `--out /dev/null` cannot replace the device. The
 * temporary file is removed on every way out, signals included (cleanup.ts); its name does not
 * grow with the target's, so a target name near the 255-byte limit can be written.
 *
 * Two runs writing the same target: the second is refused while the first holds the target's
 * lock (acquireOutLock), an exclusively created file beside it holding the owner's process id;
 * a lock whose process is gone is taken over.
 */
import { createHash, randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';
import type ExcelJS from 'exceljs';
import { LOCK_PREFIX, own, processAlive, release, removeOwned, sweepStale, TEMP_PREFIX, TEMP_SUFFIX } from './cleanup';

export type WriteFailureCode =
  | 'no-directory'
  | 'not-writable'
  | 'is-directory'
  /** The target exists and is a device, FIFO or socket. */
  | 'not-regular'
  /** ENOSPC / EDQUOT: no space left (the previous file, if any, is kept). */
  | 'disk-full'
  /** Another run holds the target's lock. */
  | 'busy'
  | 'write-failed';

export class WorkbookWriteError extends Error {
  constructor(
    readonly code: WriteFailureCode,
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${code}: ${file}: ${detail}`);
    this.name = 'WorkbookWriteError';
  }
}

function classify(e: unknown): WriteFailureCode {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no-directory';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'not-writable';
  if (code === 'EISDIR') return 'is-directory';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  return 'write-failed';
}

/** Why `target` cannot be written as a file, judged from what is there now; null when it can
 * (a regular file, or nothing yet). A link is judged by what it points at. */
export async function targetProblem(target: string): Promise<WriteFailureCode | null> {
  const stat = await fs.stat(target).catch(() => null);
  if (!stat) return null;
  if (stat.isDirectory()) return 'is-directory';
  return stat.isFile() ? null : 'not-regular';
}

/** Write `bytes` to `target` so that a failure never leaves a partly written file. */
export async function writeBytesAtomically(bytes: Buffer, target: string): Promise<void> {
  await writeAtomically(target, async (temp) => {
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      // On disk before the rename: a power cut leaves the old file or the new one, whole.
      await handle.datasync();
    } finally {
      await handle.close();
    }
  });
}

export async function writeWorkbookAtomically(workbook: ExcelJS.Workbook, target: string): Promise<void> {
  await writeAtomically(target, (temp) => workbook.xlsx.writeFile(temp));
}

/** A temporary name in the target's folder: hidden, recognisable, ~40 bytes whatever the target. */
export function tempNameFor(target: string): string {
  return path.join(path.dirname(path.resolve(target)), `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

async function writeAtomically(target: string, write: (temp: string) => Promise<void>): Promise<void> {
  const problem = await targetProblem(target);
  if (problem) throw new WorkbookWriteError(problem, target, 'not a regular file');
  const dir = path.dirname(path.resolve(target));
  await sweepStale(dir);
  const temp = tempNameFor(target);
  own(temp);
  try {
    await write(temp);
    // Checked again at the last moment: a device put there meanwhile is not replaced.
    const late = await targetProblem(target);
    if (late) throw new WorkbookWriteError(late, target, 'not a regular file');
    await fs.rename(temp, target);
    release(temp);
  } catch (e) {
    await removeOwned(temp);
    if (e instanceof WorkbookWriteError) throw e;
    throw new WorkbookWriteError(classify(e), target, String((e as Error)?.message ?? e));
  }
}

export interface OutLock {
  release(): Promise<void>;
}

/** The lock file of a target: beside it, named from a hash of its name (short whatever the name). */
export function lockNameFor(target: string): string {
  const abs = path.resolve(target);
  const hash = createHash('sha256').update(path.basename(abs)).digest('hex').slice(0, 16);
  return path.join(path.dirname(abs), `${LOCK_PREFIX}${hash}`);
}

/** A lock file younger than this with no process id yet is being created by its owner. */
const FRESH_LOCK_MS = 10_000;

async function lockIsStale(lock: string): Promise<boolean> {
  const [text, stat] = await Promise.all([fs.readFile(lock, 'utf8').catch(() => null), fs.stat(lock).catch(() => null)]);
  if (text === null || !stat) return true;
  const pid = Number(text.trim());
  if (text.trim() === '') return Date.now() - stat.mtimeMs > FRESH_LOCK_MS;
  return !processAlive(pid);
}

/**
 * Take the lock on `target` for this run, or throw WorkbookWriteError 'busy' when another run
 * holds it. A lock left by a process that is gone (killed) is taken over. Failing to create the
 * lock for another reason (a read-only folder) is not this function's to report: the write
 * itself will say it.
 */
export async function acquireOutLock(target: string): Promise<OutLock> {
  const lock = lockNameFor(target);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(lock, `${process.pid}\n`, { flag: 'wx' });
      own(lock);
      return { release: () => removeOwned(lock) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return { release: async () => undefined };
      if (!(await lockIsStale(lock))) throw new WorkbookWriteError('busy', target, `locked by ${lock}`);
      await fs.unlink(lock).catch(() => undefined);
    }
  }
  throw new WorkbookWriteError('busy', target, `locked by ${lock}`);
}
