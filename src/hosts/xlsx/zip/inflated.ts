/**
 * An .xlsx opened where there is no zlib and no Buffer (the task pane, in the browser): the
 * central directory is read as ZipArchive reads it, and every part the streaming reader may read
 * (XML and relationships) is inflated beforehand with the platform's DecompressionStream
 * ("deflate-raw"), under a cap per part and a cap for them all, so a zip bomb is refused before
 * it costs memory. The result serves the streaming reader as stored (method 0) parts; images,
 * binaries and other media are never inflated.
 */
import { dataOffset, readDirectory, ZipError, type ZipEntry, type ZipParts } from './archive';

export interface InflateLimits {
  /** Largest one part may expand to (default 256 MiB). */
  part: number;
  /** Largest all the parts together may expand to (default 512 MiB). */
  total: number;
}

const MiB = 1024 * 1024;
export const BROWSER_LIMITS: InflateLimits = { part: 256 * MiB, total: 512 * MiB };

const NEEDED = /\.(xml|rels)$/i;

function tooLarge(name: string, cap: number): ZipError {
  return new ZipError('too-large', `${name} expands to more than ${cap} bytes`, cap);
}

/** `data` inflated (raw deflate), stopping with 'too-large' past `cap` bytes. */
export async function inflateRaw(data: Uint8Array, cap: number, name: string): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > cap) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(name, cap);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError('damaged', `${name}: ${(e as Error)?.message ?? String(e)}`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

class InflatedParts implements ZipParts {
  private readonly byFoldedName = new Map<string, ZipEntry>();
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    readonly entries: readonly ZipEntry[],
    private readonly content: Map<ZipEntry, Uint8Array>,
  ) {
    for (const e of entries) this.byFoldedName.set(e.name.toLowerCase(), e);
  }

  find(name: string): ZipEntry | undefined {
    return this.byFoldedName.get(name.replace(/^\//, '').toLowerCase());
  }

  raw(entry: ZipEntry): Uint8Array {
    const bytes = this.content.get(entry);
    if (!bytes) throw new ZipError('method', `${entry.name} was not read`);
    return bytes;
  }

  text(entry: ZipEntry, cap: number): string {
    const bytes = this.raw(entry);
    if (bytes.length > cap) throw tooLarge(entry.name, cap);
    return this.decoder.decode(bytes);
  }
}

/** The archive's parts the reader may need, inflated; throws ZipError as ZipArchive does. */
export async function inflatedParts(bytes: Uint8Array, limits: InflateLimits = BROWSER_LIMITS): Promise<ZipParts> {
  const directory = readDirectory(bytes);
  const content = new Map<ZipEntry, Uint8Array>();
  const entries: ZipEntry[] = [];
  let total = 0;
  for (const entry of directory) {
    if (!NEEDED.test(entry.name) || entry.name.endsWith('/')) {
      entries.push(entry);
      continue;
    }
    if (entry.uncompressedSize > limits.part) throw tooLarge(entry.name, limits.part);
    const start = dataOffset(bytes, entry);
    const stored = bytes.subarray(start, start + entry.compressedSize);
    let data: Uint8Array;
    if (entry.method === 0) data = stored;
    else if (entry.method === 8) data = await inflateRaw(stored, Math.min(limits.part, limits.total - total), entry.name);
    else throw new ZipError('method', `${entry.name}: compression method ${entry.method}`);
    total += data.length;
    if (total > limits.total) throw tooLarge(entry.name, limits.total);
    const inflated: ZipEntry = { ...entry, method: 0, compressedSize: data.length, uncompressedSize: data.length };
    content.set(inflated, data);
    entries.push(inflated);
  }
  return new InflatedParts(entries, content);
}
