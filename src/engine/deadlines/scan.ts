/**
 * The deadline scanner: one left-to-right pass over the tokens that turns them into atoms —
 * time expressions (a day, a month, a quarter, a year, parts of them), reporting periods of a
 * recurring duty, event and on-demand cues, references to other schedules, ongoing work — and
 * masks what must not be read as a deadline (numbers and dates of cited documents, "theo …"
 * phrases). Each matcher in MATCHERS looks a bounded number of tokens ahead; masks only move
 * forward, so the pass is linear in the length of the text.
 */
import type { DeadlineOffset, Recurrence } from '../model';
import {
  FILLERS,
  GLUED_QUARTER_RE,
  MONTHS_AS_PERIOD,
  ONGOING_PHRASES,
  QUARTER_FOLLOWERS,
  RECUR_TRIGGERS,
  ROMAN,
  STARTERS,
  THEO_NOT_REFERENCE,
  TIMES_A_YEAR,
  UNIT_WORDS,
} from './lexicon';
import type { Lexed, Tok } from './normalize';

export type Part = 'early' | 'mid' | 'late';

/** A time expression before its year is known. */
export type TeSpec =
  | { u: 'day'; d: number; m: number }
  | { u: 'month'; m: number }
  | { u: 'monthPart'; m: number; part: Part }
  | { u: 'quarter'; q: number }
  | { u: 'firstMonths'; n: number }
  | { u: 'lastMonths'; n: number }
  | { u: 'yearPart'; part: Part }
  | { u: 'year' }
  | { u: 'offset'; base: TeSpec; offset: DeadlineOffset };

/** How a time expression is joined to the one before it, when only connectors lie between. */
export type Join = 'range' | 'or' | 'list';
/** The word in front: "trước" (before), "chậm nhất"/"đến" (until), "từ" (from), "sau" (after),
 * "kể từ" (anchor of an offset). */
export type Mod = 'before' | 'until' | 'from' | 'after' | 'anchor';

export interface TeAtom {
  k: 'te';
  spec: TeSpec;
  /** The year written with it, or null. */
  year: number | null;
  /** Token span [from, to). */
  from: number;
  to: number;
  join: Join | null;
  mod: Mod | null;
  /** A year-less quarter inside a list of reporting periods ("Báo cáo quý I, 6 tháng, năm"). */
  reportish: boolean;
}

export type Atom =
  | TeAtom
  | { k: 'recur'; every: Recurrence; year: number | null; at: number }
  | { k: 'ondemand'; at: number }
  | { k: 'event'; offset: DeadlineOffset | null; at: number }
  | { k: 'reference'; at: number }
  | { k: 'ongoing'; at: number }
  | { k: 'invalid'; at: number };

export type ScanMode = 'parse' | 'years';

const SEPARATORS = new Set(['/', '-', '.']);
const MAX_CHAIN_PARTS = 8;
const CHAIN_SEPARATORS = new Set(['/', '-', '&', '.', '_']);
/** Words that end a document-number chain: "1/năm" is not a document code. */
const CHAIN_STOP = new Set(['thang', 'nam', 'quy', 'qui', 'ngay', 'tuan', 'lan', 'q']);
const STRONG_PUNCT = new Set([';', '\n', '(', ')', '[', ']', '{', '}']);
const LIST_PUNCT = new Set([',', '&', '+']);
const SPELLED: Readonly<Record<string, number>> = { mot: 1, hai: 2, ba: 3, bon: 4, sau: 6, chin: 9, muoi: 10 };
const PART_WORDS: Readonly<Record<string, Part>> = { dau: 'early', giua: 'mid', cuoi: 'late' };
const DAY_MONTH_FOLLOWERS = new Set(['va', 'hoac', 'den', 'toi', 'hang', 'moi', 'nam', 'theo', 'thuong', 'dinh']);
const JOIN_FILLERS = new Set(['het', 'ngay', 'trong', 'cho', 'la', 'sang', 'cuoi']);
const EVENT_BEFORE = new Set(['sau', 'vong', 'han', 'trong', 'qua', 'da', 'nhat', 'truoc', 'la', 'khoang']);
const EVENT_AFTER = new Set(['ke', 'tu', 'sau', 'truoc', 'khi', 'tinh', 'ngay']);
const ONGOING_AFTER = new Set([',', ';', '\n', 'va', 'roi', 'do', '+']);
const MAX_OFFSET: Readonly<Record<DeadlineOffset['unit'], number>> = { day: 3660, workday: 2610, month: 120 };

