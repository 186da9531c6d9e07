/**
 * The .xlsx host's WorkbookPort (src/usecases/ports.ts) over a workbook file. readSheet() reads
 * with the streaming reader (stream/: bounded inflation, cells outside the table cost nothing);
 * apply() makes the copy with the surgical writer (surgical/: the input's zip with only the
 * tool's edits, every other part copied byte for byte) and writes it atomically. Callers see
 * plain data and the errors below; no library type crosses this line.
 */
import type { ChangeSet } from '../../engine/model';
import type { ApplyReport, SheetReadResult, WorkbookPort } from '../../usecases/ports';
import { ChangeSetError } from '../change-set-error';
import { readWorkbookBytes, WorkbookOpenError } from './open-file';
import { readChosenSheet } from './choose-sheet';
import { readWorkbookStream, WorkbookFormatError, type WorkbookStream } from './stream';
import { PackageError, surgicalCopyInBackground } from './surgical';
import { writeBytesAtomically, WorkbookWriteError, type WriteFailureCode } from './write';
import { ZipError } from './zip/archive';

export interface OpenOptions {
  /** The sheet to check, by name (exact, then ignoring case and accents); else it is found. */
  sheet?: string;
  /** Where apply() writes the checked copy; the opened file itself is never written. */
  copyTo?: string;
}

export type OpenedWorkbook = WorkbookPort;

export type CopyFailureCode = WriteFailureCode | 'invalid-changes';

/** Why apply() wrote no copy; `detail` is the underlying error, for logs only. */
export class CopyError extends Error {
  constructor(
    readonly code: CopyFailureCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'CopyError';
  }
}

/** A reader's or writer's refusal of the package, as the open failure the CLI words. */
function openFailure(e: unknown, file: string): WorkbookOpenError | null {
  if (e instanceof ZipError) {
    if (e.code === 'too-large') return new WorkbookOpenError('too-large', file, e.message);
    // The container check already found a zip's signature: a zip that cannot be read is damaged.
    return new WorkbookOpenError('damaged', file, e.message);
  }
  if (e instanceof WorkbookFormatError) {
    if (e.code === 'too-many-cells') return new WorkbookOpenError('too-large', file, e.message);
    return new WorkbookOpenError(e.code === 'not-workbook' ? 'not-workbook' : 'damaged', file, e.message);
  }
  if (e instanceof PackageError) return new WorkbookOpenError(e.code === 'not-workbook' ? 'not-workbook' : 'damaged', file, e.message);
  return null;
}

/**
 * Open a workbook file; every failure to open or read it is a WorkbookOpenError (read.ts) with a
 * code the caller can word.
 */
export async function openXlsxWorkbook(file: string, options: OpenOptions = {}): Promise<OpenedWorkbook> {
  const bytes = await readWorkbookBytes(file);
  let book: WorkbookStream;
  try {
    book = await readWorkbookStream(bytes);
  } catch (e) {
    throw openFailure(e, file) ?? e;
  }
  // The sheet is read here, not in readSheet(), so that a part too large to read is refused as
  // the file failing to open — one sentence, before any check starts.
  let chosen: SheetReadResult | null;
  try {
    chosen = await readChosenSheet(book, options.sheet);
  } catch (e) {
    throw openFailure(e, file) ?? e;
  }
  return {
    readSheet: async () => {
      const result = chosen;
      chosen = null; // the grid is the engine's now: keep no second reference to it
      if (!result) throw new Error('readSheet() is called once per opened workbook');
      return result;
    },
    apply: async (changes) => applyToCopy(bytes, changes, options.copyTo),
  };
}

async function applyToCopy(input: Buffer, changes: ChangeSet, copyTo: string | undefined): Promise<ApplyReport> {
  if (copyTo === undefined) throw new Error('apply() on a workbook opened without copyTo');
  let copy: { pieces: readonly Buffer[]; skipped: string[] };
  try {
    copy = await surgicalCopyInBackground(input, changes);
  } catch (e) {
    if (e instanceof ChangeSetError || e instanceof PackageError || e instanceof ZipError) throw new CopyError('invalid-changes', e.message);
    throw e;
  }
  try {
    await writeBytesAtomically(copy.pieces, copyTo);
  } catch (e) {
    if (e instanceof WorkbookWriteError) throw new CopyError(e.code, e.detail);
    throw e;
  }
  return { skipped: copy.skipped };
}
