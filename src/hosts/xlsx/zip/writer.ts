/**
 * Writing a zip whose unchanged entries are the input's compressed bytes, copied as they are
 * (same method, CRC, sizes and time stamp), and whose changed or new entries are deflated here.
 * See archive.ts for why this is our own code. No data descriptors: sizes and CRC are known
 * before each entry is written, so every local header is complete (bit 3 cleared).
 *
 * A large entry (a sheet) is deflated as it is produced (PartDeflater): its text never has to
 * exist whole, only its compressed bytes do.
 */
import zlib from 'zlib';
import type { ZipArchive, ZipEntry } from './archive';

interface Pending {
  name: Buffer;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  dosTime: number;
  dosDate: number;
  data: Buffer | readonly Buffer[];
}

/** An entry's content already deflated (method 8), with what its headers need. */
export interface DeflatedPart {
  readonly deflated: true;
  crc32: number;
  uncompressedSize: number;
  compressedSize: number;
  /** The raw deflate stream, in pieces. */
  data: readonly Buffer[];
}

export function isDeflated(content: unknown): content is DeflatedPart {
  return typeof content === 'object' && content !== null && (content as DeflatedPart).deflated === true;
}

/** Deflate level of the small entries the writer makes: 6, zlib's default. */
const LEVEL = 6;
/** Deflate level of a large part deflated as it is written (a sheet): 3. Measured on a
 * 60 MB sheet of a 200,000-row plan: level 6 takes 2.7× the time of level 3 for a file 13%
 * smaller (0.73 s against 0.27 s, 5.4 MB against 6.2 MB); a sheet is most of a run's output. */
const STREAM_LEVEL = 3;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Node's own CRC-32 where it has one (20.15 and later): several times faster on a large part. */
const nativeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;

/** CRC-32 of the zip format (zlib.crc32 exists only from Node 20.15; we support 20.9);
 * `previous` continues the CRC of the bytes before `data`. */
export function crc32(data: Uint8Array, previous = 0): number {
  if (nativeCrc32) return (nativeCrc32 as (d: Uint8Array, v: number) => number)(data, previous) >>> 0;
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Bytes gathered before a piece is deflated. */
const PIECE = 1024 * 1024;

/** Where a part's content goes as it is made: new text, and ranges of existing bytes (copied,
 * so the caller's buffer is never held). */
export interface PartSink {
  text(text: string): void;
  bytes(data: Uint8Array, from: number, to: number): void;
}

function deflateOptions(last: boolean): zlib.ZlibOptions {
  return { level: STREAM_LEVEL, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH, chunkSize: PIECE };
}

/**
 * An entry's content gathered into pieces of PIECE bytes as it is written: text encoded in
 * place, ranges of other buffers copied (never a Buffer per small string, never a view held).
 * Each piece is deflated on its own and ended with a sync flush (a byte-aligned block, not the
 * last), the final one normally: the pieces joined are one valid raw deflate stream (RFC 1951
 * lets every block start afresh; a back-reference never crosses a piece, which costs well
 * under 1% in size at this piece size). How a piece is deflated is the subclass's.
 */
abstract class PieceGatherer implements PartSink {
  protected piece: Buffer = Buffer.allocUnsafe(PIECE);
  protected used = 0;
  private crc = 0;
  private size = 0;

  /** A string or bytes (all of them). */
  write(chunk: Buffer | string): void {
    if (typeof chunk === 'string') this.text(chunk);
    else this.bytes(chunk, 0, chunk.length);
  }

  text(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4).
    const most = text.length * 3;
    if (most > PIECE - this.used) {
      if (most > PIECE) {
        const bytes = Buffer.from(text, 'utf8');
        this.bytes(bytes, 0, bytes.length);
        return;
      }
      this.flush(false);
    }
    this.used += this.piece.write(text, this.used, 'utf8');
  }

  bytes(data: Uint8Array, from: number, to: number): void {
    while (from < to) {
      if (this.used === PIECE) this.flush(false);
      const n = Math.min(PIECE - this.used, to - from);
      // A plain view: Buffer.subarray would make a Buffer (slower) for each range.
      this.piece.set(new Uint8Array(data.buffer, data.byteOffset + from, n), this.used);
      this.used += n;
      from += n;
    }
  }

  protected flush(last: boolean): void {
    const input = this.piece.subarray(0, this.used);
    this.crc = crc32(input, this.crc);
    this.size += input.length;
    this.deflatePiece(input, last);
    this.used = 0;
  }

  /** Deflate `input` (a view of `this.piece`, which is written again once this returns unless
   * the subclass gives it a new one). */
  protected abstract deflatePiece(input: Buffer, last: boolean): void;

  protected part(data: Buffer[]): DeflatedPart {
    const compressedSize = data.reduce((n, b) => n + b.length, 0);
    return { deflated: true, crc32: this.crc, uncompressedSize: this.size, compressedSize, data };
  }
}

