/**
 * Finding the appendix's header: the first row (or pair of rows, when a merged parent such as
 * "Đơn vị thực hiện" sits over "Chủ trì" / "Phối hợp", or when a converter cut the header's
 * words over two lines) whose cells name enough column roles.
 */
import type { ColumnRole } from '../model';
import { fold } from '../text';
import { normaliseHeader, roleOfHeader } from './header-roles';
import type { SheetView } from './sheet-view';

export interface HeaderCandidate {
  rows: number[];
  /** Column → role. */
  roles: Map<number, ColumnRole>;
  /** Column → header text (parent and child joined). */
  texts: Map<number, string>;
  firstCol: number;
  lastCol: number;
  score: number;
}

const NARRATIVE: ReadonlySet<ColumnRole> = new Set(['task', 'activity', 'output', 'objective']);
/** Header cells are short; a long cell is prose or a task. */
const MAX_HEADER_CELL = 90;
/** Longest header text that names a role ("Đơn vị/Cơ quan/Phòng chủ trì thực hiện" is 38). */
const MAX_ROLE_TEXT = 50;
/** How far down a sheet a header is looked for (a long plan body may precede its appendix). */
const MAX_SCAN_ROWS = 5000;

/** Roles named by one row's own cells (cells covered by a merge from above are skipped). */
function rowRoles(view: SheetView, row: number): { roles: Map<number, ColumnRole>; texts: Map<number, string>; long: number } {
  const roles = new Map<number, ColumnRole>();
  const texts = new Map<number, string>();
  let long = 0;
  for (const c of view.filledColumns(row)) {
    if (view.isCovered(row, c)) continue;
    const t = view.text(row, c);
    if (t.length > MAX_HEADER_CELL) {
      long++;
      continue;
    }
    texts.set(c, t);
    // Header words are short; a sentence that happens to start with "Theo dõi" is a task.
    const role = t.length <= MAX_ROLE_TEXT ? roleOfHeader(t) : null;
    if (role) roles.set(c, role);
  }
  return { roles, texts, long };
}

function distinctRoles(roles: Map<number, ColumnRole>): Set<ColumnRole> {
  return new Set(roles.values());
}

/** Share of a header row's cells that must name a role: a task row may name three roles by
 * accident ("Theo dõi, đôn đốc…", "Kết quả xử lý hồ sơ", "Kinh phí thường xuyên") but its unit
 * names and deadlines name none. */
const MIN_ROLE_COVERAGE = 0.6;

/** Enough roles, with one that names work (task/output…) and one lead or deadline. */
function isAppendixLike(roles: Map<number, ColumnRole>, cells: number): boolean {
  const set = distinctRoles(roles);
  const hasWork = [...set].some((r) => NARRATIVE.has(r));
  const hasKey = set.has('lead') || set.has('deadline');
  return set.size >= 3 && hasWork && hasKey && roles.size >= cells * MIN_ROLE_COVERAGE;
}

/** Combine row r with the row under it when that row completes a two-row header: children
 * under a merged parent, or the second line of header words a PDF converter cut off. */
function combine(view: SheetView, row: number): HeaderCandidate | null {
  const top = rowRoles(view, row);
  if (top.long > 1) return null;
  const single = build([row], top.roles, top.texts);

  // A parent row names roles itself ("STT", "Nhiệm vụ", "Đơn vị thực hiện"…) and holds no
  // prose; a row cut by a converter may name none ("Đơn vị" / "chủ trì") but has short cells.
  const canBeParent = top.long === 0 && top.roles.size >= 2;
  const canBeCut = top.long === 0 && top.texts.size >= 3;
  const below = (canBeParent || canBeCut) && row + 1 < view.endRow ? rowRoles(view, row + 1) : null;
  if (below && below.long === 0 && below.texts.size >= 1 && !isNumberingRow(view, row + 1)) {
    const pair = canBeParent && below.roles.size >= 1 ? parentAndChildren(view, row, top, below) : null;
    if (pair && isAppendixLike(pair.roles, pair.texts.size) && pair.score >= single.score) return pair;
    const wrapped = wrappedLines(view, row, top, below);
    if (wrapped && isAppendixLike(wrapped.roles, wrapped.texts.size) && wrapped.score >= single.score) return wrapped;
  }
  return isAppendixLike(single.roles, single.texts.size) ? single : null;
}

