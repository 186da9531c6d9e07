/**
 * The tracking block right of the table (validation.md) and the live highlights, as a change set.
 * Columns the plan already has (recognised by their headers) are reused; the user's own columns
 * are only read, never reformatted. Only "Hạn chót" and "Kiểm tra" are rewritten on every run.
 */
import { isoToSerial } from './dates';
import type { CellRange, ChangeSet, ConditionalFormatRule, FormatChange, FormulaFill, ISODate, Issue, Lang, ListValidation, PageSetup, RecognisedTable, RowHeightChange, Span, TaskRow, TrackingBlock, ValuesWrite } from './model';
import { filledWidths, heightForLines, linesHeld, printChange, printedColumns, roomyWidth, wrappedLines, type PrintInput } from './print';
import { STATIC_CODES } from './rules';
import { DONE_WORDINGS, STATUS_CHOICES } from './status';
import { roleOfHeader, TRACKING_HEADERS } from './table/header-roles';
import type { SheetView } from './table/sheet-view';
import { a1 } from './a1';
import { AS_OF_LABEL_TEXT, AS_OF_NAME, DONE_NAME, HELPER_HEADER, placeAsOf, type AsOfPlace } from './as-of';

export type TrackingRole = 'status' | 'doneDate' | 'result' | 'dueDate' | 'check';
export const TRACKING_ORDER: readonly TrackingRole[] = ['status', 'doneDate', 'result', 'dueDate', 'check'];

/** Every conditional format the add-in writes carries this tag in its formula. */
export const CF_TAG = 'cchc-plan';

const DATE_FORMAT = 'dd/mm/yyyy';
const HEADER_FILL = '#DDEBF7';
/** Column widths in characters: a status word or a dd/mm/yyyy date on one line at up to 13 pt, a
 * sentence a line in "Kiểm tra"; never less than the header needs on one line (headerWidth). */
const WIDTHS: Record<TrackingRole, number> = { status: 16, doneDate: 14, result: 32, dueDate: 14, check: 44 };

/** Characters of column width a bold header of up to 13 pt takes per letter, plus padding. */
const HEADER_LETTER = 1.3;
const HEADER_PADDING = 2;

/** A tracking column's width: its own, or wider when its header needs it to stay on one line. */
export function columnWidthOf(role: TrackingRole, lang: Lang): number {
  return Math.max(WIDTHS[role], Math.ceil(TRACKING_HEADERS[role][lang].length * HEADER_LETTER) + HEADER_PADDING);
}
/** Excel's "Light red fill with dark red text", "Yellow fill with dark yellow text", "Green fill with dark green text". */
export const HIGHLIGHT = {
  overdue: { fill: '#FFC7CE', fontColor: '#9C0006' },
  problem: { fill: '#FFEB9C', fontColor: '#9C5700' },
  done: { fill: '#C6EFCE', fontColor: '#006100' },
} as const;

export interface TrackingPlan extends TrackingBlock {
  /** Roles whose column this run creates. */
  created: TrackingRole[];
  /** The hidden helper column right of the block: 1 where the status is done, else 0. */
  helper: number;
  /** The helper column was found (a later run): its header is there already. */
  helperFound: boolean;
  /** The as-of cell and its label. */
  asOf: AsOfPlace;
}

/** Excel's last column, XFD (0-based). */
export const LAST_SHEET_COLUMN = 16_383;

/** Roles whose column the tool writes into ("Hạn chót", "Kiểm tra"); the others it only reads. */
const WRITTEN_ROLES: ReadonlySet<TrackingRole> = new Set(['dueDate', 'check']);

/**
 * Where each tracking column goes. A column of the table is reused when its header names that
 * tracking column; a role the user's correction put on a column named otherwise is still read
 * from it when the tool writes nothing there (status, done date, result), but "Hạn chót" and
 * "Kiểm tra", which are rewritten on every run, get columns of their own — the user's cells are
 * never written over. New columns go in the first columns right of the table that are empty,
 * not hidden and free of the user's data validation; past XFD there is no room (`noRoom`).
 */
