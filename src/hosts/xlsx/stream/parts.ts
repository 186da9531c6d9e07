/**
 * Getting at the parts of the package: how much each may expand to, inflating a small part in
 * one piece or a large one as a stream of chunks (never the whole sheet in memory), and the
 * relationships that say which part is which.
 */
import zlib from 'zlib';
import { ZipError, type ZipEntry, type ZipParts } from '../zip/archive';
import { ByteFeed, type ByteSkimmer } from './feed';
import { attribute, scanXml, XmlScanner, type XmlHandler } from './xml';

const MiB = 1024 * 1024;

/**
 * Uncompressed size caps, in bytes. A part that declares or inflates to more is refused with a
 * ZipError 'too-large' whose `limit` is the cap, before it costs that much memory.
 *
 * Sheets are streamed (memory does not grow with the part), so their cap bounds time rather
 * than memory: 1 GiB of sheet XML is ~40 million cells, far past any plan, yet a sheet of
 * 1,048,576 formatted rows (~75 MB) or 8 million styled empty cells (~200 MB) still reads.
 * Shared strings are held as strings, so their cap bounds memory: 256 MiB. Everything else we
 * read (workbook, relationships, styles) is small in any real file.
 */
export interface PartLimits {
  sheet: number;
  sharedStrings: number;
  /** workbook.xml, relationships, styles.xml. */
  other: number;
}

export const DEFAULT_LIMITS: PartLimits = { sheet: 1024 * MiB, sharedStrings: 256 * MiB, other: 64 * MiB };

function tooLarge(entry: ZipEntry, cap: number): ZipError {
  return new ZipError('too-large', `${entry.name} expands to more than ${cap} bytes`, cap);
}

/** A small part as text, inflated in one piece under `cap`. */
export function partText(zip: ZipParts, entry: ZipEntry, cap: number): string {
  return zip.text(entry, cap);
}

/** Inflater output chunk size: big enough that per-chunk work is negligible, small enough to
 * keep memory flat. */
const CHUNK = 256 * 1024;

/**
 * Feed a part to an XML handler as it inflates, chunk by chunk, under `cap` uncompressed bytes.
 * `done()` lets the handler stop early (the rest is never inflated). A handler with a fast path
 * over bytes (ByteSkimmer) gets the bytes through a ByteFeed; any other, the decoded text.
 */
export async function streamPart(zip: ZipParts, entry: ZipEntry, cap: number, handler: XmlHandler | ByteSkimmer, done: () => boolean = () => false): Promise<void> {
  if (entry.uncompressedSize > cap) throw tooLarge(entry, cap);
  const data = zip.raw(entry);
  const sink = 'skim' in handler ? new ByteFeed(handler) : new TextFeed(handler);
  if (entry.method === 0) {
    for (let at = 0; at < data.length && !done(); at += CHUNK) sink.write(data.subarray(at, at + CHUNK));
  } else if (entry.method === 8) {
    await inflateInto(entry, data, cap, (chunk) => {
      sink.write(chunk);
      return done();
    });
  } else {
    throw new ZipError('method', `${entry.name}: compression method ${entry.method}`);
  }
  if (done()) return;
  sink.end();
}

/** The decoded text of a part's bytes to the XML scanner. */
class TextFeed {
  private readonly scanner: XmlScanner;
  // TextDecoder rather than Node's StringDecoder: the browser reads parts with this code too
  // (zip/inflated.ts hands it every part already inflated, as method 0).
  private readonly decoder = new TextDecoder('utf-8');

  constructor(handler: XmlHandler) {
    this.scanner = new XmlScanner(handler);
  }

  write(chunk: Uint8Array): void {
    this.scanner.write(this.decoder.decode(chunk, { stream: true }));
  }

  end(): void {
    this.scanner.write(this.decoder.decode());
    this.scanner.end();
  }
}

/** Inflate `data` chunk by chunk; `take` returns true to stop. Stops with 'too-large' past `cap`. */
async function inflateInto(entry: ZipEntry, data: Uint8Array, cap: number, take: (chunk: Buffer) => boolean): Promise<void> {
  // The thread pool inflates a few chunks ahead of the reader (by default it waits for each to
  // be read first, and the reader waits for the next: ~40 ms idle on a 15 MB sheet).
  // (A stream option zlib passes on to its Transform; @types/node's ZlibOptions omits it.)
  const inflater = zlib.createInflateRaw({ chunkSize: CHUNK, readableHighWaterMark: 4 * CHUNK } as zlib.ZlibOptions);
  inflater.end(data);
  let total = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > cap) throw tooLarge(entry, cap);
      if (take(chunk)) break;
    }
  } catch (e) {
    if (e instanceof ZipError || !(e as NodeJS.ErrnoException).code?.startsWith('Z_')) throw e;
    throw new ZipError('damaged', `${entry.name}: ${(e as Error).message}`);
  } finally {
    inflater.destroy();
  }
}

export interface Relationship {
  id: string;
  /** The type URI's last segment ("worksheet", "sharedStrings", "officeDocument"…): the same in
   * transitional and strict OOXML. */
  type: string;
  /** The target part's name in the zip (no leading "/"), or the raw target if external. */
  target: string;
  external: boolean;
}

/** The relationships part of `source` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
export function relsPartName(source: string): string {
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part's folder (OPC part names). */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of target.replace(/^\/+/, '').split('/')) {
    if (segment === '..') base.pop();
    else if (segment !== '.' && segment !== '') base.push(segment);
  }
  return base.join('/');
}

export function readRelationships(zip: ZipParts, source: string, cap: number): Relationship[] {
  const entry = zip.find(relsPartName(source));
  if (!entry) return [];
  const out: Relationship[] = [];
  scanXml(partText(zip, entry, cap), {
    collecting: false,
    open(name, tag) {
      if (name !== 'Relationship') return;
      const id = attribute(tag, 'Id');
      const type = attribute(tag, 'Type') ?? '';
      const target = attribute(tag, 'Target');
      if (id === undefined || target === undefined) return;
      const external = attribute(tag, 'TargetMode') === 'External';
      out.push({ id, type: type.slice(type.lastIndexOf('/') + 1), target: external ? target : resolveTarget(source, target.trim()), external });
    },
    close() {},
    text() {},
  });
  return out;
}