type Matcher = (s: Scanner, i: number) => number;

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

// ---- matchers, tried in this order at each token -------------------------------------------

/** Numbers and dates of cited documents: "số 255/KH-UBND ngày 27/12/2023 của …",
 * "42/2022/NĐ-CP", "766/QĐ-TTg", "ISO 9001:2015", and blank document dates ("ngày tháng 12
 * năm 2023", "ngày /12/2023"). */
const citation: Matcher = (s, i) => {
  const tk = s.t[i];
  let j: number;
  if (s.isW(i, 'ngay') && (s.isW(i + 1, 'thang') || s.isP(i + 1, '/'))) {
    return s.dateTail(i);
  }
  if (s.isW(i, 'so')) {
    let k = i + 1;
    if (s.isP(k, ':')) k++;
    if (s.isNum(k)) j = s.chainTail(k + 1, true);
    else if (s.isP(k, '/')) j = s.chainTail(k, true);
    else return -1;
  } else if (tk.type === 'num') {
    j = s.chainTail(i + 1, false);
    if (j < 0) return -1;
  } else if (s.isW(i, 'iso') && s.isNum(i + 1)) {
    j = i + 2;
    while ((s.isP(j, ':') || s.isP(j, '-')) && s.isNum(j + 1)) j += 2;
  } else return -1;
  j = s.dateTail(j);
  if (s.mode === 'parse' && (s.isW(j, 'cua') || s.isW(j, 've'))) j = s.maskToBoundary(j);
  // A standard ("ISO 9001:2015") is not another schedule.
  if (!s.isW(i, 'iso')) s.reference(i);
  s.clear();
  return j;
};

/** Ongoing work after a step: "… và tổ chức thực hiện", ", triển khai thực hiện". */
const ongoing: Matcher = (s, i) => {
  const prev = s.t[i - 1];
  if (!prev || !ONGOING_AFTER.has(prev.s)) return -1;
  for (const p of ONGOING_PHRASES) {
    const len = s.phrase(i, p);
    if (len) {
      s.atoms.push({ k: 'ongoing', at: i });
      s.clear();
      return i + len;
    }
  }
  return -1;
};

/** "Theo KH Thanh tra năm 2024 của UBND tỉnh", "Căn cứ …": a reference to another schedule;
 * what it cites is not a deadline. "theo quý", "theo dõi", "theo yêu cầu" are not. */
const theo: Matcher = (s, i) => {
  if (s.mode !== 'parse') return -1;
  let k: number;
  if (s.isW(i, 'theo')) {
    if (s.isW(i - 1, 'tiep')) return -1;
    k = i + 1;
  } else if (s.isW(i, 'can') && s.isW(i + 1, 'cu')) k = i + 2;
  else return -1;
  const nx = s.t[k];
  if (!nx) return -1;
  if (nx.type === 'word') {
    const w = nx.s;
    const notReference =
      w === 'quy' || w === 'qui' ? s.isQuarterWord(k)
        : w === 'dinh' ? s.isW(k + 1, 'ky')
          : w === 'yeu' ? s.isW(k + 1, 'cau')
            : THEO_NOT_REFERENCE.has(w);
    if (notReference) return -1;
  }
  const j = s.maskToBoundary(k);
  s.reference(i);
  s.clear();
  return j;
};