/** Deflates an entry's content as it is written, on the calling thread, holding at most one
 * piece (PIECE bytes) of it uncompressed. */
export class PartDeflater extends PieceGatherer {
  private readonly out: Buffer[] = [];

  protected deflatePiece(input: Buffer, last: boolean): void {
    this.out.push(zlib.deflateRawSync(input, deflateOptions(last)));
  }

  end(): DeflatedPart {
    this.flush(true);
    return this.part(this.out);
  }
}

/** Pieces a BackgroundDeflater lets be deflated at once before `room()` waits: the memory the
 * pieces hold (uncompressed and deflated) stays a few MiB whatever the part's size. */
const IN_FLIGHT = 4;

/**
 * Deflates an entry's content as it is written, on libuv's thread pool: the thread that writes
 * the content goes on making the next piece while the last ones are deflated. Same stream as
 * PartDeflater's (each piece on its own, in order), same uncompressed bytes. The writer calls
 * `room()` now and then and waits for it: completed pieces are collected there, and it waits
 * while IN_FLIGHT pieces are still being deflated.
 */
export class BackgroundDeflater extends PieceGatherer {
  private readonly out: Promise<Buffer>[] = [];
  private readonly inFlight: Promise<Buffer>[] = [];
  /** Piece buffers whose deflate has completed, to gather the next pieces in. */
  private readonly spare: Buffer[] = [];

  protected deflatePiece(input: Buffer, last: boolean): void {
    const piece = this.piece;
    const deflated = new Promise<Buffer>((resolve, reject) =>
      zlib.deflateRaw(input, deflateOptions(last), (e, data) => {
        if (this.spare.length < IN_FLIGHT) this.spare.push(piece);
        if (e) reject(e);
        else resolve(data);
      }),
    );
    // Caught here too: a failure is thrown by end(), not reported as unhandled meanwhile.
    deflated.catch(() => undefined);
    this.out.push(deflated);
    this.inFlight.push(deflated);
    // The piece belongs to zlib until its deflate completes.
    this.piece = this.spare.pop() ?? Buffer.allocUnsafe(PIECE);
  }

  /** Resolves once fewer than IN_FLIGHT pieces are being deflated. */
  async room(): Promise<void> {
    while (this.inFlight.length >= IN_FLIGHT) await this.inFlight.shift()!.catch(() => undefined);
  }

  async end(): Promise<DeflatedPart> {
    this.flush(true);
    this.inFlight.length = 0;
    return this.part(await Promise.all(this.out));
  }
}

/** Deflate content given as pieces (strings or bytes), never joining them. */
export function deflatePieces(pieces: Iterable<Buffer | string>): DeflatedPart {
  const deflater = new PartDeflater();
  for (const piece of pieces) deflater.write(piece);
  return deflater.end();
}

/** A deflated entry's content, inflated again under `cap` bytes (rarely needed: a part the
 * writer made and then reads back). */
export function inflateDeflated(part: DeflatedPart, cap: number): Buffer {
  return zlib.inflateRawSync(Buffer.concat(part.data as Buffer[]), { maxOutputLength: Math.max(1, cap) });
}

