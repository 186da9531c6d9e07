/**
 * A small evaluator for the formulas of the tracking block — the conditional formats, the helper
 * column and the as-of cell — with Excel's semantics for what they use: cell references (a
 * formula written for the range's top-left cell is shifted to the row asked), sheet-local names,
 * array constants, AND, OR, N, LEN, ISNUMBER, MATCH(…,0), TRIM, TODAY and comparisons (text
 * compared without case, a number always less than a text). Enough to check that a row's
 * highlight, computed the way Excel would, agrees with the engine's verdict.
 */
import { a1, columnIndex } from '../../src/engine/a1';
import type { ChangeSet, ConditionalFormatRule, Grid } from '../../src/engine/model';

type Scalar = number | string | boolean | null;
type Value = Scalar | Scalar[];

export class BlockSheet {
  private readonly cells = new Map<string, Scalar>();
  private readonly formulas = new Map<string, { formula: string; top: number; left: number }>();
  private readonly names = new Map<string, { cell?: string; formula?: string }>();

  constructor(grid: Grid, changes: ChangeSet, private readonly todaySerial: number) {
    grid.values.forEach((line, i) => line.forEach((v, j) => this.cells.set(a1(grid.origin.row + i, grid.origin.col + j), v)));
    for (const w of changes.writes) {
      w.values.forEach((line, i) => line.forEach((v, j) => {
        if (v !== null) this.cells.set(a1(w.range.top + i, w.range.left + j), v);
      }));
    }
    for (const f of changes.formulas ?? []) {
      for (let r = f.range.top; r <= f.range.bottom; r++) for (let c = f.range.left; c <= f.range.right; c++) this.formulas.set(a1(r, c), { formula: f.formula, top: f.range.top, left: f.range.left });
    }
    for (const n of changes.names ?? []) this.names.set(n.name.toUpperCase(), 'cell' in n.refersTo ? { cell: a1(n.refersTo.cell.row, n.refersTo.cell.col) } : { formula: n.refersTo.formula });
  }

  /** Set a cell's value (what a user types). */
  set(row: number, col: number, v: Scalar): void {
    this.cells.set(a1(row, col), v);
  }

  value(address: string): Scalar {
    const f = this.formulas.get(address);
    if (f) {
      const { row, col } = parseCell(address);
      const v = this.evaluate(f.formula, row - f.top, col - f.left);
      return Array.isArray(v) ? v[0] : v;
    }
    return this.cells.get(address) ?? null;
  }

  /** The formula of a cell at offset (dr, dc) of the cell it was written for. */
  evaluate(formula: string, dr: number, dc: number): Value {
    return new Parser(formula.replace(/^=/, ''), this, dr, dc).parse();
  }

  name(name: string, dr: number, dc: number): Value {
    const n = this.names.get(name.toUpperCase());
    if (!n) throw new Error(`#NAME? ${name}`);
    return n.cell ? this.value(n.cell) : this.evaluate(n.formula!, dr, dc);
  }

  today(): number {
    return this.todaySerial;
  }

  /** The first rule (in priority order, each stopping the next) that holds on `row`, or null. */
  highlight(rules: readonly ConditionalFormatRule[], row: number): ConditionalFormatRule | null {
    for (const rule of rules) {
      if (row < rule.range.top || row > rule.range.bottom) continue;
      if (truthy(this.evaluate(rule.formula, row - rule.range.top, 0))) return rule;
    }
    return null;
  }
}