export function placeTracking(view: SheetView, table: RecognisedTable): TrackingPlan {
  const columns = {} as Record<TrackingRole, number>;
  const created: TrackingRole[] = [];
  let next = table.lastCol + 1;
  for (const role of TRACKING_ORDER) {
    const existing = reusableColumn(table, role);
    if (existing === undefined) continue;
    columns[role] = existing;
    next = Math.max(next, existing + 1);
  }
  const free = freeColumnTest(view, table.headerRows[0], Math.max(table.lastRow, table.firstRow));
  for (const role of TRACKING_ORDER) {
    if (columns[role] !== undefined) continue;
    while (next <= LAST_SHEET_COLUMN && !free(next)) next++;
    columns[role] = next;
    created.push(role);
    next++;
  }
  const { helper, found } = helperColumn(view, table, columns, free);
  const asOf = placeAsOf(view, table, columns, helper);
  const noRoom = created.some((role) => columns[role] > LAST_SHEET_COLUMN) || helper > LAST_SHEET_COLUMN || asOf.valueCol > LAST_SHEET_COLUMN;
  return { columns, created, reused: created.length < TRACKING_ORDER.length, helper, helperFound: found, asOf, ...(noRoom ? { noRoom } : {}) };
}

/** The helper column: the one right of the block whose header is the helper's (a later run),
 * else the first free column right of the block (empty, not hidden, no user validation). */
function helperColumn(view: SheetView, table: RecognisedTable, columns: Record<TrackingRole, number>, free: (col: number) => boolean): { helper: number; found: boolean } {
  const headerRow = table.headerRows[table.headerRows.length - 1];
  let col = Math.max(...TRACKING_ORDER.map((r) => columns[r])) + 1;
  const isHelper = (c: number) => ([HELPER_HEADER.vi, HELPER_HEADER.en] as string[]).includes(view.text(headerRow, c));
  for (; col <= LAST_SHEET_COLUMN; col++) {
    if (isHelper(col)) return { helper: col, found: true };
    if (free(col)) return { helper: col, found: false };
  }
  return { helper: col, found: false };
}

/** The table's column for a tracking role: the role's column unless the tool writes into it and
 * its header does not name the role; then a column whose header names it (the one an earlier
 * run made), if any. */
function reusableColumn(table: RecognisedTable, role: TrackingRole): number | undefined {
  const named = (col: number) => roleOfHeader(table.headers[col] ?? '') === role;
  const existing = table.columns[role];
  if (existing !== undefined && (!WRITTEN_ROLES.has(role) || named(existing))) return existing;
  const other = Object.keys(table.headers).map(Number).find((c) => c !== existing && named(c));
  return other;
}

/** Whether a column, rows top…bottom, can take a new tracking column. */
function freeColumnTest(view: SheetView, top: number, bottom: number): (col: number) => boolean {
  const hidden = new Set(view.grid.hiddenCols ?? []);
  const validated = (view.grid.validatedRanges ?? []).filter((r) => r.bottom >= top && r.top <= bottom);
  return (col) => {
    if (hidden.has(col)) return false;
    if (validated.some((r) => r.left <= col && col <= r.right)) return false;
    if (col >= view.endCol) return true;
    for (let r = top; r <= bottom; r++) {
      if (view.text(r, col) !== '' || view.isCovered(r, col)) return false;
    }
    return true;
  };
}

/** The cells of one column, rows top…bottom. */
function columnRange(col: number, top: number, bottom: number): CellRange {
  return { top, left: col, bottom, right: col };
}

function excelString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** An Excel array constant of texts: {"a","b"}. */
function textArray(words: readonly string[]): string {
  return `{${words.map(excelString).join(',')}}`;
}