/** The DOS time and date fields for a moment (local time, as zip tools write them). */
export function dosDateTime(when: Date): { dosTime: number; dosDate: number } {
  const year = Math.max(1980, when.getFullYear());
  return {
    dosTime: (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2),
    dosDate: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

export class ZipWriter {
  private readonly pending: Pending[] = [];
  private readonly names = new Set<string>();
  private readonly stamp: { dosTime: number; dosDate: number };

  constructor(now: Date = new Date()) {
    this.stamp = dosDateTime(now);
  }

  private claim(name: string): Buffer {
    if (this.names.has(name)) throw new Error(`zip entry ${name} written twice`);
    this.names.add(name);
    return Buffer.from(name, 'utf8');
  }

  /** Copy an entry of `source` byte for byte. */
  copy(source: ZipArchive, entry: ZipEntry): void {
    this.pending.push({
      name: this.claim(entry.name),
      method: entry.method,
      crc32: entry.crc32,
      compressedSize: entry.compressedSize,
      uncompressedSize: entry.uncompressedSize,
      dosTime: entry.dosTime,
      dosDate: entry.dosDate,
      data: source.raw(entry),
    });
  }

  /** Add an entry with new content, deflated (here, or already). */
  add(name: string, content: Buffer | string | DeflatedPart): void {
    if (isDeflated(content)) {
      this.pending.push({ name: this.claim(name), method: 8, crc32: content.crc32, compressedSize: content.compressedSize, uncompressedSize: content.uncompressedSize, ...this.stamp, data: content.data });
      return;
    }
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const data = zlib.deflateRawSync(bytes, { level: LEVEL });
    this.pending.push({
      name: this.claim(name),
      method: 8,
      crc32: crc32(bytes),
      compressedSize: data.length,
      uncompressedSize: bytes.length,
      ...this.stamp,
      data,
    });
  }

  /** The whole archive. Entries keep the order they were added in. */
  toBuffer(): Buffer {
    return Buffer.concat(this.toPieces());
  }

  /** The whole archive as pieces to write one after the other (the entries' data are not
   * copied into one buffer: for a large copy, that would be its whole size again). */
  toPieces(): Buffer[] {
    const parts: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const p of this.pending) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
      local.writeUInt16LE(0x800, 6); // UTF-8 names
      local.writeUInt16LE(p.method, 8);
      local.writeUInt16LE(p.dosTime, 10);
      local.writeUInt16LE(p.dosDate, 12);
      local.writeUInt32LE(p.crc32, 14);
      local.writeUInt32LE(p.compressedSize, 18);
      local.writeUInt32LE(p.uncompressedSize, 22);
      local.writeUInt16LE(p.name.length, 26);
      local.writeUInt16LE(0, 28);
      parts.push(local, p.name);
      if (Buffer.isBuffer(p.data)) parts.push(p.data);
      else parts.push(...p.data);

      const head = Buffer.alloc(46);
      head.writeUInt32LE(0x02014b50, 0);
      head.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
      head.writeUInt16LE(20, 6);
      head.writeUInt16LE(0x800, 8);
      head.writeUInt16LE(p.method, 10);
      head.writeUInt16LE(p.dosTime, 12);
      head.writeUInt16LE(p.dosDate, 14);
      head.writeUInt32LE(p.crc32, 16);
      head.writeUInt32LE(p.compressedSize, 20);
      head.writeUInt32LE(p.uncompressedSize, 24);
      head.writeUInt16LE(p.name.length, 28);
      head.writeUInt32LE(offset, 42);
      central.push(head, p.name);
      offset += 30 + p.name.length + p.compressedSize;
      if (offset > 0xffffffff) throw new Error('the copy would need zip64 (over 4 GB)');
    }
    const centralSize = central.reduce((n, b) => n + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.pending.length, 8);
    end.writeUInt16LE(this.pending.length, 10);
    end.writeUInt32LE(centralSize, 12);
    end.writeUInt32LE(offset, 16);
    return [...parts, ...central, end];
  }
}
