/**
 * A tiny evaluator for the formulas the report sheet writes: cell references, A1:B2 ranges in
 * SUM, + - * /, comparisons, IF, RANK, numbers and "text". Enough to check that the sheet's totals and
 * rates, computed the way Excel would, agree with the counts the test worked out by hand.
 * A formula's cached `value` is ignored: every formula is recomputed from the value cells.
 */
import type { SheetCell, SheetModel } from '../../src/engine/model';
import { parseA1Range, a1 } from '../../src/engine/a1';

type Value = number | string | boolean | null;

/** A report cell's A1 address ("B7"), the way the tests name cells. */
export function cellAddress(c: SheetCell): string {
  return a1(c.row, c.col);
}

export class SheetEvaluator {
  private readonly byAddress = new Map<string, SheetCell>();
  private readonly cache = new Map<string, Value>();
  private readonly evaluating = new Set<string>();

  constructor(sheet: SheetModel) {
    for (const c of sheet.cells) this.byAddress.set(cellAddress(c), c);
  }

  value(address: string): Value {
    const key = address.toUpperCase().replace(/\$/g, '');
    if (this.cache.has(key)) return this.cache.get(key) as Value;
    const cell = this.byAddress.get(key);
    let v: Value;
    if (!cell) v = null;
    else if (cell.formula) {
      if (this.evaluating.has(key)) throw new Error(`circular reference at ${key}`);
      this.evaluating.add(key);
      v = new Parser(cell.formula.replace(/^=/, ''), this).parse();
      this.evaluating.delete(key);
    } else v = cell.value ?? null;
    this.cache.set(key, v);
    return v;
  }

  range(address: string): Value[] {
    const r = parseA1Range(address);
    const out: Value[] = [];
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(this.value(a1(row, col)));
    return out;
  }
}

function num(v: Value): number {
  if (v === null || v === '') return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new Error(`#VALUE!: "${v}" is not a number`);
}

function sameValue(a: Value, b: Value): boolean {
  if (a === null || b === null) {
    const other = a === null ? b : a;
    return other === null || other === '' || other === 0 || other === false;
  }
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === 'string' || typeof b === 'string') return false;
  return num(a) === num(b);
}

class Parser {
  private pos = 0;
  constructor(private readonly src: string, private readonly sheet: SheetEvaluator) {}

  parse(): Value {
    const v = this.comparison();
    this.ws();
    if (this.pos !== this.src.length) throw new Error(`unexpected "${this.src.slice(this.pos)}" in ${this.src}`);
    return v;
  }

  private ws(): void {
    while (this.src[this.pos] === ' ') this.pos++;
  }

  private peek(s: string): boolean {
    this.ws();
    return this.src.startsWith(s, this.pos);
  }

  private eat(s: string): void {
    if (!this.peek(s)) throw new Error(`expected "${s}" at ${this.pos} in ${this.src}`);
    this.pos += s.length;
  }

  private comparison(): Value {
    const left = this.additive();
    for (const op of ['<>', '<=', '>=', '=', '<', '>']) {
      if (this.peek(op)) {
        this.pos += op.length;
        const right = this.additive();
        // Excel compares a number and a text as different ("" is not 0); an empty cell is either.
        if (op === '=' || op === '<>') {
          const same = sameValue(left, right);
          return op === '=' ? same : !same;
        }
        const [a, b] = [num(left), num(right)];
        return op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
      }
    }
    return left;
  }

  private additive(): Value {
    let v = this.term();
    while (this.peek('+') || this.peek('-')) {
      const op = this.src[this.pos++];
      const r = this.term();
      v = op === '+' ? num(v) + num(r) : num(v) - num(r);
    }
    return v;
  }

  private term(): Value {
    let v = this.factor();
    while (this.peek('*') || this.peek('/')) {
      const op = this.src[this.pos++];
      const r = this.factor();
      // An error value, not a throw: IF evaluates both branches here and keeps one.
      if (op === '/' && num(r) === 0) v = '#DIV/0!';
      else v = op === '*' ? num(v) * num(r) : num(v) / num(r);
    }
    return v;
  }

  private factor(): Value {
    this.ws();
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
    if (this.peek('(')) {
      this.eat('(');
      const v = this.comparison();
      this.eat(')');
      return v;
    }
    if ((m = /^(SUM|IF|RANK)\(/i.exec(rest))) {
      this.pos += m[0].length;
      const fn = m[1].toUpperCase();
      if (fn === 'RANK') {
        // RANK(number, ref): 1 + how many numbers of ref are greater (descending order).
        const n = num(this.comparison());
        this.eat(',');
        this.ws();
        const ref = /^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?/i.exec(this.src.slice(this.pos));
        if (!ref) throw new Error(`RANK needs a range in ${this.src}`);
        this.pos += ref[0].length;
        this.eat(')');
        return 1 + this.sheet.range(ref[0]).filter((v) => typeof v === 'number' && v > n).length;
      }
      if (fn === 'SUM') {
        let total = 0;
        do {
          this.ws();
          const ref = /^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?/i.exec(this.src.slice(this.pos));
          if (ref) {
            this.pos += ref[0].length;
            for (const v of this.sheet.range(ref[0])) total += typeof v === 'number' ? v : 0;
          } else total += num(this.comparison());
        } while (this.peek(',') && this.eat(',') === undefined);
        this.eat(')');
        return total;
      }
      const cond = this.comparison();
      this.eat(',');
      const a = this.comparison();
      this.eat(',');
      const b = this.comparison();
      this.eat(')');
      return cond ? a : b;
    }
    if ((m = /^\$?[A-Z]{1,3}\$?\d+/i.exec(rest))) {
      this.pos += m[0].length;
      return this.sheet.value(m[0]);
    }
    throw new Error(`cannot read "${rest}" in ${this.src}`);
  }
}