export interface TrackingInput {
  sheet: string;
  table: RecognisedTable;
  /** In row order, at most one per row (as the body scan lists them). */
  tasks: readonly TaskRow[];
  plan: TrackingPlan;
  lang: Lang;
  date1904: boolean;
  /** What the as-of cell holds: live (=TODAY()) or this fixed day. */
  asOfCell: 'live' | { fixed: ISODate };
  /** How the sheet prints, when the host read it, with the columns that hold something and the
   * hidden ones: the printout is extended over the block (print.ts). */
  page?: { setup: PageSetup; used: Span; hiddenCols: readonly number[] };
  /** Heights of the rows the user sized (Grid.rowHeights): those too low for their "Kiểm tra"
   * text grow. */
  rowHeights?: Record<number, number>;
}

export function trackingChanges({ sheet, table, tasks, plan, lang, date1904, asOfCell, page, rowHeights }: TrackingInput): ChangeSet {
  const writes: ValuesWrite[] = [];
  const formats: FormatChange[] = [];
  const validations: ListValidation[] = [];
  const headerRow = table.headerRows[table.headerRows.length - 1];
  const first = table.firstRow;
  const last = Math.max(table.lastRow, first);
  const col = plan.columns;
  const widths = createdWidths(table, plan, page, lang);

  // The block looks like the table it extends: the font of the table's column beside it, thin
  // borders, top alignment, wrapped text. Only the columns the tool creates are styled: the
  // user's own columns are never reformatted.
  const beside = plan.created.length > 0 ? Math.min(...plan.created.map((r) => col[r])) - 1 : -1;
  const like = (row: number) => (beside >= table.firstCol ? { fontLike: { row, col: beside } } : {});
  const bodyRow = tasks[0]?.row ?? first;
  for (const role of plan.created) {
    const c = col[role];
    writes.push({ range: columnRange(c, headerRow, headerRow), values: [[TRACKING_HEADERS[role][lang]]] });
    formats.push({
      range: columnRange(c, table.headerRows[0], headerRow),
      ...like(headerRow),
      bold: true,
      wrapText: true,
      fill: HEADER_FILL,
      horizontalAlignment: 'center',
      verticalAlignment: 'center',
      border: true,
      columnWidth: widths[role],
    });
  }
  // The body, one format per run of adjacent created columns: a range format in Excel, and in
  // a file one style shared by every cell of the run.
  // The numbering row under the header ("(1) (2) …") is part of the grid too.
  const bodyTop = table.numberingRow ?? first;
  for (const run of adjacentRuns(plan.created.map((r) => col[r]))) {
    formats.push({ range: { top: bodyTop, left: run.first, bottom: last, right: run.last }, ...like(bodyRow), border: true, verticalAlignment: 'top', wrapText: true });
  }
  if (plan.created.includes('status')) validations.push({ range: columnRange(col.status, first, last), choices: [...STATUS_CHOICES] });
  // "Hạn chót" is ours even when reused: its dates are always shown as dates.
  formats.push({ range: columnRange(col.dueDate, first, last), numberFormat: DATE_FORMAT });

  // Due dates and static issues, one value per table row ("" clears stale values of rows that
  // are no longer tasks).
  const due: (string | number)[][] = [];
  const check: string[][] = [];
  const serials = new Map<string, number>();
  const checkTexts = new CheckTexts();
  const serialOf = (iso: string) => {
    let n = serials.get(iso);
    if (n === undefined) serials.set(iso, (n = isoToSerial(iso, date1904)));
    return n;
  };
  // Tasks come in row order, one per row (scanBody): walk them beside the rows.
  let next = 0;
  for (let r = first; r <= last; r++) {
    while (next < tasks.length && tasks[next].row < r) next++;
    const t = next < tasks.length && tasks[next].row === r ? tasks[next] : undefined;
    due.push([t?.deadline.due ? serialOf(t.deadline.due) : '']);
    check.push([t ? checkTexts.of(t.issues) : '']);
  }
  writes.push({ range: columnRange(col.dueDate, first, last), values: due });
  writes.push({ range: columnRange(col.check, first, last), values: check });

  const formulas: FormulaFill[] = [];
  helperChanges(plan, { top: first, bottom: last, header: headerRow }, lang, { writes, formats, formulas });
  asOfChanges(plan.asOf, asOfCell, lang, date1904, { writes, formats, formulas });
  const rules = highlightRules(table, plan);
  const grown = rowHeights ? grownRows(check, first, rowHeights, checkWidth(plan, widths, page?.setup)) : [];
  return {
    sheet,
    writes,
    formats,
    validations,
    conditionalFormats: { tag: CF_TAG, rules },
    sheets: [],
    formulas,
    names: [
      { name: AS_OF_NAME, refersTo: { cell: { row: plan.asOf.row, col: plan.asOf.valueCol } } },
      { name: DONE_NAME, refersTo: { formula: doneListFormula() } },
    ],
    ...(page ? { print: printChange(printInputOf(table, plan, page, widths)) } : {}),
    ...(grown.length > 0 ? { rowHeights: grown } : {}),
  };
}

