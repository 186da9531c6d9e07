/**
 * Writing a workbook so that a failure never leaves a partly written file: exceljs writes a
 * temporary file next to the target, which is renamed over the target only once complete.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { randomBytes } from 'crypto';
import type ExcelJS from 'exceljs';

export type WriteFailureCode = 'no-directory' | 'not-writable' | 'is-directory' | 'write-failed';

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
  return 'write-failed';
}

/** Write `bytes` to `target` so that a failure never leaves a partly written file: a temporary
 * file beside the target, renamed over it once complete. */
export async function writeBytesAtomically(bytes: Buffer, target: string): Promise<void> {
  await writeAtomically(target, (temp) => fs.writeFile(temp, bytes, { flag: 'wx' }));
}

export async function writeWorkbookAtomically(workbook: ExcelJS.Workbook, target: string): Promise<void> {
  await writeAtomically(target, (temp) => workbook.xlsx.writeFile(temp));
}

async function writeAtomically(target: string, write: (temp: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const stat = await fs.stat(target).catch(() => null);
  if (stat?.isDirectory()) throw new WorkbookWriteError('is-directory', target, 'target is a directory');
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await write(temp);
    await fs.rename(temp, target);
  } catch (e) {
    await fs.unlink(temp).catch(() => undefined);
    throw new WorkbookWriteError(classify(e), target, String((e as Error)?.message ?? e));
  }
}
