/**
 * A part's bytes to an XML handler that has a fast path over bytes (sheet.ts's parser, whose fast
 * path is sheet-data.ts). Wherever the handler says its fast path may read and the scanner holds
 * nothing unfinished, the fast path reads the bytes as they are; every other byte goes, decoded,
 * to the general XmlScanner, in runs that end just after a ">" (an ASCII byte, so never inside a
 * character) or at the end of the chunk (a character cut there waits for the next chunk). The
 * scanner accepts a document cut anywhere, so how the bytes are split between the two paths
 * changes nothing but speed.
 *
 * Run length: a run is one tag long while the fast path read the last tokens it was offered, so
 * that it takes over again as soon as it can (after a rich inline string, say); each time it is
 * offered bytes and reads none (a sheet written with prefixed elements), runs double, up to
 * MAX_RUN; once it will read nothing more (after <sheetData>), runs are MAX_RUN long. So the
 * general path is never slowed by tiny runs for long.
 */
import { XmlScanner, type XmlHandler } from './xml';
import { GT } from './char-codes';

export interface ByteSkimmer extends XmlHandler {
  /** True where the fast path may read (it knows what may come next, nothing is being collected). */
  readonly skimming: boolean;
  /** False once the fast path will have nothing more to read in this part. */
  readonly skimmable: boolean;
  /** Reads whole tokens from b[from…]; returns where the first one it leaves starts (b.length:
   * it read them all). */
  skim(b: Uint8Array, from: number): number;
}

const MAX_RUN = 64 * 1024;

// Not a streaming decoder: every text decoded here is whole characters. The part's byte order
// mark is skipped by ByteFeed itself, so a U+FEFF at the start of a text is kept.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** b[from, to), whole UTF-8 characters, decoded as the general path decodes the part. */
export function utf8(b: Uint8Array, from: number, to: number): string {
  return decoder.decode(b.subarray(from, to));
}

/** Where the UTF-8 character cut by the end of `b` starts, or b.length when none is. */
function wholeCharactersEnd(b: Uint8Array): number {
  for (let i = b.length - 1; i >= 0 && i >= b.length - 4; i--) {
    const byte = b[i];
    if (byte < 0x80) return b.length;
    if (byte >= 0xc0) {
      const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return i + size > b.length ? i : b.length;
    }
  }
  return b.length;
}

export class ByteFeed {
  private readonly scanner: XmlScanner;
  /** Bytes of a character cut by the end of the last chunk (or the start of a part shorter than
   * its byte order mark). */
  private carry: Uint8Array | null = null;
  private started = false;
  private run = 0;

  constructor(private readonly handler: ByteSkimmer) {
    this.scanner = new XmlScanner(handler);
  }

  write(chunk: Uint8Array): void {
    // Always a plain Uint8Array (not a Buffer, whose class differs), so that the fast path's
    // byte reads see one kind of array.
    let b = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.carry !== null) {
      b = new Uint8Array(this.carry.length + chunk.length);
      b.set(this.carry);
      b.set(chunk, this.carry.length);
      this.carry = null;
    }
    let pos = 0;
    if (!this.started) {
      // The byte order mark, as TextDecoder skips it at the start of a stream.
      if (b.length < 3 && b.every((byte, i) => byte === [0xef, 0xbb, 0xbf][i])) {
        this.carry = b;
        return;
      }
      this.started = true;
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) pos = 3;
    }
    const h = this.handler;
    while (pos < b.length) {
      if (h.skimming && this.scanner.idle) {
        const after = h.skim(b, pos);
        this.run = after > pos ? 0 : this.longer();
        pos = after;
        if (pos >= b.length) return;
      }
      pos = this.general(b, pos);
      if (!h.skimmable) this.run = MAX_RUN;
    }
  }

  /** The part is complete. */
  end(): void {
    if (this.carry !== null) this.scanner.write(utf8(this.carry, 0, this.carry.length));
    this.carry = null;
    this.scanner.end();
  }

  private longer(): number {
    return Math.min(MAX_RUN, Math.max(64, this.run * 2));
  }

  /** Hands the scanner b[pos…] up to just after a ">" at least `run` bytes on, or to the end of
   * `b`; returns where it stopped. */
  private general(b: Uint8Array, pos: number): number {
    const gt = b.indexOf(GT, pos + this.run);
    let stop = gt + 1;
    if (gt === -1) {
      stop = Math.max(pos, wholeCharactersEnd(b));
      if (stop < b.length) this.carry = b.slice(stop);
    }
    if (stop > pos) this.scanner.write(utf8(b, pos, stop));
    return gt === -1 ? b.length : stop;
  }
}
