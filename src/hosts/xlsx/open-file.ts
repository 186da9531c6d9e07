/**
 * Opening a workbook file without any library: tell apart the ways a file can fail to be a
 * workbook (missing, a folder, a device or FIFO, an old .xls, an encrypted workbook, not a zip)
 * and read its bytes. The streaming reader and the surgical writer start here; read.ts (exceljs)
 * too. No exceljs here, so that the command line's common path never loads it.
 */
import { constants as fsConstants, promises as fs } from 'fs';

export type OpenFailureCode =
  | 'missing'
  | 'not-a-file'
  /** A device, FIFO or socket: never opened for reading (a FIFO would wait for a writer). */
  | 'not-regular'
  | 'unreadable'
  | 'not-workbook'
  | 'old-xls'
  | 'encrypted'
  | 'damaged'
  /** A part of the zip expands past what the tool accepts (a zip bomb, or far too big a sheet). */
  | 'too-large';

/** Why a file could not be opened as a workbook; `detail` is the underlying error, for logs only. */
export class WorkbookOpenError extends Error {
  constructor(
    readonly code: OpenFailureCode,
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${code}: ${file}: ${detail}`);
    this.name = 'WorkbookOpenError';
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** OLE compound file: an old .xls, or an .xlsx encrypted with a password (Excel wraps it). */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_STREAM = Buffer.from('EncryptionInfo', 'utf16le');

async function sniff(file: string): Promise<{ head: Buffer; size: number }> {
  let handle: fs.FileHandle | undefined;
  try {
    // Judged before opening (opening a FIFO waits for a writer), and again on the open file with
    // O_NONBLOCK, so a FIFO swapped in meanwhile does not hang either.
    const before = await fs.stat(file);
    if (before.isDirectory()) throw new WorkbookOpenError('not-a-file', file, 'a directory');
    if (!before.isFile()) throw new WorkbookOpenError('not-regular', file, 'not a regular file');
    handle = await fs.open(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new WorkbookOpenError('not-a-file', file, 'a directory');
    if (!stat.isFile()) throw new WorkbookOpenError('not-regular', file, 'not a regular file');
    const head = Buffer.alloc(Math.min(stat.size, 8));
    if (head.length > 0) await handle.read(head, 0, head.length, 0);
    return { head, size: stat.size };
  } catch (e) {
    if (e instanceof WorkbookOpenError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new WorkbookOpenError('missing', file, String(e));
    if (code === 'EISDIR') throw new WorkbookOpenError('not-a-file', file, String(e));
    throw new WorkbookOpenError('unreadable', file, String(e));
  } finally {
    await handle?.close();
  }
}

/**
 * Refuse a file that is not a zip container, or is an old .xls or an encrypted workbook; every
 * failure is a WorkbookOpenError with a code the caller can word.
 */
export async function assertZipContainer(file: string): Promise<void> {
  const { head, size } = await sniff(file);
  if (head.length >= 8 && head.equals(CFB_MAGIC)) {
    const whole = await fs.readFile(file);
    throw new WorkbookOpenError(whole.includes(ENCRYPTION_STREAM) ? 'encrypted' : 'old-xls', file, 'OLE compound file');
  }
  const isZip = head.length >= 4 && (head.subarray(0, 4).equals(ZIP_MAGIC) || head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC));
  if (!isZip) throw new WorkbookOpenError('not-workbook', file, size === 0 ? 'empty file' : 'not a zip container');
}

/** The file's bytes, once assertZipContainer() has passed. */
export async function readWorkbookBytes(file: string): Promise<Buffer> {
  await assertZipContainer(file);
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw new WorkbookOpenError('unreadable', file, String(e));
  }
}
