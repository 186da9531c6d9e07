/**
 * A JSON line printed in pieces: the UTF-8 bytes of `JSON.stringify(value) + "\n"`, given in
 * pieces of about 256 KiB. The JSON of a 50,000-row check is ~28 MB of UTF-8, ~52 MB as one
 * JavaScript string (the Vietnamese text makes it two bytes a character); in pieces, none of it
 * has to exist whole.
 *
 * Levels: the value (0) and its arrays and objects (1) are walked by a generator, which hands out
 * a piece as soon as one is full; each element below them (2: a row of `validate --json`) is
 * written by a plain loop, its fields one by one (3), so that an object met again in a row —
 * the same deadline, output or issue on many rows (src/contract/validate-json.ts gives equal
 * ones as one object) — is stringified and encoded once: its bytes are kept by identity, in a
 * bounded memo for one line. Everything else is JSON.stringify's own text, encoded as it comes.
 * What JSON.stringify skips (undefined, functions, symbols) is skipped the same way, and a value
 * with toJSON, or a boxed primitive, is left to JSON.stringify whole. The value must not change
 * while it is printed (its text is made as it is printed).
 */
import { ListMadeAsPrinted } from '../contract/made-as-printed';
import { BoundedMemo } from '../engine/memo';

/** Levels walked by the generator; below, a plain loop writes each value. */
const WALKED_LEVELS = 2;
/** From this level on an object's bytes are kept by identity; arrays are walked at this level
 * (a row's list of issues is the row's own), kept below it. */
const KEPT_LEVEL = 3;
/** Objects kept at most, and the longest kept: a memo for repeated small objects, not a copy. */
const KEPT_ENTRIES = 4096;
const KEPT_BYTES = 4096;
/** Strings up to this length have their JSON text kept (longer ones are rarely repeated). */
const SHORT_TEXT = 64;
const PIECE_BYTES = 256 * 1024;