/** A bare number continuing the unit before it: "Quý I, II/2024", "Quý I-III", "Tháng 02-3/2024". */
const continuation: Matcher = (s, i) => {
  const unit = s.unit();
  if (unit !== 'month' && unit !== 'quarter') return -1;
  const prev = s.t[i - 1];
  if (!prev) return -1;
  const conn = prev.type === 'punct'
    ? prev.s === '-' ? 'range' : LIST_PUNCT.has(prev.s) ? 'list' : null
    : prev.type === 'word'
      ? prev.s === 'den' || prev.s === 'toi' ? 'range' : prev.s === 'va' || prev.s === 'hoac' ? 'list' : null
      : null;
  if (!conn) return -1;
  const tk = s.t[i];
  if (tk.type === 'num') {
    if (s.fullDateAt(i)) return -1;
    const nx = s.t[i + 1];
    if (nx && nx.type === 'word' && !['nam', 'va', 'hoac', 'den', 'toi'].includes(nx.s)) return -1;
  }
  const val = s.numeralAt(i);
  if (val === null) return -1;
  const max = unit === 'quarter' ? 4 : 12;
  if (val < 1 || val > max) {
    if (conn !== 'range') return -1;
    s.invalid(i);
    return i + 1;
  }
  const ys = s.yearSuffix(i + 1);
  if (ys.invalid) s.invalid(i);
  s.te(unit === 'quarter' ? { u: 'quarter', q: val } : { u: 'month', m: val }, ys.year, i, ys.end);
  s.setUnit(unit);
  return ys.end;
};

/** "Quý I/2024", "quí 1 năm 2024", "Q1/2024", "QuýIV"; bare "quý" is a reporting period. */
const quarter: Matcher = (s, i) => {
  const tk = s.t[i];
  if (tk.type !== 'word') return -1;
  let val: number | null = null;
  let end: number;
  if (tk.s === 'quy' || tk.s === 'qui') {
    if (!s.isQuarterWord(i)) return -1;
    let k = i + 1;
    if (s.isW(k, 'thu') && s.numeralAt(k + 1) !== null) k++;
    val = s.numeralAt(k);
    end = k + 1;
    if (val === null) {
      if (!s.bareOk(i, ['quý', 'quí'])) return -1;
      s.recur('quarter', null, i);
      return i + 1;
    }
  } else if (tk.s === 'q' && s.isNum(i + 1, 2) && !s.t[i + 1].sp) {
    val = s.t[i + 1].v;
    end = i + 2;
  } else if (tk.s === 'q' && s.isP(i + 1, '.') && !s.t[i + 1].sp && !s.t[i + 2]?.sp && s.numeralAt(i + 2) !== null) {
    // "Q.I/2024", "Q.1/2024"
    val = s.numeralAt(i + 2) as number;
    end = i + 3;
  } else {
    const m = GLUED_QUARTER_RE.exec(tk.s);
    if (!m) return -1;
    val = ROMAN[m[1]];
    end = i + 1;
  }
  if (val < 1 || val > 4) {
    s.invalid(i);
    return end;
  }
  const ys = s.yearSuffix(end);
  if (ys.invalid) s.invalid(i);
  s.te({ u: 'quarter', q: val }, ys.year, i, ys.end, s.inRecurCtx() && ys.year === null);
  s.setUnit('quarter');
  return ys.end;
};

/** "Tháng 3/2024", "tháng 01 năm 2024", "T3/2024"; bare "tháng" after "hàng" is monthly. */
const month: Matcher = (s, i) => {
  if (s.isW(i, 't') && s.isNum(i + 1, 2) && !s.t[i + 1].sp) {
    const ys = s.yearSuffix(i + 2);
    const m = s.t[i + 1].v;
    if (ys.year === null || m < 1 || m > 12) return -1;
    if (ys.invalid) s.invalid(i);
    s.te({ u: 'month', m }, ys.year, i, ys.end);
    s.setUnit('month');
    return ys.end;
  }
  if (!s.isW(i, 'thang')) return -1;
  const val = s.numeralAt(i + 1);
  if (val === null) {
    if (s.inRecurCtx() && s.bareOk(i, ['tháng'])) {
      s.recur('month', null, i);
      return i + 1;
    }
    return -1;
  }
  if (val < 1 || val > 12) {
    s.invalid(i);
    return i + 2;
  }
  const ys = s.yearSuffix(i + 2);
  if (ys.invalid) s.invalid(i);
  s.te({ u: 'month', m: val }, ys.year, i, ys.end);
  s.setUnit('month');
  return ys.end;
};