function parseCell(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

function scalar(v: Value): Scalar {
  return Array.isArray(v) ? v[0] : v;
}

function truthy(v: Value): boolean {
  const s = scalar(v);
  if (typeof s === 'boolean') return s;
  if (typeof s === 'number') return s !== 0;
  if (s === null || s === '') return false;
  throw new Error(`#VALUE! "${s}" as a condition`);
}

function text(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Excel's comparison: blank is 0 beside a number and "" beside a text; numbers < texts <
 * booleans; texts without case. */
function compare(a: Scalar, b: Scalar): number {
  if (a === null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  const rank = (x: Scalar) => (typeof x === 'number' ? 0 : typeof x === 'string' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string') {
    const [x, y] = [a.toLowerCase(), (b as string).toLowerCase()];
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const [x, y] = [Number(a), Number(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly src: string,
    private readonly sheet: BlockSheet,
    private readonly dr: number,
    private readonly dc: number,
  ) {}

  parse(): Value {
    const v = this.comparison();
    if (this.pos !== this.src.length) throw new Error(`unexpected "${this.src.slice(this.pos)}" in ${this.src}`);
    return v;
  }

  private peek(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  private eat(s: string): void {
    if (!this.peek(s)) throw new Error(`expected "${s}" at ${this.pos} in ${this.src}`);
    this.pos += s.length;
  }

  private comparison(): Value {
    const left = this.atom();
    for (const op of ['<>', '<=', '>=', '=', '<', '>']) {
      if (!this.peek(op)) continue;
      this.pos += op.length;
      const right = scalar(this.atom());
      const test = (l: Scalar) => {
        const c = compare(l, right);
        return op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
      };
      return Array.isArray(left) ? left.map(test) : test(left);
    }
    return left;
  }

  private args(): Value[] {
    const out: Value[] = [];
    this.eat('(');
    if (this.peek(')')) {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.comparison());
      if (this.peek(',')) this.pos++;
      else break;
    }
    this.eat(')');
    return out;
  }

  private atom(): Value {
    const rest = this.src.slice(this.pos);
    let m: RegExpExecArray | null;
    if ((m = /^"((?:[^"]|"")*)"/.exec(rest))) {
      this.pos += m[0].length;
      return m[1].replace(/""/g, '"');
    }
    if ((m = /^\d+(\.\d+)?/.exec(rest))) {
      this.pos += m[0].length;
      return Number(m[0]);
    }
    if (this.peek('{')) {
      const end = this.src.indexOf('}', this.pos);
      const items = [...this.src.slice(this.pos + 1, end).matchAll(/"((?:[^"]|"")*)"/g)].map((x) => x[1].replace(/""/g, '"'));
      this.pos = end + 1;
      return items;
    }
    if ((m = /^([A-Z][A-Z0-9.]*)\(/i.exec(rest))) {
      this.pos += m[1].length;
      return this.call(m[1].toUpperCase(), this.args());
    }
    if ((m = /^(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Z0-9_(])/i.exec(rest))) {
      this.pos += m[0].length;
      const col = columnIndex(m[2]) + (m[1] ? 0 : this.dc);
      const row = Number(m[4]) - 1 + (m[3] ? 0 : this.dr);
      return this.sheet.value(a1(row, col));
    }
    if ((m = /^[A-Z_][A-Z0-9_.]*/i.exec(rest))) {
      this.pos += m[0].length;
      return this.sheet.name(m[0], this.dr, this.dc);
    }
    throw new Error(`cannot read "${rest}" in ${this.src}`);
  }

  private call(fn: string, args: Value[]): Value {
    const flat = () => args.flatMap((a) => (Array.isArray(a) ? a : [a]));
    switch (fn) {
      case 'AND':
        return flat().every((v) => truthy(v));
      case 'OR':
        return flat().some((v) => truthy(v));
      case 'N': {
        const v = scalar(args[0]);
        return typeof v === 'number' ? v : v === true ? 1 : 0;
      }
      case 'LEN':
        return text(scalar(args[0])).length;
      case 'ISNUMBER':
        return typeof scalar(args[0]) === 'number';
      case 'TRIM':
        return text(scalar(args[0])).replace(/ +/g, ' ').trim();
      case 'MATCH': {
        const wanted = scalar(args[0]);
        const list = Array.isArray(args[1]) ? args[1] : [args[1]];
        const i = list.findIndex((x) => compare(x, wanted) === 0);
        return i < 0 ? '#N/A' : i + 1;
      }
      case 'TODAY':
        return this.sheet.today();
      default:
        throw new Error(`function ${fn} not modelled`);
    }
  }
}
