/**
 * The units' workbooks the user chose, read in the browser one after the other with the same
 * reader and engine as the command line (hosts/xlsx/open-bytes.ts, usecases/rollup.ts): each
 * gives its small report and is let go before the next is read. Nothing leaves the computer.
 */
import type { ISODate, Lang } from '../../engine/model';
import { BytesOpenError, openWorkbookBytes } from '../../hosts/xlsx/open-bytes';
import type { PeriodId } from '../../report';
import type { FileRead } from '../../report/rollup';
import { unitReport, type Refusal } from '../../usecases';
import { rollupStrings } from './strings';

/** What the pane needs of a chosen file (a browser File has these). */
export interface ChosenFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ReadOptions {
  period: PeriodId;
  year?: number;
  lang: Lang;
  today: ISODate;
  /** Told before each file is read (1-based). */
  onFile?: (index: number, total: number, name: string) => void;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function refusalReason(refusal: Refusal, file: string, lang: Lang): string {
  const S = rollupStrings(lang);
  switch (refusal.code) {
    case 'empty-workbook':
      return S.emptyWorkbook(file);
    case 'report-sheet':
      return S.reportSheet(file, refusal.sheet);
    default:
      return 'message' in refusal ? `${file}: ${refusal.message}` : S.unexpected(file);
  }
}

export async function readOne(file: ChosenFile, options: ReadOptions): Promise<FileRead> {
  const S = rollupStrings(options.lang);
  let hash: string | null = null;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    hash = await sha256(bytes);
    const workbook = await openWorkbookBytes(bytes);
    const result = await unitReport({ workbook }, { period: options.period, year: options.year, lang: options.lang, today: options.today, sha256: hash });
    if (!result.ok) return { file: file.name, ok: false, reason: refusalReason(result.refusal, file.name, options.lang), sha256: hash };
    return { file: file.name, ok: true, unit: result.unit };
  } catch (e) {
    const reason = e instanceof BytesOpenError ? S.failures[e.code](file.name) : S.unexpected(file.name);
    return { file: file.name, ok: false, reason, sha256: hash };
  }
}

/** Every file in order; one that cannot be read is a FileRead with its reason, never a throw. */
export async function readFiles(files: readonly ChosenFile[], options: ReadOptions): Promise<FileRead[]> {
  const out: FileRead[] = [];
  for (let i = 0; i < files.length; i++) {
    options.onFile?.(i + 1, files.length, files[i].name);
    out.push(await readOne(files[i], options));
  }
  return out;
}
