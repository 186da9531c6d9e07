/**
 * The deadline scanner: one left-to-right pass over the tokens that turns them into atoms
 * (atoms.ts) — time expressions (a day, a month, a quarter, a year, parts of them), reporting
 * periods of a recurring duty, event and on-demand cues, references to other schedules, ongoing
 * work — and masks what must not be read as a deadline (numbers and dates of cited documents,
 * "theo …" phrases). The matchers live in matchers/, one file per family, and are tried in the
 * order of matchers/registry.ts. Each looks a bounded number of tokens ahead; masks only move
 * forward, so the pass is linear in the length of the text. The scanner holds the state the
 * matchers share (pending modifier, unit of a list, list of reporting periods) and the token
 * tests they use.
 */
import type { DeadlineOffset, Recurrence } from '../model';
import type { Atom, Join, Mod, ScanMode, TeSpec } from './atoms';
import { FILLERS, LIST_PUNCT, QUARTER_FOLLOWERS, ROMAN, STARTERS } from './lexicon';
import { matchersFor } from './matchers/registry';
import type { Lexed, Tok } from './normalize';

const SEPARATORS = new Set(['/', '-', '.']);
const MAX_CHAIN_PARTS = 8;
const CHAIN_SEPARATORS = new Set(['/', '-', '&', '.', '_']);
/** Words that end a document-number chain: "1/năm" is not a document code. */
const CHAIN_STOP = new Set(['thang', 'nam', 'quy', 'qui', 'ngay', 'tuan', 'lan', 'q']);
const STRONG_PUNCT = new Set([';', '\n', '(', ')', '[', ']', '{', '}']);
const JOIN_FILLERS = new Set(['het', 'ngay', 'trong', 'cho', 'la', 'sang', 'cuoi']);
const MAX_OFFSET: Readonly<Record<DeadlineOffset['unit'], number>> = { day: 3660, workday: 2610, month: 120 };

/** Tries to read at token i; returns the index after what it consumed, or a value ≤ i when it
 * does not apply. */
export type Matcher = (s: Scanner, i: number) => number;

export class Scanner {
  readonly t: Tok[];
  readonly n: number;
  readonly atoms: Atom[] = [];
  /** Inside a list of reporting periods ("hàng quý, 6 tháng, năm"). */
  private recurCtx = false;
  /** The unit a bare number after a connector continues ("Quý I, II", "Tháng 02-3"). */
  private unitCtx: 'month' | 'quarter' | 'year' | null = null;
  private mod: Mod | null = null;
  private lastTeEnd = -1;
  private lastOffsetEvent = -1;
  private eventSeen = false;

  constructor(private readonly lexed: Lexed, readonly mode: ScanMode) {
    this.t = lexed.tokens;
    this.n = lexed.tokens.length;
  }

  run(): Atom[] {
    let i = 0;
    while (i < this.n) {
      let next = -1;
      for (const m of matchersFor(this.t[i])) {
        next = m(this, i);
        if (next > i) break;
      }
      if (next > i) i = next;
      else {
        this.skip(i);
        i++;
      }
    }
    return this.atoms;
  }

  // ---- token tests ---------------------------------------------------------------------------

  isW(i: number, s: string): boolean {
    const tk = this.t[i];
    return tk !== undefined && tk.type === 'word' && tk.s === s;
  }

  isP(i: number, s: string): boolean {
    const tk = this.t[i];
    return tk !== undefined && tk.type === 'punct' && tk.s === s;
  }

  isNum(i: number, maxDigits = 99): boolean {
    const tk = this.t[i];
    return tk !== undefined && tk.type === 'num' && tk.s.length <= maxDigits;
  }

  word(i: number): string {
    const tk = this.t[i];
    return tk !== undefined && tk.type === 'word' ? tk.s : '';
  }

  /** Number of tokens the words take at i (a line break between them is allowed: "Thường" and
   * "xuyên" of a cell split by a page break), or 0. */
  phrase(i: number, words: readonly string[]): number {
    let j = i;
    for (let k = 0; k < words.length; k++) {
      if (k > 0 && this.isP(j, '\n')) j++;
      if (!this.isW(j, words[k])) return 0;
      j++;
    }
    return j - i;
  }

  isSep(i: number): boolean {
    const tk = this.t[i];
    return tk !== undefined && tk.type === 'punct' && SEPARATORS.has(tk.s);
  }

  /** The text carries Vietnamese diacritics. */
  marked(): boolean {
    return this.lexed.marked;
  }

  /** The user's own spelling of a token, lower case. */
  raw(i: number): string {
    const tk = this.t[i];
    return tk ? this.lexed.clean.slice(tk.start, tk.end).toLowerCase() : '';
  }

  /** A bare word means what its accented spelling says ("năm", not "Nam"), unless the whole
   * text is written without diacritics. */
  bareOk(i: number, spellings: readonly string[]): boolean {
    return !this.lexed.marked || spellings.includes(this.raw(i));
  }