/** An issue "Kiểm tra" shows: a static problem, not a note (nor a date-dependent issue). */
function shownInCheck(i: Issue): boolean {
  return STATIC_CODES.has(i.code) && i.severity !== 'info';
}

/**
 * What "Kiểm tra" says of a task: the messages of the issues it shows, joined by "; ", one
 * string for every task with the same issues. The issues of an analysis are one object per
 * distinct issue (IssueMessages.issue), so a list is known by its objects: a tree keyed by
 * them, not a new string per task — the copy then makes each text's cell once, without hashing
 * thousands of equal strings again.
 */
class CheckTexts {
  private readonly root: CheckNode = { text: '', next: null };

  of(issues: readonly Issue[]): string {
    let node = this.root;
    for (const i of issues) {
      if (!shownInCheck(i)) continue;
      const next = (node.next ??= new Map());
      let child = next.get(i);
      if (!child) next.set(i, (child = { text: node === this.root ? i.message : `${node.text}; ${i.message}`, next: null }));
      node = child;
    }
    return node.text;
  }
}

interface CheckNode {
  text: string;
  /** The lists one issue longer, by that issue (made when the first is met). */
  next: Map<Issue, CheckNode> | null;
}

/** Width in points of the "Kiểm tra" column: the tool's when it creates it, else the sheet's. */
function checkWidth(plan: TrackingPlan, widths: Partial<Record<TrackingRole, number>>, setup: PageSetup | undefined): number {
  const perCharacter = setup?.characterWidth ?? 5.25;
  if (plan.created.includes('check') || !setup) return (widths.check ?? WIDTHS.check) * perCharacter;
  return setup.columnWidths[plan.columns.check] ?? setup.defaultColumnWidth;
}

/** Rows the user sized too low to show their "Kiểm tra" text whole, with the height it needs
 * (rows of automatic height are fitted by the program). */
function grownRows(check: string[][], first: number, heights: Record<number, number>, width: number): RowHeightChange[] {
  const out: RowHeightChange[] = [];
  check.forEach(([text], i) => {
    const row = first + i;
    const before = heights[row];
    if (text === '' || before === undefined) return;
    const lines = wrappedLines(text, width);
    if (lines <= linesHeld(before)) return;
    const height = heightForLines(lines);
    if (height > before) out.push({ row, height, before });
  });
  return out;
}

/** Consecutive column numbers as spans: [9, 10, 12] → 9–10, 12–12. */
function adjacentRuns(cols: number[]): Span[] {
  const sorted = [...cols].sort((a, b) => a - b);
  const runs: Span[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.last === c - 1) last.last = c;
    else runs.push({ first: c, last: c });
  }
  return runs;
}