function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function hasToJSON(v: unknown): v is { toJSON(key: string): unknown } {
  return typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

/** An array or an object walked key by key (no toJSON, not a boxed primitive). */
function walkable(v: unknown): v is object {
  if (v === null || typeof v !== 'object' || hasToJSON(v)) return false;
  return !(v instanceof Number || v instanceof String || v instanceof Boolean);
}

/** JSON.stringify's text of `v` (not skipped, not walkable): the common cases without a call. */
function primitiveText(v: unknown): string {
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  // String(n) is JSON's number text (-0 included); not finite numbers are null.
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  return JSON.stringify(v);
}

/** JSON.stringify's text of `v`, which has toJSON, met under `key` (toJSON is given the key);
 * undefined when JSON.stringify leaves it out. */
function toJsonText(v: object, key: string | number): string | undefined {
  const name = String(key);
  const text = JSON.stringify({ [name]: v });
  return text === '{}' ? undefined : text.slice(JSON.stringify(name).length + 2, -1);
}

/**
 * Text and bytes gathered into pieces of about PIECE_BYTES bytes. Text waits (as one string)
 * until bytes come or the piece is cut, then is encoded in one call; a piece is cut only between
 * two writes, so that it always ends after a whole character.
 */
class Pieces {
  private buffer = Buffer.allocUnsafe(PIECE_BYTES);
  private used = 0;
  private pending = '';
  readonly ready: Buffer[] = [];

  text(text: string): void {
    this.pending += text;
    // A long text is encoded now: the pieces stay about PIECE_BYTES.
    if (this.pending.length >= PIECE_BYTES / 4) this.encodePending();
  }

  bytes(bytes: Uint8Array): void {
    this.encodePending();
    this.room(bytes.length);
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** Everything written so far, as ready pieces. */
  end(): void {
    this.encodePending();
    this.cut(0);
  }

  private encodePending(): void {
    const text = this.pending;
    if (text === '') return;
    this.pending = '';
    // At most 3 bytes a UTF-16 unit (a surrogate pair: 4 bytes for 2 units).
    this.room(text.length * 3);
    this.used += this.buffer.write(text, this.used);
  }

  private room(bytes: number): void {
    if (this.used + bytes > this.buffer.length) this.cut(bytes);
  }

  private cut(next: number): void {
    if (this.used > 0) this.ready.push(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(Math.max(PIECE_BYTES, next));
    this.used = 0;
  }
}

/** Writes values from level 2 down, with the memos of one line. */
class Writer {
  // Emptied when full: the repeated values of a line come back soon after one another.
  private readonly keys = new BoundedMemo<string, string>(KEPT_ENTRIES);
  private readonly texts = new BoundedMemo<string, string>(KEPT_ENTRIES);
  private readonly kept = new BoundedMemo<object, Buffer>(KEPT_ENTRIES);

  constructor(readonly out: Pieces) {}

  /** JSON text of a short string (a lead, a section, a date: the same on many rows). */
  private shortText(v: string): string {
    return this.texts.get(v, (s) => JSON.stringify(s));
  }

  /** `"key":` */
  key(key: string): string {
    return this.keys.get(key, (k) => `${JSON.stringify(k)}:`);
  }

  /**
   * Writes `before` (a comma, a key) and `v`, met under `key` at `level`; false, writing
   * nothing, when JSON.stringify leaves `v` out (a property) or writes null for it (an element).
   */
  member(before: string, v: unknown, key: string | number, level: number): boolean {
    if (skipped(v)) return false;
    if (hasToJSON(v)) {
      const text = toJsonText(v, key);
      if (text === undefined) return false;
      this.out.text(before + text);
      return true;
    }
    if (before !== '') this.out.text(before);
    if (typeof v === 'string') this.out.text(v.length <= SHORT_TEXT ? this.shortText(v) : JSON.stringify(v));
    else if (!walkable(v)) this.out.text(primitiveText(v));
    else if (Array.isArray(v) ? level > KEPT_LEVEL : level >= KEPT_LEVEL) this.keptBytes(v);
    else if (Array.isArray(v)) this.array(v, level);
    else this.object(v, level);
    return true;
  }

  private array(list: unknown[], level: number): void {
    const out = this.out;
    out.text('[');
    for (let i = 0; i < list.length; i++) {
      const comma = i > 0 ? ',' : '';
      if (!this.member(comma, list[i], i, level + 1)) out.text(`${comma}null`);
    }
    out.text(']');
  }

  private object(value: object, level: number): void {
    let first = true;
    this.out.text('{');
    for (const key of Object.keys(value)) {
      const v: unknown = (value as Record<string, unknown>)[key];
      if (this.member(first ? this.key(key) : `,${this.key(key)}`, v, key, level + 1)) first = false;
    }
    this.out.text('}');
  }

  /** JSON.stringify's bytes, made once per object while the memo holds it. */
  private keptBytes(value: object): void {
    let bytes = this.kept.peek(value);
    if (bytes === undefined) {
      bytes = Buffer.from(JSON.stringify(value));
      if (bytes.length <= KEPT_BYTES) this.kept.remember(value, bytes);
    }
    this.out.bytes(bytes);
  }
}

/** Levels 0 and 1 of `value` (walkable), handing out the pieces ready after each element. */
function* walk(value: object, level: number, writer: Writer): Generator<Buffer> {
  const out = writer.out;
  const list = Array.isArray(value);
  out.text(list ? '[' : '{');
  const keys = list ? value.keys() : Object.keys(value);
  let first = true;
  for (const key of keys) {
    const v: unknown = (value as Record<string | number, unknown>)[key];
    const before = list ? (first ? '' : ',') : first ? writer.key(key as string) : `,${writer.key(key as string)}`;
    if (level + 1 < WALKED_LEVELS && v instanceof ListMadeAsPrinted) {
      out.text(before);
      yield* walkMade(v, level + 1, writer);
      first = false;
    } else if (level + 1 < WALKED_LEVELS && walkable(v)) {
      out.text(before);
      yield* walk(v, level + 1, writer);
      first = false;
    } else if (writer.member(before, v, key, level + 1)) first = false;
    else if (list) {
      out.text(`${before}null`);
      first = false;
    }
    yield* out.ready.splice(0);
  }
  out.text(list ? ']' : '}');
}

/** A list whose elements are made as they are printed, as walk() prints an array (each element
 * is asked for once, written, and dropped). */
function* walkMade(list: ListMadeAsPrinted<unknown>, level: number, writer: Writer): Generator<Buffer> {
  const out = writer.out;
  out.text('[');
  for (let i = 0; i < list.length; i++) {
    const before = i > 0 ? ',' : '';
    if (!writer.member(before, list.at(i), i, level + 1)) out.text(`${before}null`);
    yield* out.ready.splice(0);
  }
  out.text(']');
}

/** `value` as one JSON line (ended by "\n"): its UTF-8 bytes in pieces, each ending after a
 * whole character. `value` must be JSON (not undefined at the top). Print each piece before
 * asking for the next: only then is none of it kept. */
export function* jsonLinePieces(value: unknown): Generator<Buffer> {
  const writer = new Writer(new Pieces());
  if (walkable(value)) yield* walk(value, 0, writer);
  else if (!writer.member('', value, '', 0)) throw new TypeError('no JSON for this value');
  writer.out.text('\n');
  writer.out.end();
  yield* writer.out.ready.splice(0);
}

/** Where the pieces go: `io.stdoutBytes`, or `io.stdout` given each piece as text (a piece is
 * whole characters). */
export function stdoutBytes(io: { stdout(text: string): void; stdoutBytes?(bytes: Uint8Array): void }): (bytes: Uint8Array) => void {
  if (io.stdoutBytes) return (bytes) => io.stdoutBytes!(bytes);
  const utf8 = new TextDecoder();
  return (bytes) => io.stdout(utf8.decode(bytes));
}

/** Print `value` as one JSON line in pieces, waiting after each for `drained` (the output's
 * backlog written: a pipe is written asynchronously, and pieces printed faster than the reader
 * takes them would all wait in memory). */
export async function printJsonLine(value: unknown, write: (bytes: Uint8Array) => void, drained: () => Promise<void> = () => Promise.resolve()): Promise<void> {
  for (const piece of jsonLinePieces(value)) {
    write(piece);
    await drained();
  }
}
