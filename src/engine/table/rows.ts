/**
 * Reading the table body row by row: which rows are sections, tasks, continuations of the row
 * above (page breaks in tables pasted from Word/PDF), repeated headers, numbering, blanks and
 * notes; and each task's cells once merges, task groups and continuation rows are resolved.
 */
import type { CellRange, CellValue, ColumnRole, ResolvedCell, SectionInfo } from '../model';
import { cellError, cellText, fold } from '../text';
import { isNumberingRow, looksLikeOtherHeader, repeatsHeader } from './find-header';
import type { SheetView } from './sheet-view';

export interface TableLayout {
  headerRows: number[];
  firstRow: number;
  firstCol: number;
  lastCol: number;
  columns: Partial<Record<ColumnRole, number>>;
  headerWords: Map<number, Set<string>>;
}

export interface ScannedTask {
  row: number;
  section: string | null;
  stt: string | null;
  continuationRows: number[];
  cells: Partial<Record<ColumnRole, ResolvedCell>>;
}

/** A body row as scanned; task rows point into `tasks`. */
export type ScannedRow =
  | { row: number; kind: 'section'; hidden: boolean; section: string; title: string }
  | { row: number; kind: 'task'; hidden: boolean; task: ScannedTask }
  | { row: number; kind: 'continuation'; hidden: boolean; of: number }
  | { row: number; kind: 'header' | 'numbering' | 'blank' | 'note'; hidden: boolean };

export interface BodyScan {
  rows: ScannedRow[];
  tasks: ScannedTask[];
  sections: SectionInfo[];
  numberingRow: number | null;
  lastRow: number;
  /** Row where a second, different table header starts (the body stops before it). */
  otherTableRow: number | null;
}

/** Roles whose text describes the work; a capitalised head there starts a new task. */
const NARRATIVE: readonly ColumnRole[] = ['objective', 'task', 'activity', 'output'];
/** Columns of the tracking block: the user's progress notes, not the plan's content. */
const TRACKING: ReadonlySet<ColumnRole> = new Set(['status', 'doneDate', 'result', 'dueDate', 'check']);
/** Roles a group row inherits from the rows above it without a merge (domain.md). */
const GROUP_INHERITED: readonly ColumnRole[] = ['objective', 'task'];

