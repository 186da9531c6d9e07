/**
 * One unit's workbook for `cchc-plan rollup`, in a worker thread (src/cli/rollup-pool.ts): its
 * SHA-256, then the single-unit report of src/usecases/rollup.ts. What goes back to the main
 * thread is the small UnitReport, never the cells. Every failure is one sentence for the files
 * sheet; nothing here throws for bad input.
 */
import { createHash } from 'crypto';
import { createReadStream, promises as fs } from 'fs';
import type { ISODate, Lang } from '../engine/model';
import type { FileRead } from '../report/rollup';
import type { PeriodId } from '../report';
import { unitReport } from '../usecases/rollup';
import { messages } from './messages';
import { debugDetails, openInput, refusalFailure } from './plan-job';
import { rollupMessages } from './rollup-messages';

export interface RollupTask {
  /** The file to read (absolute). */
  path: string;
  /** The file as the user named it, for messages and the files sheet. */
  file: string;
  period: PeriodId;
  year?: number;
  asOf?: ISODate;
  lang: Lang;
  today: ISODate;
}

/** SHA-256 of a regular file's bytes, streamed; null for anything else (a FIFO is never opened). */
async function sha256Of(path: string): Promise<string | null> {
  const stat = await fs.stat(path).catch(() => null);
  if (!stat?.isFile()) return null;
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch {
    return null;
  }
  return hash.digest('hex');
}

export async function rollupFile(task: RollupTask): Promise<FileRead> {
  const { file, lang } = task;
  const sha256 = await sha256Of(task.path);
  try {
    const workbook = await openInput(task.path, file, { lang });
    if ('ok' in workbook) return { file, ok: false, reason: workbook.message, sha256 };
    const result = await unitReport({ workbook }, { period: task.period, year: task.year, asOf: task.asOf, lang, today: task.today, sha256: sha256 ?? '' });
    if (!result.ok) {
      const refusal = result.refusal;
      const reason = refusal.code === 'report-sheet' ? rollupMessages.reportSheet(file, refusal.sheet, lang) : refusalFailure(refusal, file, lang).message;
      return { file, ok: false, reason, sha256 };
    }
    return { file, ok: true, unit: result.unit };
  } catch (e) {
    debugDetails(e, (text) => process.stderr.write(text));
    return { file, ok: false, reason: messages.unexpected(file, lang), sha256 };
  }
}

export default rollupFile;