type RowRoles = ReturnType<typeof rowRoles>;

/** The lower row holds children of the row above: its role cells sit under a parent cell that
 * spans several columns, or under an empty cell, and it does not look like a task row itself. */
function parentAndChildren(view: SheetView, row: number, top: RowRoles, below: RowRoles): HeaderCandidate | null {
  let childUnderParent = 0;
  for (const c of below.roles.keys()) {
    const m = view.mergeAt(row, c);
    const parentSpans = m !== undefined && m.right > m.left;
    const parentEmpty = view.shownText(row, c) === '';
    if (parentSpans || parentEmpty) childUnderParent++;
  }
  if (childUnderParent < 1 || childUnderParent < below.roles.size / 2) return null;
  const roles = new Map<number, ColumnRole>();
  const texts = new Map<number, string>();
  const cols = new Set<number>([...top.texts.keys(), ...below.texts.keys()]);
  // Parent cells spanning columns give their text to every column they cover.
  for (const c of [...top.texts.keys()]) {
    const m = view.mergeAt(row, c);
    if (m && m.right > m.left) for (let k = m.left; k <= m.right; k++) cols.add(k);
  }
  for (const c of [...cols].sort((a, b) => a - b)) {
    const parent = view.shownText(row, c);
    const child = view.isCovered(row + 1, c) ? '' : view.text(row + 1, c);
    const parentMerge = view.mergeAt(row, c);
    const parentSpans = parentMerge !== undefined && parentMerge.right > parentMerge.left;
    let childRole = child ? roleOfHeader(child) : null;
    const parentRole = parent ? roleOfHeader(parent) : null;
    // Under a "Thời gian …" parent, "Ngày hoàn thành" is the planned end, not a completion date.
    if (parentSpans && parentRole === 'deadline' && childRole === 'doneDate') childRole = 'deadline';
    const role = childRole ?? (parent && !(parentSpans && child) ? parentRole : null) ?? (parent && child ? roleOfHeader(`${parent} ${child}`) : null);
    const text = parent && child && parent !== child ? `${parent} ${child}` : parent || child;
    if (text) texts.set(c, text);
    if (role) roles.set(c, role);
  }
  return build([row, row + 1], roles, texts);
}