/** What print.ts needs to know of the block and the table. */
function printInputOf(table: RecognisedTable, plan: TrackingPlan, page: NonNullable<TrackingInput['page']>, widths: Partial<Record<TrackingRole, number>>): PrintInput {
  const cols = TRACKING_ORDER.map((r) => plan.columns[r]);
  const created = plan.created.map((r) => plan.columns[r]);
  // Widths in points of the columns this run creates.
  const blockWidths: Record<number, number> = {};
  for (const role of plan.created) blockWidths[plan.columns[role]] = (widths[role] ?? WIDTHS[role]) * page.setup.characterWidth;
  return {
    page: page.setup,
    table,
    hiddenCols: page.hiddenCols,
    printed: printedColumns(page.setup, page.used.first, page.used.last, created.length > 0 ? Math.min(...created) : null),
    block: { first: Math.min(...cols), last: Math.max(...cols) },
    blockWidths,
    taskCol: table.columns.task ?? table.columns.activity ?? table.columns.stt ?? table.firstCol,
  };
}

/** "Kiểm tra" is at most this wide (characters) when its page leaves room. */
const MAX_CHECK_WIDTH = 80;

/** Widths in characters of the columns this run creates: each its own (columnWidthOf), and
 * "Kiểm tra", when the page setup is known, as wide as its page leaves room for (print.ts
 * roomyWidth, up to 80) — its sentences then need fewer lines, and fewer rows grow. A copy
 * fitted to more pages across than the original needs its block's pages filled (print.ts
 * filledWidths), or a program would print it larger than the original: then "Kiểm tra" (and
 * "Kết quả thực hiện" on a page of its own, or beyond Excel's widest column) take all the room,
 * and a short column a page without either. */
function createdWidths(table: RecognisedTable, plan: TrackingPlan, page: TrackingInput['page'], lang: Lang): Partial<Record<TrackingRole, number>> {
  const widths: Partial<Record<TrackingRole, number>> = {};
  for (const role of plan.created) widths[role] = columnWidthOf(role, lang);
  if (!page) return widths;
  // The text columns take the room: "Kiểm tra" first, then "Kết quả thực hiện".
  const stretchable = (['check', 'result'] as const).filter((r) => plan.created.includes(r));
  // A page of the block without either (the short columns pushed to a page of their own by
  // repeated task columns) is filled by one of those.
  const others = (['doneDate', 'dueDate', 'status'] as const).filter((r) => plan.created.includes(r));
  const filled = filledWidths(printInputOf(table, plan, page, widths), stretchable.map((r) => plan.columns[r]), others.map((r) => plan.columns[r]));
  if (filled) {
    for (const role of [...stretchable, ...others]) widths[role] = filled[plan.columns[role]] ?? widths[role];
  } else if (plan.created.includes('check')) {
    const min = widths.check!;
    widths.check = roomyWidth(printInputOf(table, plan, page, widths), plan.columns.check, min, Math.max(min, MAX_CHECK_WIDTH));
  }
  return widths;
}

interface Out {
  writes: ValuesWrite[];
  formats: FormatChange[];
  formulas: FormulaFill[];
}

/** The hidden helper column: its header (how a later run finds it) and one formula per row. */
function helperChanges(plan: TrackingPlan, rows: { top: number; bottom: number; header: number }, lang: Lang, out: Out): void {
  const c = plan.helper;
  if (!plan.helperFound) out.writes.push({ range: columnRange(c, rows.header, rows.header), values: [[HELPER_HEADER[lang]]] });
  out.formats.push({ range: columnRange(c, rows.header, rows.header), columnHidden: true });
  const status = plan.columns.status;
  out.formulas.push({
    range: columnRange(c, rows.top, rows.bottom),
    formula: helperFormula(a1(rows.top, status, 'col')),
    formulaR1C1: helperFormula(`RC${status + 1}`),
  });
}

