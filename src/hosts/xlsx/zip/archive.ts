/**
 * Reading the zip container of an .xlsx without inflating what we do not need.
 *
 * Why not a library: the copy must carry every part the tool does not change byte for byte
 * (charts, pivots, macros, external links…), which means handing the *compressed* bytes of an
 * entry to the writer untouched, and every part we do inflate must be inflated under a cap so
 * that a zip bomb is refused before it costs memory. exceljs and JSZip inflate everything;
 * yauzl streams but is callback-only and still needs our own cap. The zip format's part we use
 * (APPNOTE 4.3: end of central directory, central headers, local headers; methods 0 and 8) is
 * small, so it is written here, once, and tested against archives made by other tools.
 */
import zlib from 'zlib';

/** One entry of the central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when inflated (copied raw is fine). */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header in the archive. */
  localOffset: number;
  /** DOS time and date of the entry, kept so a copied entry keeps its stamp. */
  dosTime: number;
  dosDate: number;
}

export type ZipFailure = 'not-zip' | 'zip64' | 'damaged' | 'method' | 'too-large';

export class ZipError extends Error {
  constructor(
    readonly code: ZipFailure,
    message: string,
    /** For 'too-large': the cap that was exceeded, in bytes. */
    readonly limit?: number,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

/**
 * What the streaming reader (../stream) needs of an archive: its entries by name and their
 * bytes. ZipArchive is it over a file's bytes in Node; inflated.ts is it in the browser, every
 * part it may read inflated beforehand (stored, method 0).
 */
export interface ZipParts {
  readonly entries: readonly ZipEntry[];
  find(name: string): ZipEntry | undefined;
  /** The entry's bytes as stored (compressed for method 8). */
  raw(entry: ZipEntry): Uint8Array;
  /** The entry as UTF-8 text, inflated under `cap` bytes. */
  text(entry: ZipEntry, cap: number): string;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
/** The end record may be followed by a comment of up to 65,535 bytes. */
const EOCD_SEARCH = EOCD_MIN + 0xffff;

function findEndRecord(view: DataView): number {
  const stop = Math.max(0, view.byteLength - EOCD_SEARCH);
  for (let i = view.byteLength - EOCD_MIN; i >= stop; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) return i;
  }
  throw new ZipError('not-zip', 'no end-of-central-directory record');
}

/** An .xlsx opened in memory: the file's bytes and its directory. Entries are looked up by
 * name (zip names are case-sensitive; OOXML part names are compared case-insensitively, so a
 * second, folded index serves `find`). */
export class ZipArchive implements ZipParts {
  readonly entries: readonly ZipEntry[];
  private readonly byFoldedName = new Map<string, ZipEntry>();

  constructor(readonly bytes: Buffer) {
    this.entries = readDirectory(bytes);
    for (const e of this.entries) this.byFoldedName.set(e.name.toLowerCase(), e);
  }

  find(name: string): ZipEntry | undefined {
    return this.byFoldedName.get(name.replace(/^\//, '').toLowerCase());
  }

  /** Where the entry's compressed data starts (after its local header). */
  dataOffset(entry: ZipEntry): number {
    return dataOffset(this.bytes, entry);
  }

  /** The entry's compressed bytes, exactly as stored (for a byte-for-byte copy). */
  raw(entry: ZipEntry): Buffer {
    const start = this.dataOffset(entry);
    return this.bytes.subarray(start, start + entry.compressedSize);
  }

  /**
   * The entry's content, inflated under `cap` bytes. The declared size is checked first (a
   * cheap refusal), then the inflater itself stops at the cap, since a declared size can lie.
   */
  read(entry: ZipEntry, cap: number): Buffer {
    if (entry.uncompressedSize > cap) throw tooLarge(entry, cap);
    const data = this.raw(entry);
    if (entry.method === 0) return data;
    if (entry.method !== 8) throw new ZipError('method', `${entry.name}: compression method ${entry.method}`);
    try {
      // One output chunk of the declared size (+1: zlib must see room left to end): no copy of
      // 16 KB chunks into one buffer at the end (~50 ms on a 15 MB sheet). A declared size that
      // lies only changes the chunking: the cap still stops the inflater.
      const chunkSize = Math.max(64 * 1024, Math.min(entry.uncompressedSize + 1, cap));
      return zlib.inflateRawSync(data, { maxOutputLength: cap, chunkSize });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(entry, cap);
      throw new ZipError('damaged', `${entry.name}: ${(e as Error).message}`);
    }
  }

  /** The entry as UTF-8 text (XML parts), inflated under `cap` bytes. */
  text(entry: ZipEntry, cap: number): string {
    return this.read(entry, cap).toString('utf8');
  }
}

function tooLarge(entry: ZipEntry, cap: number): ZipError {
  return new ZipError('too-large', `${entry.name} expands to more than ${cap} bytes`, cap);
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Where an entry's stored data starts in the archive's bytes (after its local header). */
export function dataOffset(bytes: Uint8Array, entry: ZipEntry): number {
  const view = viewOf(bytes);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw new ZipError('damaged', `bad local header for ${entry.name}`);
  }
  const nameLength = view.getUint16(at + 26, true);
  const extraLength = view.getUint16(at + 28, true);
  const start = at + 30 + nameLength + extraLength;
  if (start + entry.compressedSize > bytes.length) throw new ZipError('damaged', `${entry.name} runs past the end of the file`);
  return start;
}

/** Made when first needed: a module that merely imports this one (the task pane's tests under
 * jsdom, which has no TextDecoder) must load. */
// InstanceType, not the name: under the CLI's Node-only typings TextDecoder is a value, not a type.
type Decoder = InstanceType<typeof TextDecoder>;
const decoders = new Map<string, Decoder>();
function decoder(label: 'utf-8' | 'latin1'): Decoder {
  let d = decoders.get(label);
  if (!d) decoders.set(label, (d = new TextDecoder(label)));
  return d;
}

/** The central directory: every entry, in order. Works on any Uint8Array (Node or browser). */
export function readDirectory(buf: Uint8Array): ZipEntry[] {
  if (buf.length < EOCD_MIN) throw new ZipError('not-zip', 'too short for a zip file');
  const view = viewOf(buf);
  const end = findEndRecord(view);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new ZipError('zip64', 'zip64 archives are not supported');
  if (offset + size > end) throw new ZipError('damaged', 'central directory outside the file');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw new ZipError('damaged', `bad central header #${i + 1}`);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const flags = view.getUint16(at + 8, true);
    // Bit 11: the name is UTF-8; otherwise CP437, which for OOXML part names is plain ASCII.
    const name = decoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(buf.subarray(at + 46, at + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      flags,
      method: view.getUint16(at + 10, true),
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
      crc32: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localOffset === 0xffffffff) {
      throw new ZipError('zip64', `${name}: zip64 sizes are not supported`);
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
