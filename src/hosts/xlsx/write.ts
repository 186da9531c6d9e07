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
import { LOCK_PREFIX, lockIsStale, own, release, removeOwned, sweepStale, TEMP_PREFIX, TEMP_SUFFIX } from './cleanup';

export type WriteFailureCode =
  | 'no-directory'
  | 'not-writable'
  | 'is-directory'
  /** The target exists and is a device, FIFO or socket. */
  | 'not-regular'
  /** ENOSPC / EDQUOT: no space left (the previous file, if any, is kept). */
  | 'disk-full'
  /** ENAMETOOLONG: the file name is longer than the file system allows (255 bytes, UTF-8). */
  | 'name-too-long'
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
  if (code === 'ENAMETOOLONG') return 'name-too-long';
  return 'write-failed';
}

/** Why `target` cannot be written as a file, judged from what is there now; null when it can
 * (a regular file, or nothing yet). A link is judged by what it points at. A name the file
 * system cannot hold is found here, before any work is done for it. */
export async function targetProblem(target: string): Promise<WriteFailureCode | null> {
  let stat: Awaited<ReturnType<typeof fs.stat>> | null;
  try {
    stat = await fs.stat(target);
  } catch (e) {
    return (e as NodeJS.ErrnoException)?.code === 'ENAMETOOLONG' ? 'name-too-long' : null;
  }
  if (stat.isDirectory()) return 'is-directory';
  return stat.isFile() ? null : 'not-regular';
}

/** Write `bytes` (or its pieces, one after the other) to `target` so that a failure never
 * leaves a partly written file. */
export async function writeBytesAtomically(bytes: Buffer | readonly Buffer[], target: string): Promise<void> {
  await writeAtomically(target, async (temp) => {
    const handle = await fs.open(temp, 'wx');
    try {
      if (Buffer.isBuffer(bytes)) await handle.writeFile(bytes);
      else {
        for (const piece of bytes) {
          for (let at = 0; at < piece.length; ) at += (await handle.write(piece, at)).bytesWritten;
        }
      }
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

/**
 * Take the lock on `target` for this run, or throw WorkbookWriteError 'busy' when another run
 * holds it. A lock left by a process that is gone (killed) is taken over. Failing to create the
 * lock for another reason (a read-only folder) is not this function's to report: the write
 * itself will say it.
 */
export async function acquireOutLock(target: string): Promise<OutLock> {
  const lock = lockNameFor(target);
  for (let attempt = 0; attempt < 2; attempt++) {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(lock, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return { release: async () => undefined };
      if (!(await lockIsStale(lock))) throw new WorkbookWriteError('busy', target, `locked by ${lock}`);
      await fs.unlink(lock).catch(() => undefined);
      continue;
    }
    // Ours from its creation: removed on every way out, also when its content cannot be
    // written (a full disk has room for the name, not for the bytes).
    own(lock);
    try {
      await handle.writeFile(`${process.pid}\n`);
    } catch {
      await handle.close().catch(() => undefined);
      await removeOwned(lock);
      return { release: async () => undefined };
    }
    await handle.close();
    return { release: () => removeOwned(lock) };
  }
  throw new WorkbookWriteError('busy', target, `locked by ${lock}`);
}