  /** "quý" meaning a quarter, not "quỹ" (fund) nor the first half of "quy định", "quy trình". */
  isQuarterWord(i: number): boolean {
    const w = this.word(i);
    if (w !== 'quy' && w !== 'qui') return false;
    if (this.raw(i).includes('ỹ')) return false;
    const nx = this.t[i + 1];
    if (!nx || nx.type !== 'word') return true;
    return ROMAN[nx.s] !== undefined || QUARTER_FOLLOWERS.has(nx.s);
  }

  /** Reads a quarter or month number (arabic or roman) at i. */
  numeralAt(i: number): number | null {
    const tk = this.t[i];
    if (!tk) return null;
    if (tk.type === 'num' && tk.s.length <= 2) return tk.v;
    if (tk.type === 'word' && ROMAN[tk.s] !== undefined) return ROMAN[tk.s];
    return null;
  }

  /** "/2024", "-2024", " năm 2024", "/Năm 2024", ", 2024", " 2024", "/24" after a period. */
  yearSuffix(j: number): { year: number | null; end: number; invalid: boolean } {
    let k = j;
    let slash = false;
    if (this.isSep(k) || this.isP(k, ',')) {
      slash = this.t[k].s === '/';
      k++;
    }
    let nam = false;
    if (this.isW(k, 'nam')) {
      nam = true;
      k++;
    }
    const y = this.t[k];
    if (y && y.type === 'num') {
      if (y.s.length === 4) return { year: y.v, end: k + 1, invalid: y.v < 1900 || y.v > 2200 };
      if (y.s.length === 2 && slash && !nam && !(this.isSep(k + 1) && this.isNum(k + 2))) {
        return { year: 2000 + y.v, end: k + 1, invalid: false };
      }
    }
    return { year: null, end: j, invalid: false };
  }

  /** D/M/Y (separators "/", "-", "."; spaces allowed; 2- or 4-digit year). */
  fullDateAt(i: number): { d: number; m: number; y: number; end: number } | null {
    if (!this.isNum(i, 2) || !this.isSep(i + 1) || !this.isNum(i + 2, 2) || !this.isSep(i + 3)) return null;
    const c = this.t[i + 4];
    if (!c || c.type !== 'num') return null;
    let y: number;
    if (c.s.length === 4) y = c.v;
    else if (c.s.length === 2) y = 2000 + c.v;
    else return null;
    return { d: this.t[i].v, m: this.t[i + 2].v, y, end: i + 5 };
  }

  // ---- state ---------------------------------------------------------------------------------

  private skip(i: number): void {
    const tk = this.t[i];
    if (tk.type === 'punct') {
      if (LIST_PUNCT.has(tk.s) || tk.s === '-' || tk.s === '/') return;
      // "Hàng quý; 6 tháng; năm": a semicolon may separate reporting periods too.
      const keepRecur = tk.s === ';' && this.recurCtx;
      this.clear();
      this.recurCtx = keepRecur;
      return;
    }
    if (tk.type === 'word') {
      if (tk.s === 'va' || tk.s === 'hoac' || tk.s === 'den' || tk.s === 'toi') return;
      if (FILLERS.has(tk.s)) {
        this.recurCtx = false;
        this.unitCtx = null;
        return;
      }
    }
    this.clear();
  }

  clear(): void {
    this.recurCtx = false;
    this.unitCtx = null;
    this.mod = null;
  }

  setRecurCtx(): void {
    this.recurCtx = true;
  }

  inRecurCtx(): boolean {
    return this.recurCtx;
  }

  setUnit(u: 'month' | 'quarter' | 'year' | null): void {
    this.unitCtx = u;
  }

  unit(): 'month' | 'quarter' | 'year' | null {
    return this.unitCtx;
  }

  setMod(m: Mod | null): void {
    this.mod = m;
  }

  pendingMod(): Mod | null {
    return this.mod;
  }

  /** An event cue was seen earlier in the text. */
  sawEvent(): boolean {
    return this.eventSeen;
  }

  invalid(at: number): void {
    this.atoms.push({ k: 'invalid', at });
  }

  reference(at: number): void {
    this.atoms.push({ k: 'reference', at });
  }

  recur(every: Recurrence, year: number | null, at: number): void {
    this.atoms.push({ k: 'recur', every, year, at });
    if (every !== 'continuous') this.recurCtx = true;
    this.mod = null;
  }

  event(offset: DeadlineOffset | null, at: number): void {
    if (offset && !(offset.amount >= 0 && offset.amount <= MAX_OFFSET[offset.unit])) offset = null;
    this.atoms.push({ k: 'event', offset, at });
    this.eventSeen = true;
    if (offset) this.lastOffsetEvent = this.atoms.length - 1;
  }

