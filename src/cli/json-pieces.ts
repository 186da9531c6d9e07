/**
 * A JSON line printed in pieces: the same text as `JSON.stringify(value) + "\n"`, given in
 * pieces of about 64 K characters. The JSON of a 50,000-row check is ~28 MB of UTF-8,
 * ~52 MB as one JavaScript string (the Vietnamese text makes it two bytes a character), and the
 * same again as the bytes written; in pieces, none of it has to exist whole.
 *
 * The outer levels (the object, its arrays and objects) are walked here, the values below them
 * stringified one by one; what JSON.stringify skips (undefined, functions, symbols) is skipped
 * the same way, and a value with toJSON, or a boxed primitive, is left to JSON.stringify whole.
 */

/** Levels walked here; deeper values are stringified whole. */
const WALKED_LEVELS = 2;
const PIECE_CHARS = 64 * 1024;

function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function walkable(v: unknown): v is object {
  if (v === null || typeof v !== 'object') return false;
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  return !(v instanceof Number || v instanceof String || v instanceof Boolean);
}

/** Gathers small strings into pieces of about PIECE_CHARS characters. */
class Pieces {
  private parts: string[] = [];
  private chars = 0;
  readonly ready: string[] = [];

  add(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
    if (this.chars >= PIECE_CHARS) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    this.ready.push(this.parts.join(''));
    this.parts = [];
    this.chars = 0;
  }
}

/** The pieces of `value`'s text, handed out as soon as each is ready. */
function* walk(value: unknown, out: Pieces, level: number): Generator<string> {
  yield* out.ready.splice(0);
  if (level >= WALKED_LEVELS || !walkable(value)) {
    out.add(JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    out.add('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.add(',');
      const v: unknown = value[i];
      if (skipped(v)) out.add('null');
      else yield* walk(v, out, level + 1);
    }
    out.add(']');
    return;
  }
  out.add('{');
  let first = true;
  for (const key of Object.keys(value)) {
    const v: unknown = (value as Record<string, unknown>)[key];
    if (skipped(v)) continue;
    out.add(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    first = false;
    yield* walk(v, out, level + 1);
  }
  out.add('}');
}

/** `value` as one JSON line (ended by "\n"), in pieces. `value` must be JSON (not undefined at
 * the top). Print each piece before asking for the next: only then is none of it kept. */
export function* jsonLinePieces(value: unknown): Generator<string> {
  if (skipped(value)) throw new TypeError('no JSON for this value');
  const out = new Pieces();
  yield* walk(value, out, 0);
  out.add('\n');
  out.flush();
  yield* out.ready.splice(0);
}

/** Print `value` as one JSON line in pieces, waiting after each for `drained` (the output's
 * backlog written: a pipe is written asynchronously, and pieces printed faster than the reader
 * takes them would all wait in memory). */
export async function printJsonLine(value: unknown, write: (text: string) => void, drained: () => Promise<void> = () => Promise.resolve()): Promise<void> {
  for (const piece of jsonLinePieces(value)) {
    write(piece);
    await drained();
  }
}