/** Header words that read on from the cell above ("chủ trì" under "Đơn vị"). */
const WRAP_OPEN_END_RE = /[/,&(-]$|\s(va|cua|theo|hoac)$/;
/** Longest second line of a cut header cell. */
const MAX_WRAP_TEXT = 40;

/** The lower row is the second line of the header's words, cut off by a converter (a signed
 * PDF turned into a sheet): each of its cells sits under a filled, unmerged header cell and
 * reads on from it (lower-case start, or the cell above ends open), and the joined words name
 * more roles than the upper row alone. */
function wrappedLines(view: SheetView, row: number, top: RowRoles, below: RowRoles): HeaderCandidate | null {
  if (below.texts.size > top.texts.size) return null;
  for (const [c, t] of below.texts) {
    const above = top.texts.get(c);
    if (above === undefined || t.length > MAX_WRAP_TEXT || /^\(?\d/.test(t)) return null;
    const m = view.mergeAt(row, c);
    if (m && m.right > m.left) return null;
    if (!/^\p{Ll}/u.test(t) && !WRAP_OPEN_END_RE.test(fold(above))) return null;
  }
  const roles = new Map<number, ColumnRole>();
  const texts = new Map<number, string>();
  for (const [c, above] of top.texts) {
    const tail = below.texts.get(c);
    const text = tail ? `${above} ${tail}` : above;
    texts.set(c, text);
    const role = tail ? roleOfHeader(text) ?? top.roles.get(c) : top.roles.get(c);
    if (role) roles.set(c, role);
  }
  return build([row, row + 1], roles, texts);
}

function build(rows: number[], rawRoles: Map<number, ColumnRole>, texts: Map<number, string>): HeaderCandidate {
  // One column per role: the first (leftmost) keeps it; "Nhiệm vụ" then "Nhiệm vụ cụ thể"
  // would otherwise both claim the task.
  const roles = new Map<number, ColumnRole>();
  const taken = new Set<ColumnRole>();
  for (const c of [...rawRoles.keys()].sort((a, b) => a - b)) {
    const role = rawRoles.get(c)!;
    if (taken.has(role)) {
      // A second task-like column is the activity when none is named ("Nội dung" + "Nhiệm vụ").
      if (role === 'task' && !taken.has('activity') && ![...rawRoles.values()].includes('activity')) {
        roles.set(c, 'activity');
        taken.add('activity');
      }
      continue;
    }
    roles.set(c, role);
    taken.add(role);
  }
  // "Ngày bắt đầu" beside "Ngày hoàn thành": the pair is the plan's window, so the second is
  // its end (the deadline), not the completion date the tracking block records.
  if (taken.has('start') && !taken.has('deadline')) {
    for (const [c, role] of roles) {
      if (role === 'doneDate' && roles.get(c - 1) === 'start') roles.set(c, 'deadline');
    }
  }
  const cols = [...texts.keys()];
  return {
    rows,
    roles,
    texts,
    firstCol: cols.length ? Math.min(...cols) : 0,
    lastCol: cols.length ? Math.max(...cols) : 0,
    score: roles.size,
  };
}

/** "(1) (2) (3) …" or "1 2 3 …" under a header. */
export function isNumberingRow(view: SheetView, row: number): boolean {
  const cols = view.filledColumns(row);
  if (cols.length < 3) return false;
  let prev = 0;
  let ordered = 0;
  for (const c of cols) {
    const t = view.text(row, c);
    const m = /^\(?(\d{1,2})\)?\.?$/.exec(t) ?? /^\(?([A-Za-z])\)?$/.exec(t);
    if (!m) return false;
    const n = /\d/.test(m[1]) ? Number(m[1]) : m[1].toUpperCase().charCodeAt(0) - 64;
    if (n > prev) ordered++;
    prev = n;
  }
  return ordered >= cols.length - 1;
}

/** Every appendix-like header on the sheet, top to bottom (two-row headers as one). */
export function findHeaderCandidates(view: SheetView, limit = 50): HeaderCandidate[] {
  const out: HeaderCandidate[] = [];
  const end = Math.min(view.endRow, view.firstRow + MAX_SCAN_ROWS);
  for (let r = view.firstRow; r < end && out.length < limit; r++) {
    const cand = combine(view, r);
    if (cand) {
      out.push(cand);
      r = cand.rows[cand.rows.length - 1];
    }
  }
  return out;
}

/** Normalised header words of each column (parent and child apart), for spotting repeats. */
export function headerWords(view: SheetView, header: HeaderCandidate): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const r of header.rows) {
    for (const c of view.filledColumns(r)) {
      const m = view.mergeAt(r, c);
      const cols = m && m.top === r && m.left === c ? range(m.left, m.right) : [c];
      for (const k of cols) {
        const set = out.get(k) ?? new Set<string>();
        set.add(normaliseHeader(view.text(r, c)));
        out.set(k, set);
      }
    }
  }
  return out;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/** Does this row repeat (part of) the table's header (a page break in a pasted table)? Its
 * cells must read as the header's own words, column for column. */
export function repeatsHeader(view: SheetView, row: number, words: Map<number, Set<string>>): boolean {
  const cols = view.filledColumns(row);
  if (cols.length < 2) return false;
  let agree = 0;
  for (const c of cols) {
    if (view.isCovered(row, c)) continue;
    const t = view.text(row, c);
    if (t.length > MAX_HEADER_CELL) return false;
    if (words.get(c)?.has(normaliseHeader(t))) agree++;
  }
  return agree >= 2 && agree >= cols.length * 0.6;
}

/** A header-like row that is not the table's: a second table starts here. */
export function looksLikeOtherHeader(view: SheetView, row: number): boolean {
  const { roles, texts, long } = rowRoles(view, row);
  return long === 0 && distinctRoles(roles).size >= 3 && roles.size >= texts.size * MIN_ROLE_COVERAGE;
}

/** The appendix-like header starting at this row, if there is one. */
export function headerAt(view: SheetView, row: number): HeaderCandidate | null {
  return combine(view, row);
}