const ROMAN_RE = /^(?=[IVXL])(X{0,3})(IX|IV|V?I{0,3})$/;
const SECTION_ALONE_RE = /^([IVXL]{1,5})\s*[.):]?$/;
const SECTION_WITH_TITLE_RE = /^([IVXL]{1,5})\s*[.):/-]\s*(\S.*)$/;
const SECTION_SPACE_TITLE_RE = /^([IVXL]{1,5})\s+(\p{Lu}.*)$/u;
const SUBSECTION_ALONE_RE = /^(\d{1,2}(?:\.\d{1,2})+)\.?$/;
const NOTE_RE = /^(ghi chu|luu y|chu thich|noi nhan|\(\*\)|\*\s)/;
/** Cheap first-letter test before folding (this runs on every row). */
const NOTE_START_RE = /^[gGlLcCnN(*]/;
/** A connective at the end of a cell means its sentence goes on in the next row. */
const OPEN_END_WORDS: ReadonlySet<string> = new Set(
  ['của', 'và', 'về', 'theo', 'các', 'cho', 'với', 'tại', 'trong', 'được', 'đến', 'từ', 'để', 'là', 'những', 'thuộc', 'trên', 'hoặc', 'hay', 'giữa', 'nhằm', 'bằng', 'khi', 'ở', 'vào', 'cùng', 'từng', 'mà', 'do', 'như'].map((w) => w.normalize('NFC')),
);
const OPEN_PUNCT_RE = /[,;:\-–(/&]$/;
const LOWER_START_RE = /^[("'“‘\s]*\p{Ll}/u;
const BULLET_START_RE = /^[-+•*–]\s*/;
const STT_RE = /^[0-9]{1,6}[a-z]?[.)]?$|^[0-9]{1,3}(\.[0-9]{1,3}){1,3}\.?$|^[a-zđ][.)]$/i;
const MAX_STT_LENGTH = 12;
/** After this many blank rows, only clearly table-like rows continue the table. */
const GAP_ROWS = 2;

function isRoman(s: string): boolean {
  return ROMAN_RE.test(s);
}

function endsOpen(text: string): boolean {
  if (OPEN_PUNCT_RE.test(text)) return true;
  // Only the last word matters ("của", "đối với"); cell text is already NFC, and a connective
  // ending a cell is written in lower case.
  const space = text.lastIndexOf(' ');
  return text.length - space <= 7 && OPEN_END_WORDS.has(text.slice(space + 1));
}

type CellShape = 'tail' | 'neutral' | 'head';

interface RowCell {
  col: number;
  role: ColumnRole | null;
  text: string;
}

interface TaskBuilder {
  task: ScannedTask;
  /** First text part per sheet column, and any further parts from continuation rows (rare).
   * Sparse arrays rather than Maps or per-column arrays: this is built for every task. */
  first: (string | undefined)[];
  more: (string[] | undefined)[];
  /** Raw value of the first part of each column. */
  values: CellValue[];
  errors: (string | undefined)[];
  lastPartRow: number;
  sttOwn: boolean;
}

export function scanBody(view: SheetView, layout: TableLayout): BodyScan {
  const { columns, firstCol, lastCol } = layout;
  const roleByCol = new Map<number, ColumnRole>();
  for (const [role, col] of Object.entries(columns) as [ColumnRole, number][]) roleByCol.set(col, role);
  const sttCol = columns.stt ?? null;
  const roleCols = [...roleByCol.keys()].sort((a, b) => a - b);

  const rows: ScannedRow[] = [];
  const tasks: ScannedTask[] = [];
  const sections: SectionInfo[] = [];
  let numberingRow: number | null = null;
  let otherTableRow: number | null = null;
  let section: string | null = null;
  let current: TaskBuilder | null = null;
  /** Group state: inherited by rows without their own STT. */
  let groupStt: string | null = null;
  let blankRun = 0;
  let lastContentRow = layout.firstRow - 1;
  let ended = false;

  const hasMerges = view.grid.merges.length > 0;
  const roleAt: (ColumnRole | null)[] = [];
  for (let c = firstCol; c <= lastCol; c++) roleAt.push(roleByCol.get(c) ?? null);
  const ownCells = (row: number): RowCell[] => {
    const out: RowCell[] = [];
    const values = view.rowValues(row);
    if (!values) return out;
    const end = Math.min(lastCol, view.firstCol + values.length - 1);
    for (let c = firstCol; c <= end; c++) {
      const raw = values[c - view.firstCol];
      if (raw === null || raw === '' || raw === undefined) continue;
      if (hasMerges && view.isCovered(row, c)) continue;
      const text = cellText(raw);
      if (text !== '') out.push({ col: c, role: roleAt[c - firstCol], text });
      else if (typeof raw === 'string' && raw.trim().startsWith('#')) {
        const err = cellError(raw);
        if (err) out.push({ col: c, role: roleAt[c - firstCol], text: err });
      }
    }
    return out;
  };

  // Resolve each task's cells: own text (joined across continuations), else a vertical merge
  // from above, else (objective, task) the group's text.
  const lastGroup = new Map<ColumnRole, ResolvedCell>();
  /** The inherited cell of each merge, shared by the rows it covers. */
  const mergedCells = new Map<CellRange, ResolvedCell>();
  let lastSection: string | null | undefined;
  // Per resolved column: its role and whether a group row inherits it (no lookups per task).
  const resolveCols = roleCols.filter((c) => roleByCol.get(c) !== 'stt').map((col) => {
    const role = roleByCol.get(col)!;
    return { col, role, grouped: GROUP_INHERITED.includes(role) };
  });
  const resolve = (b: TaskBuilder): void => {
    if (b.sttOwn || b.task.section !== lastSection) {
      lastGroup.clear();
      lastSection = b.task.section;
    }
    const row = b.task.row;
    for (const { col, role, grouped } of resolveCols) {
      const firstPart = b.first[col];
      let cell: ResolvedCell | undefined;
      if (firstPart !== undefined) {
        const error = b.errors[col] ?? null;
        const more = b.more[col];
        if (!more) cell = { text: error ? '' : firstPart, value: b.values[col] ?? firstPart, error, inherited: false };
        else {
          const all = [firstPart, ...more];
          cell = { text: all.filter((t) => !cellError(t)).join(' '), value: all.join(' '), error, inherited: false };
        }
      } else {
        const m = hasMerges && view.isCovered(row, col) ? view.mergeAt(row, col) : undefined;
        if (m && m.top < row && m.top >= layout.firstRow) {
          cell = mergedCells.get(m);
          if (!cell) {
            const v = view.raw(m.top, m.left);
            cell = { text: view.text(m.top, m.left), value: v, error: cellError(v), inherited: true };
            mergedCells.set(m, cell);
          }
        } else if (grouped) {
          // One inherited copy per group cell, shared by the group's rows (cells are never mutated).
          const source = lastGroup.get(role);
          if (source) {
            cell = source.inherited ? source : { ...source, inherited: true };
            lastGroup.set(role, cell);
          }
        }
      }
      if (cell) {
        b.task.cells[role] = cell;
        if (grouped && cell.text) lastGroup.set(role, cell);
      }
    }
  };


  /** The current task is complete (a new task, a section or the end follows): resolve its cells
   * now, so its builder dies young instead of surviving the whole scan. */
  let resolved: TaskBuilder | null = null;
  const finish = (): void => {
    if (current && current !== resolved) {
      resolve(current);
      resolved = current;
    }
  };

  for (let r = layout.firstRow; r < view.endRow && !ended; r++) {
    const hidden = view.isHidden(r);
    const cells = ownCells(r);

    if (cells.length === 0) {
      blankRun++;
      rows.push({ row: r, kind: 'blank', hidden });
      continue;
    }
    const afterGap = blankRun >= GAP_ROWS && tasks.length > 0;
    blankRun = 0;

    if (mightBeHeader(cells, sttCol)) {
      if (repeatsHeader(view, r, layout.headerWords)) {
        rows.push({ row: r, kind: 'header', hidden });
        continue;
      }
      if (looksLikeOtherHeader(view, r)) {
        otherTableRow = r;
        break;
      }
    }
    if (numberingRow === null && tasks.length === 0 && isNumberingRow(view, r)) {
      numberingRow = r;
      rows.push({ row: r, kind: 'numbering', hidden });
      continue;
    }

    const first = cells[0];
    if (NOTE_START_RE.test(first.text) && NOTE_RE.test(fold(first.text)) && (tasks.length > 0 || cells.length <= 2)) {
      rows.push({ row: r, kind: 'note', hidden });
      if (tasks.length > 0) ended = true;
      continue;
    }

    const sec = sectionOf(view, r, cells, sttCol, firstCol, lastCol, sections);
    if (sec) {
      section = sec.top ? sec.id : section;
      if (sec.top) sections.push({ id: sec.id, title: sec.title, row: r });
      rows.push({ row: r, kind: 'section', hidden, section: sec.id, title: sec.title });
      finish();
      current = null;
      groupStt = null;
      lastContentRow = r;
      continue;
    }

    const sttCell = sttCol !== null ? cells.find((c) => c.col === sttCol) : undefined;
    const sttText = sttCell && sttCell.text.length <= MAX_STT_LENGTH && STT_RE.test(sttCell.text) ? sttCell.text.replace(/[.)]$/, '') : null;
    const withRole: RowCell[] = [];
    const content: RowCell[] = [];
    for (const c of cells) {
      if (c === sttCell || c.role === null) continue;
      withRole.push(c);
      if (!TRACKING.has(c.role)) content.push(c);
    }

    // A long text alone in the STT column, or alone in an unnamed column, is prose under the table.
    if (sttCell && !sttText && content.length === 0) {
      rows.push({ row: r, kind: 'note', hidden });
      if (tasks.length > 0) ended = true;
      continue;
    }
    if (content.length === 0 && !sttText) {
      // Only tracking values (or unnamed columns): nothing of the plan on this row.
      rows.push({ row: r, kind: 'note', hidden });
      continue;
    }

    if (afterGap && !sttText && !looksLikeFullTask(content)) {
      // Blank rows then something that is not a task: the table has ended (signature, prose).
      ended = true;
      break;
    }

    // Shapes (tail / head) are only needed where a row may continue the one above.
    const needShapes = current !== null && (sttText === null || !current.sttOwn);
    // Computed on demand: most rows are decided by their first descriptive cell.
    const above = current;
    const shapes: ShapeOf = needShapes && above ? (c) => shapeOf(c, above, view) : () => 'head';

    if (sttText !== null) {
      // A page break may put a numbered task's number, lead and deadline on the second part:
      // the part above had no number of its own and lacks a lead or a deadline, and this row's
      // descriptive cells continue its sentences.
      if (current && !current.sttOwn && isIncomplete(current, columns) && hasNarrativeTail(content, shapes)) {
        appendRow(current, r, withRole, view);
        current.task.stt = sttText;
        current.sttOwn = true;
        groupStt = sttText;
        rows.push({ row: r, kind: 'continuation', hidden, of: current.task.row });
        lastContentRow = r;
        continue;
      }
      groupStt = sttText;
      finish();
      current = startTask(r, section, sttText, true, withRole, view);
      rows.push({ row: r, kind: 'task', hidden, task: current.task });
      tasks.push(current.task);
      lastContentRow = r;
      continue;
    }

    if (current && isContinuation(content, shapes)) {
      appendRow(current, r, withRole, view);
      rows.push({ row: r, kind: 'continuation', hidden, of: current.task.row });
      lastContentRow = r;
      continue;
    }

    finish();
    current = startTask(r, section, groupStt, false, withRole, view);
    rows.push({ row: r, kind: 'task', hidden, task: current.task });
    tasks.push(current.task);
    lastContentRow = r;
  }

  finish();
  const lastRow = Math.max(lastContentRow, layout.firstRow);
  // Trailing blank rows are not part of the table.
  while (rows.length && rows[rows.length - 1].row > lastRow && rows[rows.length - 1].kind === 'blank') rows.pop();
  return { rows, tasks, sections, numberingRow, lastRow, otherTableRow };
}

/** Cheap test before the header checks: header rows have several short cells and no task number. */
function mightBeHeader(cells: RowCell[], sttCol: number | null): boolean {
  if (cells.length < 2) return false;
  for (const c of cells) {
    if (c.text.length > 60) return false;
    if (c.col === sttCol && /^\d/.test(c.text)) return false;
  }
  return true;
}

function startTask(row: number, section: string | null, stt: string | null, sttOwn: boolean, content: RowCell[], view: SheetView): TaskBuilder {
  const b: TaskBuilder = {
    task: { row, section, stt, continuationRows: [], cells: {} },
    first: [],
    more: [],
    values: [],
    errors: [],
    lastPartRow: row,
    sttOwn,
  };
  addParts(b, row, content, view);
  return b;
}

function appendRow(b: TaskBuilder, row: number, content: RowCell[], view: SheetView): void {
  b.task.continuationRows.push(row);
  b.lastPartRow = row;
  addParts(b, row, content, view);
}

function addParts(b: TaskBuilder, row: number, content: RowCell[], view: SheetView): void {
  for (const c of content) {
    if (b.first[c.col] === undefined) {
      b.first[c.col] = c.text;
      const raw = view.raw(row, c.col);
      b.values[c.col] = raw;
      const err = typeof raw === 'string' && raw.charCodeAt(0) === 35 /* # */ ? cellError(raw) : null;
      if (err) b.errors[c.col] = err;
    } else {
      (b.more[c.col] ??= []).push(c.text);
    }
  }
}

/** The task lacks a lead or a deadline of its own (a cut-off first part). */
function isIncomplete(b: TaskBuilder, columns: Partial<Record<ColumnRole, number>>): boolean {
  const has = (role: ColumnRole) => {
    const col = columns[role];
    return col === undefined || b.first[col] !== undefined;
  };
  return !has('lead') || !has('deadline');
}

function shapeOf(cell: RowCell, current: TaskBuilder | null, view: SheetView): CellShape {
  const text = cell.text;
  if (LOWER_START_RE.test(text)) return 'tail';
  const aboveText = current ? lastPart(current, cell.col) : '';
  if (aboveText && endsOpen(aboveText)) return 'tail';
  // "CNTT)" closes a bracket opened in the cell above.
  if (closesBeforeOpening(text) || (aboveText && unbalanced(aboveText))) return 'tail';
  if (BULLET_START_RE.test(text) && aboveText && /(^|\s)[-+•]\s/.test(aboveText)) return 'neutral';
  void view;
  return 'head';
}

function closesBeforeOpening(text: string): boolean {
  const close = text.indexOf(')');
  if (close < 0) return false;
  const open = text.indexOf('(');
  return open < 0 || open > close;
}

function unbalanced(text: string): boolean {
  let open = text.indexOf('(');
  if (open < 0) return false;
  let depth = 0;
  for (; open < text.length; open++) {
    const ch = text.charCodeAt(open);
    if (ch === 40 /* ( */) depth++;
    else if (ch === 41 /* ) */ && depth > 0) depth--;
  }
  return depth > 0;
}

function lastPart(b: TaskBuilder, col: number): string {
  const more = b.more[col];
  return more ? more[more.length - 1] : (b.first[col] ?? '');
}

type ShapeOf = (cell: RowCell) => CellShape;

function hasNarrativeTail(content: RowCell[], shapes: ShapeOf): boolean {
  return content.some((c) => c.role !== null && NARRATIVE.includes(c.role) && shapes(c) === 'tail');
}

/** No number of its own and nothing that starts a new piece of work: the row only carries the
 * tails of the sentences above. */
function isContinuation(content: RowCell[], shapes: ShapeOf): boolean {
  // domain.md: a row of a group is a task of its own when it has its own output, lead or
  // deadline; descriptive text alone continues the row above.
  if (!content.some((c) => c.role === 'output' || c.role === 'lead' || c.role === 'deadline')) return true;
  const narrativeHead = content.some((c) => c.role !== null && NARRATIVE.includes(c.role) && shapes(c) === 'head');
  if (narrativeHead) return false;
  const anyTail = content.some((c) => shapes(c) !== 'head');
  if (!anyTail) return false;
  // Unit names and deadlines start with capitals even when they continue a cell; they count as
  // continuing when the descriptive cells of the row do.
  const narrative = content.filter((c) => c.role !== null && NARRATIVE.includes(c.role));
  if (narrative.length > 0) return true;
  return content.every((c) => shapes(c) !== 'head');
}

function looksLikeFullTask(content: RowCell[]): boolean {
  const roles = new Set(content.map((c) => c.role));
  const key = ['lead', 'deadline', 'output'].filter((r) => roles.has(r as ColumnRole)).length;
  return key >= 2;
}

interface SectionHit {
  id: string;
  title: string;
  top: boolean;
}

/** A section row: a Roman numeral (alone, or before the title) or a sub-section number with a
 * title and nothing else; or an upper-case title alone across the row. */
function sectionOf(
  view: SheetView,
  row: number,
  cells: RowCell[],
  sttCol: number | null,
  firstCol: number,
  lastCol: number,
  sections: SectionInfo[],
): SectionHit | null {
  if (cells.length > 3) return null;
  const first = cells[0];
  const atStart = first.col === firstCol || first.col === sttCol || (sttCol !== null && first.col <= sttCol);
  const rest = cells.slice(1);
  const onlyTitleAfter = rest.length <= 1 || (rest.length === 2 && rest.every((c) => c.role === 'budget' || c.role === 'note'));
  if (atStart && onlyTitleAfter) {
    const alone = SECTION_ALONE_RE.exec(first.text);
    if (alone && isRoman(alone[1]) && rest.length >= 1) return { id: alone[1], title: rest[0].text, top: true };
    const withTitle = SECTION_WITH_TITLE_RE.exec(first.text) ?? SECTION_SPACE_TITLE_RE.exec(first.text);
    if (withTitle && isRoman(withTitle[1]) && rest.length === 0) return { id: withTitle[1], title: withTitle[2].trim(), top: true };
    const sub = SUBSECTION_ALONE_RE.exec(first.text);
    if (sub && rest.length === 1 && rest[0].role !== 'lead' && rest[0].role !== 'deadline' && rest[0].role !== 'output') {
      return { id: sub[1], title: rest[0].text, top: false };
    }
  }
  // An upper-case title alone in a cell merged across most of the row.
  if (cells.length === 1) {
    const m = view.mergeAt(row, first.col);
    const span = m ? m.right - m.left + 1 : 1;
    const letters = first.text.replace(/[^\p{L}]/gu, '');
    if (span >= Math.max(3, (lastCol - firstCol + 1) / 2) && letters.length >= 4 && letters === letters.toUpperCase() && first.text.length <= 150) {
      return { id: nextRoman(sections), title: first.text, top: true };
    }
  }
  return null;
}

const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

function nextRoman(sections: SectionInfo[]): string {
  return ROMANS[sections.length] ?? String(sections.length + 1);
}