/** "Năm 2024", "năm nay", "trong năm", and "năm" in a list of reporting periods. */
const yearWord: Matcher = (s, i) => {
  if (!s.isW(i, 'nam')) return -1;
  const v = s.t[i + 1];
  if (v && v.type === 'num') {
    if (v.s.length !== 4) return -1;
    if (v.v < 1900 || v.v > 2200) {
      s.invalid(i);
      return i + 2;
    }
    if (s.inRecurCtx() && !s.isW(i - 1, 'trong')) s.recur('year', v.v, i);
    else {
      s.te({ u: 'year' }, v.v, i, i + 2);
      s.setUnit('year');
    }
    return i + 2;
  }
  if (s.isW(i + 1, 'nay')) {
    s.te({ u: 'year' }, null, i, i + 2);
    return i + 2;
  }
  if (!s.bareOk(i, ['năm'])) return -1;
  const prev = s.word(i - 1);
  if (prev !== 'trong' && prev !== 'ca' && prev !== 'suot' && s.inRecurCtx()) s.recur('year', null, i);
  else s.te({ u: 'year' }, null, i, i + 1);
  return i + 1;
};

/** "Đầu năm", "cuối năm 2024", "giữa tháng 6", "cuối quý II/2024". */
const part: Matcher = (s, i) => {
  const p = PART_WORDS[s.word(i)];
  if (!p) return -1;
  const k = i + 1;
  if (s.isW(k, 'nam')) {
    if (s.isNum(k + 1) && s.t[k + 1].s.length === 4) {
      const y = s.t[k + 1].v;
      if (y < 1900 || y > 2200) s.invalid(i);
      s.te({ u: 'yearPart', part: p }, y, i, k + 2);
      return k + 2;
    }
    if (s.isNum(k + 1)) return -1;
    if (p === 'late' && s.inRecurCtx()) {
      // "Báo cáo định kỳ cuối năm": the yearly report.
      s.recur('year', null, i);
      return k + 1;
    }
    s.te({ u: 'yearPart', part: p }, null, i, k + 1);
    return k + 1;
  }
  if (s.isW(k, 'thang')) {
    const m = s.numeralAt(k + 1);
    if (m === null) return -1;
    if (m < 1 || m > 12) {
      s.invalid(i);
      return k + 2;
    }
    const ys = s.yearSuffix(k + 2);
    if (ys.invalid) s.invalid(i);
    s.te({ u: 'monthPart', m, part: p }, ys.year, i, ys.end);
    return ys.end;
  }
  if (s.isQuarterWord(k)) {
    const q = s.numeralAt(k + 1);
    if (q === null) return -1;
    if (q < 1 || q > 4) {
      s.invalid(i);
      return k + 2;
    }
    const ys = s.yearSuffix(k + 2);
    if (ys.invalid) s.invalid(i);
    const m = p === 'early' ? q * 3 - 2 : p === 'mid' ? q * 3 - 1 : q * 3;
    s.te({ u: 'month', m }, ys.year, i, ys.end);
    return ys.end;
  }
  return -1;
};

/** "Nửa đầu năm", "nửa cuối năm 2024"; "nửa năm", "bán niên" are half-yearly. */
const half: Matcher = (s, i) => {
  if (s.isW(i, 'nua')) {
    if ((s.isW(i + 1, 'dau') || s.isW(i + 1, 'cuoi')) && s.isW(i + 2, 'nam')) {
      const first = s.isW(i + 1, 'dau');
      let end = i + 3;
      let year: number | null = null;
      if (s.isNum(end) && s.t[end].s.length === 4) {
        year = s.t[end].v;
        end++;
      }
      s.te(first ? { u: 'firstMonths', n: 6 } : { u: 'lastMonths', n: 6 }, year, i, end);
      return end;
    }
    if (s.isW(i + 1, 'nam')) {
      s.recur('half', null, i);
      return i + 2;
    }
    return -1;
  }
  if (s.phrase(i, ['ban', 'nien'])) {
    s.recur('half', null, i);
    return i + 2;
  }
  return -1;
};