/** "Tính đến ngày" and its cell: =TODAY() (live) or the fixed day. */
function asOfChanges(place: AsOfPlace, asOfCell: TrackingInput['asOfCell'], lang: Lang, date1904: boolean, out: Out): void {
  const { row, labelCol, valueCol } = place;
  out.writes.push({ range: columnRange(labelCol, row, row), values: [[AS_OF_LABEL_TEXT[lang]]] });
  out.formats.push({ range: columnRange(labelCol, row, row), bold: true, horizontalAlignment: 'right' });
  const cell = columnRange(valueCol, row, row);
  out.formats.push({ range: cell, numberFormat: DATE_FORMAT, bold: true, horizontalAlignment: 'center', border: true });
  if (asOfCell === 'live') out.formulas.push({ range: cell, formula: '=TODAY()', formulaR1C1: '=TODAY()' });
  else out.writes.push({ range: cell, values: [[isoToSerial(asOfCell.fixed, date1904)]] });
}

/**
 * Excel documents no length limit for a conditional format's formula, but 255 characters is the
 * documented cap for data-validation formulas and what older Excel and other programs accept;
 * the rules are kept within it (they compare the helper column's code, whatever the wordings).
 */
export const MAX_CF_FORMULA_CHARS = 255;

/**
 * Overdue (red), other problems (yellow), done (green), driven by the as-of cell (CCHC_AsOf),
 * "Hạn chót", the helper column's done code and "Kiểm tra", so they stay right on later days
 * and disappear once the problem is fixed and the plan checked again. What a row shows:
 *   done, with a problem in Kiểm tra → yellow;  done otherwise → green (even past its due date);
 *   not done and due before the as-of day → red (the check's "overdue");  not done, with a
 *   problem → yellow.  Due soon is not painted: the pane and the report list it.
 * Every rule stops the next.
 */
function highlightRules(table: RecognisedTable, plan: TrackingPlan): ConditionalFormatRule[] {
  const range = highlightRange(table, plan);
  // Column fixed, row relative: each row of the range tests its own cells.
  const ref = (col: number) => a1(range.top, col, 'col');
  const done = `${ref(plan.helper)}=1`;
  const problem = `LEN(${ref(plan.columns.check)})>0`;
  const due = ref(plan.columns.dueDate);
  const tag = (name: string) => `N(${excelString(`${CF_TAG}:${name}`)})=0`;
  return [
    { range, formula: `=AND(${tag('done-problem')},${done},${problem})`, ...HIGHLIGHT.problem, stopIfTrue: true },
    { range, formula: `=AND(${tag('done')},${done})`, ...HIGHLIGHT.done, stopIfTrue: true },
    { range, formula: `=AND(${tag('overdue')},ISNUMBER(${due}),${due}<${AS_OF_NAME})`, ...HIGHLIGHT.overdue, stopIfTrue: true },
    { range, formula: `=AND(${tag('problem')},${problem})`, ...HIGHLIGHT.problem, stopIfTrue: true },
  ];
}

/** The rows of the table, from its first column to the block's last visible one. */
export function highlightRange(table: RecognisedTable, plan: TrackingPlan | TrackingBlock): CellRange {
  const first = table.firstRow;
  const last = Math.max(table.lastRow, first);
  const right = Math.max(table.lastCol, ...TRACKING_ORDER.map((r) => plan.columns[r]));
  return { top: first, left: table.firstCol, bottom: last, right };
}

/**
 * The helper column's formula for the row of `ref` (the status cell): 1 when the status is
 * done, else 0 — a number of 1 or more (100 %, a ticked box) or one of the done wordings of
 * validation.md (the sheet's CCHC_Done list; MATCH ignores case, TRIM the spaces around).
 */
export function helperFormula(statusRef: string): string {
  return `=N(OR(N(${statusRef})>=1,ISNUMBER(MATCH(TRIM(${statusRef}),${DONE_NAME},0))))`;
}

/** The done wordings as the constant of the CCHC_Done name. */
export function doneListFormula(): string {
  return `=${textArray(DONE_WORDINGS)}`;
}
