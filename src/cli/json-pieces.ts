/**
 * A JSON line printed in pieces: the same text as `JSON.stringify(value) + "\n"`, handed to
 * `write` in pieces of about 64 K characters. The JSON of a 50,000-row check is ~28 MB of UTF-8,
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

class Pieces {
  private parts: string[] = [];
  private chars = 0;

  constructor(private readonly write: (text: string) => void) {}

  add(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
    if (this.chars >= PIECE_CHARS) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.chars = 0;
    this.write(text);
  }
}

function emit(value: unknown, out: Pieces, level: number): void {
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
      else emit(v, out, level + 1);
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
    emit(v, out, level + 1);
  }
  out.add('}');
}

/** Print `value` as one JSON line (ended by "\n"), in pieces. `value` must be JSON (not
 * undefined at the top). */
export function writeJsonLine(value: unknown, write: (text: string) => void): void {
  if (skipped(value)) throw new TypeError('no JSON for this value');
  const out = new Pieces(write);
  emit(value, out, 0);
  out.add('\n');
  out.flush();
}