/** Everything that starts with a number: dates, "15 tháng 01 năm 2024", "01/2024", a year,
 * "6 tháng đầu năm", durations ("Sau 03 tháng", "07 ngày làm việc"), "6 tháng" as a reporting
 * period, "01 lần/quý", and a year-less "15/01" after "ngày" or "trước". */
const numberish: Matcher = (s, i) => {
  const tk = s.t[i];
  let n: number;
  if (tk.type === 'num') n = tk.v;
  else if (tk.type === 'word' && SPELLED[tk.s] !== undefined && (s.isW(i + 1, 'thang') || s.isW(i + 1, 'ngay') || s.isW(i + 1, 'tuan'))) {
    // "sáu tháng" (six months), not "sau tháng 6" (after June).
    if (tk.s === 'sau' && !(s.raw(i) === 'sáu' || (!s.marked() && !s.isNum(i + 2)))) return -1;
    n = SPELLED[tk.s];
  } else return -1;

  if (tk.type === 'num') {
    const fd = s.fullDateAt(i);
    if (fd) {
      s.te({ u: 'day', d: fd.d, m: fd.m }, fd.y, i, fd.end);
      return fd.end;
    }
    if (tk.s.length <= 2 && s.isW(i + 1, 'thang') && s.isNum(i + 2, 2)) {
      if (s.isW(i + 3, 'nam') && s.isNum(i + 4) && s.t[i + 4].s.length === 4) {
        s.te({ u: 'day', d: n, m: s.t[i + 2].v }, s.t[i + 4].v, i, i + 5);
        return i + 5;
      }
      if (s.isW(i - 1, 'ngay')) {
        s.te({ u: 'day', d: n, m: s.t[i + 2].v }, null, i, i + 3);
        return i + 3;
      }
    }
    if (tk.s.length <= 2 && s.isSep(i + 1) && s.isNum(i + 2) && s.t[i + 2].s.length === 4 && !(s.isSep(i + 3) && s.isNum(i + 4))) {
      if (n < 1 || n > 12) s.invalid(i);
      else s.te({ u: 'month', m: n }, s.t[i + 2].v, i, i + 3);
      s.setUnit('month');
      return i + 3;
    }
    if (tk.s.length === 4 && s.isSep(i + 1) && s.isNum(i + 2, 2) && s.isSep(i + 3) && s.isNum(i + 4, 2)) {
      // ISO order: "2024-01-15", "2024/01/15".
      s.te({ u: 'day', d: s.t[i + 4].v, m: s.t[i + 2].v }, n, i, i + 5);
      return i + 5;
    }
    if (tk.s.length === 4) {
      if (n < 1900 || n > 2200) return -1;
      s.te({ u: 'year' }, n, i, i + 1);
      s.setUnit('year');
      return i + 1;
    }
  }

  const u = s.word(i + 1);
  if (u === 'thang' && (s.isW(i + 2, 'dau') || s.isW(i + 2, 'cuoi')) && s.isW(i + 3, 'nam')) {
    let end = i + 4;
    let year: number | null = null;
    if (s.isNum(end) && s.t[end].s.length === 4) {
      year = s.t[end].v;
      end++;
    }
    if (n < 1 || n > 12) s.invalid(i);
    else s.te(s.isW(i + 2, 'dau') ? { u: 'firstMonths', n } : { u: 'lastMonths', n }, year, i, end);
    return end;
  }
  if (u === 'lan' && s.isP(i + 2, '/')) {
    const p = s.word(i + 3);
    const every: Recurrence | undefined =
      p === 'quy' || p === 'qui' ? 'quarter' : p === 'thang' ? 'month' : p === 'nam' ? TIMES_A_YEAR[n] ?? 'year'
        : p === 'tuan' || p === 'ngay' ? 'continuous' : undefined;
    if (!every) return -1;
    s.recur(every, null, i);
    return i + 4;
  }
  let unit: DeadlineOffset['unit'];
  let amount = n;
  let end = i + 2;
  if (u === 'ngay') {
    if (s.isW(i + 2, 'lam') && s.isW(i + 3, 'viec')) {
      unit = 'workday';
      end = i + 4;
    } else unit = 'day';
  } else if (u === 'thang') unit = 'month';
  else if (u === 'tuan') {
    unit = 'day';
    amount = n * 7;
  } else if (u === 'nam' && !s.isNum(i + 2)) {
    unit = 'month';
    amount = n * 12;
  } else if (u === 'gio') {
    unit = 'day';
    amount = Math.ceil(n / 24);
  } else {
    return tk.type === 'num' ? dayMonth(s, i) : -1;
  }
  // "6 tháng/lần"
  if (s.isP(end, '/') && s.isW(end + 1, 'lan')) {
    const every = unit === 'month' ? MONTHS_AS_PERIOD[n] : 'continuous';
    if (every) s.recur(every, null, i);
    return end + 2;
  }
  // A duration after an event cue ("Sau khi Bộ hướng dẫn 03 tháng") is the event's offset.
  const eventContext = EVENT_BEFORE.has(s.word(i - 1)) || EVENT_AFTER.has(s.word(end)) || (!s.inRecurCtx() && s.sawEvent());
  if (!eventContext) {
    // "6 tháng" alone is the half-yearly report; "3/9/12 tháng" only inside a list of periods.
    if (unit === 'month' && (s.inRecurCtx() || n === 6)) {
      const every = MONTHS_AS_PERIOD[n];
      if (every) s.recur(every, null, i);
      else s.setRecurCtx();
      return end;
    }
    if (s.inRecurCtx() && unit !== 'month') {
      s.recur('continuous', null, i);
      return end;
    }
  }
  s.event({ amount, unit }, i);
  return end;
};

