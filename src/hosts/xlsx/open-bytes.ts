/**
 * A workbook given as bytes, read where there is no file system, zlib or Buffer (the task pane
 * reading the units' workbooks the user chose, for the roll-up): the same streaming reader and
 * sheet choice as the command line, over parts inflated by the platform (zip/inflated.ts). The
 * port reads only; nothing is ever written to these files.
 */
import type { ApplyReport, WorkbookPort } from '../../usecases/ports';
import { readChosenSheet } from './choose-sheet';
import { readWorkbookStream, WorkbookFormatError } from './stream';
import { inflatedParts, type InflateLimits } from './zip/inflated';
import { ZipError } from './zip/archive';

export type BytesFailureCode = 'not-workbook' | 'old-xls' | 'encrypted' | 'damaged' | 'too-large';

/** Why the bytes are not a workbook the tool can read; `detail` is for logs only. */
export class BytesOpenError extends Error {
  constructor(
    readonly code: BytesFailureCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'BytesOpenError';
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
/** OLE compound file: an old .xls, or an .xlsx encrypted with a password (Excel wraps it). */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** "EncryptionInfo" as UTF-16LE, the stream an encrypted workbook's container holds. */
function holdsEncryptionInfo(bytes: Uint8Array): boolean {
  const word = Array.from('EncryptionInfo').flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + word.length <= bytes.length; i++) {
    for (let j = 0; j < word.length; j++) if (bytes[i + j] !== word[j]) continue outer;
    return true;
  }
  return false;
}

function failure(e: unknown): BytesOpenError | null {
  if (e instanceof ZipError) return new BytesOpenError(e.code === 'too-large' ? 'too-large' : 'damaged', e.message);
  if (e instanceof WorkbookFormatError) {
    if (e.code === 'too-many-cells') return new BytesOpenError('too-large', e.message);
    return new BytesOpenError(e.code === 'not-workbook' ? 'not-workbook' : 'damaged', e.message);
  }
  return null;
}

/** Open the bytes as a workbook and choose its sheet; every failure is a BytesOpenError. */
export async function openWorkbookBytes(bytes: Uint8Array, options: { sheet?: string; limits?: InflateLimits } = {}): Promise<WorkbookPort> {
  if (startsWith(bytes, CFB)) throw new BytesOpenError(holdsEncryptionInfo(bytes) ? 'encrypted' : 'old-xls', 'OLE compound file');
  if (!startsWith(bytes, ZIP) && !startsWith(bytes, EMPTY_ZIP)) throw new BytesOpenError('not-workbook', bytes.length === 0 ? 'empty file' : 'not a zip container');
  let chosen;
  try {
    const book = await readWorkbookStream(await inflatedParts(bytes, options.limits), {});
    chosen = await readChosenSheet(book, options.sheet);
  } catch (e) {
    throw failure(e) ?? e;
  }
  let pending: typeof chosen | null = chosen;
  return {
    readSheet: async () => {
      const result = pending;
      pending = null;
      if (!result) throw new Error('readSheet() is called once per opened workbook');
      return result;
    },
    apply: async (): Promise<ApplyReport> => {
      throw new Error('a workbook opened from bytes is read only');
    },
  };
}
