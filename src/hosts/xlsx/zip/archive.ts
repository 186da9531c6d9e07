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

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
/** The end record may be followed by a comment of up to 65,535 bytes. */
const EOCD_SEARCH = EOCD_MIN + 0xffff;

function findEndRecord(buf: Buffer): number {
  const stop = Math.max(0, buf.length - EOCD_SEARCH);
  for (let i = buf.length - EOCD_MIN; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  throw new ZipError('not-zip', 'no end-of-central-directory record');
}

/** An .xlsx opened in memory: the file's bytes and its directory. Entries are looked up by
 * name (zip names are case-sensitive; OOXML part names are compared case-insensitively, so a
 * second, folded index serves `find`). */
export class ZipArchive {
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
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL_SIGNATURE) {
      throw new ZipError('damaged', `bad local header for ${entry.name}`);
    }
    const nameLength = this.bytes.readUInt16LE(at + 26);
    const extraLength = this.bytes.readUInt16LE(at + 28);
    const start = at + 30 + nameLength + extraLength;
    if (start + entry.compressedSize > this.bytes.length) throw new ZipError('damaged', `${entry.name} runs past the end of the file`);
    return start;
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
      return zlib.inflateRawSync(data, { maxOutputLength: cap });
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

function readDirectory(buf: Buffer): ZipEntry[] {
  if (buf.length < EOCD_MIN) throw new ZipError('not-zip', 'too short for a zip file');
  const end = findEndRecord(buf);
  const count = buf.readUInt16LE(end + 10);
  const size = buf.readUInt32LE(end + 12);
  const offset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new ZipError('zip64', 'zip64 archives are not supported');
  if (offset + size > end) throw new ZipError('damaged', 'central directory outside the file');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new ZipError('damaged', `bad central header #${i + 1}`);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const flags = buf.readUInt16LE(at + 8);
    // Bit 11: the name is UTF-8; otherwise CP437, which for OOXML part names is plain ASCII.
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      name,
      flags,
      method: buf.readUInt16LE(at + 10),
      dosTime: buf.readUInt16LE(at + 12),
      dosDate: buf.readUInt16LE(at + 14),
      crc32: buf.readUInt32LE(at + 16),
      compressedSize: buf.readUInt32LE(at + 20),
      uncompressedSize: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localOffset === 0xffffffff) {
      throw new ZipError('zip64', `${name}: zip64 sizes are not supported`);
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