/** A year-less "15/01" or "15-8": after "ngày" or "trước"/"đến"…, or written with "/". */
function dayMonth(s: Scanner, i: number): number {
  if (!s.isNum(i, 2) || !s.isSep(i + 1) || !s.isNum(i + 2, 2)) return -1;
  if (s.isSep(i + 3) && s.isNum(i + 4)) return -1;
  const after = s.t[i + 3];
  if (after && after.type === 'word' && UNIT_WORDS.has(after.s)) return -1;
  const d = s.t[i].v;
  const m = s.t[i + 2].v;
  if (d < 1 || d > 31 || m < 1 || m > 12) return -1;
  const announced = s.isW(i - 1, 'ngay') || s.pendingMod() !== null;
  // "15/01" alone is a day; "1/2 số hồ sơ" is a fraction.
  if (!announced && !(s.t[i + 1].s === '/' && (!after || after.type === 'punct' || DAY_MONTH_FOLLOWERS.has(after.s)))) return -1;
  s.te({ u: 'day', d, m }, null, i, i + 3);
  return i + 3;
}

/** "Thường xuyên", "liên tục", "hàng ngày", "hằng tuần". */
const recurPhrase: Matcher = (s, i) => {
  let len = s.phrase(i, ['thuong', 'xuyen']) || s.phrase(i, ['lien', 'tuc']);
  if (!len && (s.isW(i, 'hang') || s.isW(i, 'moi')) && (s.isW(i + 1, 'ngay') || s.isW(i + 1, 'tuan'))) len = 2;
  if (!len) return -1;
  s.recur('continuous', null, i);
  return i + len;
};