  /** Records a time expression over tokens [from, to), with the pending modifier and its join. */
  te(spec: TeSpec, year: number | null, from: number, to: number, reportish = false): void {
    let mod = this.mod;
    this.mod = null;
    if (mod === 'after') {
      this.event(null, from);
      this.recurCtx = false;
      return;
    }
    if (mod === 'anchor') {
      const ev = this.lastOffsetEvent >= 0 ? this.atoms[this.lastOffsetEvent] : undefined;
      if (ev && ev.k === 'event' && ev.offset) {
        this.atoms[this.lastOffsetEvent] = {
          k: 'te', spec: { u: 'offset', base: spec, offset: ev.offset }, year, from: ev.at, to, join: null, mod: null, reportish: false,
        };
        this.lastOffsetEvent = -1;
        this.lastTeEnd = to;
        this.recurCtx = false;
        return;
      }
      mod = 'from';
    }
    const join = this.joinFrom(from);
    this.atoms.push({ k: 'te', spec, year, from, to, join, mod, reportish });
    this.lastTeEnd = to;
    this.lastOffsetEvent = -1;
    if (!reportish) this.recurCtx = false;
  }

  /** Only connectors between the previous time expression and this one? Which kind? */
  private joinFrom(from: number): Join | null {
    if (this.lastTeEnd < 0 || from < this.lastTeEnd || from - this.lastTeEnd > 6) return null;
    let or = false;
    let range = false;
    for (let k = this.lastTeEnd; k < from; k++) {
      const tk = this.t[k];
      if (tk.type === 'punct') {
        if (tk.s === '-') range = true;
        else if (!LIST_PUNCT.has(tk.s)) return null;
      } else if (tk.type === 'word') {
        if (tk.s === 'hoac') or = true;
        else if (tk.s === 'den' || tk.s === 'toi') range = true;
        else if (tk.s !== 'va' && !JOIN_FILLERS.has(tk.s)) return null;
      } else return null;
    }
    return or ? 'or' : range ? 'range' : 'list';
  }

  /** Masks a cited document's description up to the end of its clause. */
  maskToBoundary(k: number): number {
    let j = k;
    while (j < this.n) {
      const tk = this.t[j];
      if (tk.type === 'punct') {
        if (STRONG_PUNCT.has(tk.s)) break;
        if (tk.s === '.' && (j + 1 >= this.n || this.t[j + 1].sp)) break;
        if (tk.s === ',' && this.startsTime(j + 1)) break;
      } else if (tk.type === 'word') {
        if ((tk.s === 'va' || tk.s === 'hoac') && this.startsTime(j + 1)) break;
        if (tk.s === 'truoc' || (tk.s === 'cham' && this.isW(j + 1, 'nhat'))) break;
        if (tk.s === 'trong' && (this.isQuarterWord(j + 1) || this.isW(j + 1, 'thang'))) break;
      }
      j++;
    }
    return j;
  }

  private startsTime(j: number): boolean {
    const w = this.word(j);
    if (w === 'quy' || w === 'qui') return this.isQuarterWord(j);
    return w !== '' && STARTERS.has(w);
  }

  /** End of a document-number chain starting with the separator at j ("/KH-UBND",
   * "/2022/NĐ-CP"), or -1 when the chain names no document (no letters in it). */
  chainTail(j: number, numbersOnlyOk: boolean): number {
    let k = j;
    let sawWord = false;
    // Document numbers are short ("42/2022/NĐ-CP"): the bound keeps "1/2/3/…" linear.
    const limit = Math.min(this.n, j + 2 * MAX_CHAIN_PARTS);
    while (k + 1 < limit) {
      const sep = this.t[k];
      if (sep.type !== 'punct' || !CHAIN_SEPARATORS.has(sep.s) || sep.sp) break;
      const nx = this.t[k + 1];
      if (nx.type === 'punct') break;
      if (nx.sp && !(sawWord && sep.s === '-')) break;
      if (nx.type === 'word') {
        if (CHAIN_STOP.has(nx.s)) break;
        sawWord = true;
      }
      k += 2;
    }
    return sawWord || numbersOnlyOk ? k : -1;
  }

  /** "ngày 27/12/2023", "ngày 15 tháng 7 năm 2021", "ngày    tháng 12 năm 2023", "ngày /12/2023"
   * after a cited document: consumed. Returns the index after it (or j). */
  dateTail(j: number): number {
    if (!this.isW(j, 'ngay')) return j;
    let k = j + 1;
    let last = j + 1;
    for (let count = 0; k < this.n && count < 14; count++) {
      const tk = this.t[k];
      if (tk.type === 'num' || (tk.type === 'word' && (tk.s === 'thang' || tk.s === 'nam'))) last = ++k;
      else if (tk.type === 'punct' && SEPARATORS.has(tk.s)) k++;
      else break;
    }
    return last;
  }
}

export function scan(lexed: Lexed, mode: ScanMode): Atom[] {
  return new Scanner(lexed, mode).run();
}