/** Words that open a list of reporting periods: "định kỳ", "báo cáo", "hàng", "mỗi", "theo". */
const trigger: Matcher = (s, i) => {
  const len = s.phrase(i, ['dinh', 'ky']) || s.phrase(i, ['bao', 'cao']) || (RECUR_TRIGGERS.has(s.word(i)) ? 1 : 0);
  if (!len) return -1;
  s.setRecurCtx();
  s.setMod(null);
  return i + len;
};

/** "khi có yêu cầu", "theo yêu cầu", "đột xuất", "khi cần". */
const onDemand: Matcher = (s, i) => {
  const len =
    s.phrase(i, ['khi', 'co', 'yeu', 'cau']) || s.phrase(i, ['khi', 'duoc', 'yeu', 'cau']) || s.phrase(i, ['khi', 'can', 'thiet'])
    || s.phrase(i, ['khi', 'can']) || s.phrase(i, ['yeu', 'cau']) || s.phrase(i, ['dot', 'xuat']) || s.phrase(i, ['bat', 'thuong']);
  if (!len) return -1;
  s.atoms.push({ k: 'ondemand', at: i });
  return i + len;
};

/** "Khi có …", "Sau khi …", "kể từ …", "kịp thời", "phát sinh". */
const eventCue: Matcher = (s, i) => {
  const w = s.word(i);
  if (w === 'khi' || s.phrase(i, ['kip', 'thoi']) || s.phrase(i, ['phat', 'sinh']) || s.phrase(i, ['neu', 'co'])) {
    s.event(null, i);
    s.clear();
    return i + (w === 'khi' ? 1 : 2);
  }
  const anchor = s.phrase(i, ['ke', 'tu']) || s.phrase(i, ['tinh', 'tu']);
  if (anchor) {
    s.event(null, i);
    s.clear();
    s.setMod('anchor');
    return i + anchor;
  }
  if (w === 'sau') {
    const nx = s.t[i + 1];
    if (!nx || s.isW(i + 1, 'do') || nx.type !== 'word' || SPELLED[nx.s] !== undefined) return -1;
    if (['ngay', 'thang', 'quy', 'qui', 'nam', 'dau', 'cuoi', 'giua', 'q', 't'].includes(nx.s)) {
      s.clear();
      s.setMod('after');
      return i + 1;
    }
    s.event(null, i);
    s.clear();
    return i + 1;
  }
  return -1;
};

/** "quy định", "lộ trình" without "theo": still a reference to another schedule. */
const referenceCue: Matcher = (s, i) => {
  if (s.mode !== 'parse') return -1;
  const len = (s.isW(i, 'quy') && s.isW(i + 1, 'dinh') ? 2 : 0) || s.phrase(i, ['lo', 'trinh']);
  if (!len) return -1;
  s.reference(i);
  s.clear();
  return i + len;
};

/** "trước", "chậm nhất", "hạn", "không quá", "đến", "từ", "bắt đầu": how the next time
 * expression is read. */
const modifier: Matcher = (s, i) => {
  const w = s.word(i);
  let len = 0;
  let mod: Mod | null = null;
  if (w === 'truoc') [len, mod] = [1, 'before'];
  else if (s.phrase(i, ['cham', 'nhat'])) [len, mod] = [2, 'until'];
  else if (s.phrase(i, ['khong', 'qua']) || s.phrase(i, ['toi', 'da'])) [len, mod] = [2, 'until'];
  else if (s.phrase(i, ['thoi', 'han']) || s.phrase(i, ['han', 'chot'])) [len, mod] = [2, 'until'];
  else if (w === 'han' || w === 'het') [len, mod] = [1, 'until'];
  else if (w === 'den' || w === 'toi') [len, mod] = [1, 'until'];
  else if (s.phrase(i, ['bat', 'dau', 'tu'])) [len, mod] = [3, 'from'];
  else if (w === 'tu') [len, mod] = [1, 'from'];
  if (!len) return -1;
  // "đến (hết)" may join two expressions ("Quý I đến hết IV"): it keeps the unit, and a
  // pending "đến" survives "hết".
  const keepUnit = w === 'den' || w === 'toi' || w === 'het';
  const unit = s.unit();
  const pending = s.pendingMod();
  s.clear();
  if (keepUnit) s.setUnit(unit);
  s.setMod(w === 'het' && pending !== null ? pending : mod);
  return i + len;
};

/** Years mode only: "giai đoạn 2021-2025", "định hướng đến năm 2030", "tầm nhìn 2045" name
 * the programme's horizon, not the plan's year. */
const horizon: Matcher = (s, i) => {
  if (s.mode !== 'years') return -1;
  const len = s.phrase(i, ['giai', 'doan']) || s.phrase(i, ['dinh', 'huong']) || s.phrase(i, ['tam', 'nhin']) || (s.isW(i, 'gd') ? 1 : 0);
  if (!len) return -1;
  let j = i + len;
  let sawYear = false;
  for (let k = j; k < s.n && k < i + len + 8; k++) {
    const tk = s.t[k];
    if (tk.type === 'num' && tk.s.length === 4) {
      sawYear = true;
      j = k + 1;
    } else if (tk.type === 'num' || (tk.type === 'word' && !['den', 'nam', 'toi', 'va', 'tu'].includes(tk.s)) || (tk.type === 'punct' && tk.s !== '-' && tk.s !== '/')) break;
  }
  return sawYear ? j : -1;
};

/** A matcher and the tokens it can start on: matchers are tried in this order, and only those
 * whose first word (or number) is the token at hand. */
interface MatcherDef {
  match: Matcher;
  words?: readonly string[];
  numbers?: boolean;
  wordTest?: (w: string) => boolean;
}

const MATCHERS: readonly MatcherDef[] = [
  { match: horizon, words: ['giai', 'dinh', 'tam', 'gd'] },
  { match: citation, words: ['ngay', 'so', 'iso'], numbers: true },
  { match: ongoing, words: ONGOING_PHRASES.map((p) => p[0]) },
  { match: theo, words: ['theo', 'can'] },
  { match: continuation, numbers: true, wordTest: (w) => ROMAN[w] !== undefined },
  { match: quarter, words: ['quy', 'qui', 'q'], wordTest: (w) => GLUED_QUARTER_RE.test(w) },
  { match: month, words: ['t', 'thang'] },
  { match: yearWord, words: ['nam'] },
  { match: part, words: Object.keys(PART_WORDS) },
  { match: half, words: ['nua', 'ban'] },
  { match: numberish, numbers: true, wordTest: (w) => SPELLED[w] !== undefined },
  { match: recurPhrase, words: ['thuong', 'lien', 'hang', 'moi'] },
  { match: trigger, words: ['dinh', 'bao', ...RECUR_TRIGGERS] },
  { match: onDemand, words: ['khi', 'yeu', 'dot', 'bat'] },
  { match: eventCue, words: ['khi', 'kip', 'phat', 'neu', 'ke', 'tinh', 'sau'] },
  { match: referenceCue, words: ['quy', 'lo'] },
  { match: modifier, words: ['truoc', 'cham', 'khong', 'toi', 'thoi', 'han', 'het', 'den', 'bat', 'tu'] },
];

const NO_MATCHERS: readonly Matcher[] = [];
const NUMBER_MATCHERS: readonly Matcher[] = MATCHERS.filter((d) => d.numbers).map((d) => d.match);
const wordMatchers = new Map<string, readonly Matcher[]>();

function matchersFor(tk: Tok): readonly Matcher[] {
  if (tk.type === 'num') return NUMBER_MATCHERS;
  if (tk.type !== 'word') return NO_MATCHERS;
  let list = wordMatchers.get(tk.s);
  if (!list) {
    const found = MATCHERS.filter((d) => d.words?.includes(tk.s) || d.wordTest?.(tk.s)).map((d) => d.match);
    list = found.length ? found : NO_MATCHERS;
    if (wordMatchers.size < 10_000) wordMatchers.set(tk.s, list);
  }
  return list;
}

export function scan(lexed: Lexed, mode: ScanMode): Atom[] {
  return new Scanner(lexed, mode).run();
}
