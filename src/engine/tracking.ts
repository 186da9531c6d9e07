/**
 * The tracking block right of the table (validation.md) and the live highlights, as a change set.
 * Columns the plan already has (recognised by their headers) are reused; the user's own columns
 * are only read, never reformatted. Only "Hạn chót" and "Kiểm tra" are rewritten on every run.
 */
import { isoToSerial } from './dates';
import type { CellRange, ChangeSet, ColumnRole, ConditionalFormatRule, FormatChange, Lang, ListValidation, RecognisedTable, TaskRow, TrackingBlock, ValuesWrite } from './model';
import { STATIC_CODES } from './rules';
import { DONE_WORDINGS, STATUS_CHOICES } from './status';
import { roleOfHeader, TRACKING_HEADERS } from './table/header-roles';
import type { SheetView } from './table/sheet-view';
import { a1 } from './a1';

export type TrackingRole = 'status' | 'doneDate' | 'result' | 'dueDate' | 'check';
export const TRACKING_ORDER: readonly TrackingRole[] = ['status', 'doneDate', 'result', 'dueDate', 'check'];

/** Every conditional format the add-in writes carries this tag in its formula. */
export const CF_TAG = 'cchc-plan';

const DATE_FORMAT = 'dd/mm/yyyy';
const HEADER_FILL = '#DDEBF7';
const WIDTHS: Record<TrackingRole, number> = { status: 16, doneDate: 14, result: 32, dueDate: 12, check: 44 };
/** Excel's "Light red fill with dark red text", "Yellow fill with dark yellow text", "Green fill with dark green text". */
export const HIGHLIGHT = {
  overdue: { fill: '#FFC7CE', fontColor: '#9C0006' },
  problem: { fill: '#FFEB9C', fontColor: '#9C5700' },
  done: { fill: '#C6EFCE', fontColor: '#006100' },
} as const;

export interface TrackingPlan extends TrackingBlock {
  /** Roles whose column this run creates. */
  created: TrackingRole[];
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
  const noRoom = created.some((role) => columns[role] > LAST_SHEET_COLUMN);
  return { columns, created, reused: created.length < TRACKING_ORDER.length, ...(noRoom ? { noRoom } : {}) };
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

export interface TrackingInput {
  sheet: string;
  table: RecognisedTable;
  tasks: readonly TaskRow[];
  plan: TrackingPlan;
  lang: Lang;
  date1904: boolean;
}

export function trackingChanges({ sheet, table, tasks, plan, lang, date1904 }: TrackingInput): ChangeSet {
  const writes: ValuesWrite[] = [];
  const formats: FormatChange[] = [];
  const validations: ListValidation[] = [];
  const headerRow = table.headerRows[table.headerRows.length - 1];
  const first = table.firstRow;
  const last = Math.max(table.lastRow, first);
  const col = plan.columns;

  for (const role of plan.created) {
    const c = col[role];
    writes.push({ range: columnRange(c, headerRow, headerRow), values: [[TRACKING_HEADERS[role][lang]]] });
    formats.push({
      range: columnRange(c, table.headerRows[0], headerRow),
      bold: true,
      wrapText: true,
      fill: HEADER_FILL,
      horizontalAlignment: 'center',
      verticalAlignment: 'center',
      border: true,
      columnWidth: WIDTHS[role],
    });
  }
  // The body of the block gets no borders or wrapping: on a 50,000-row plan every styled cell
  // costs in the written file, and Excel formats a typed completion date by itself. Only the
  // due dates, which we write as serials, need a date format.
  if (plan.created.includes('status')) validations.push({ range: columnRange(col.status, first, last), choices: [...STATUS_CHOICES] });
  // "Hạn chót" is ours even when reused: its dates are always shown as dates.
  formats.push({ range: columnRange(col.dueDate, first, last), numberFormat: DATE_FORMAT });

  // Due dates and static issues, one value per table row ("" clears stale values of rows that
  // are no longer tasks).
  const byRow = new Map<number, TaskRow>();
  for (const t of tasks) byRow.set(t.row, t);
  const due: (string | number)[][] = [];
  const check: string[][] = [];
  const serials = new Map<string, number>();
  const serialOf = (iso: string) => {
    let n = serials.get(iso);
    if (n === undefined) serials.set(iso, (n = isoToSerial(iso, date1904)));
    return n;
  };
  for (let r = first; r <= last; r++) {
    const t = byRow.get(r);
    due.push([t?.deadline.due ? serialOf(t.deadline.due) : '']);
    check.push([t ? t.issues.filter((i) => STATIC_CODES.has(i.code) && i.severity !== 'info').map((i) => i.message).join('; ') : '']);
  }
  writes.push({ range: columnRange(col.dueDate, first, last), values: due });
  writes.push({ range: columnRange(col.check, first, last), values: check });

  const rules = highlightRules(table, plan);
  return { sheet, writes, formats, validations, conditionalFormats: { tag: CF_TAG, rules }, sheets: [] };
}

/**
 * Excel documents no length limit for a conditional format's formula, but 255 characters is the
 * documented cap for data-validation formulas and what older Excel and other programs accept;
 * the rules are kept within it.
 */
export const MAX_CF_FORMULA_CHARS = 255;

/** An Excel array constant of texts: {"a","b"}. */
function textArray(words: readonly string[]): string {
  return `{${words.map(excelString).join(',')}}`;
}

/**
 * The done wordings in as few groups as keep `formulaOf(group)` within MAX_CF_FORMULA_CHARS (in
 * order; a single wording too long for any rule would be a bug in the list, and throws).
 */
function doneGroups(formulaOf: (words: readonly string[]) => string): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  for (const w of DONE_WORDINGS) {
    if (current.length > 0 && formulaOf([...current, w]).length > MAX_CF_FORMULA_CHARS) {
      groups.push(current);
      current = [];
    }
    current.push(w);
    if (formulaOf(current).length > MAX_CF_FORMULA_CHARS) throw new Error(`status wording "${w}" does not fit a highlight rule`);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Overdue (red), other problems (yellow), done (green), driven by TODAY(), "Hạn chót",
 * "Tình trạng" and "Kiểm tra", so they stay right on later days and disappear once the problem is
 * fixed and the plan checked again. What a row shows:
 *   done, with a problem in Kiểm tra → yellow;  done otherwise → green (even past its due date);
 *   not done and past due → red;  not done, with a problem → yellow.
 * "Done" is one of every wording validation.md accepts as done (DONE_WORDINGS); a single rule
 * holding them all and the due-date test would pass 255 characters, so the done tests come first,
 * split over as few rules as fit, each stopping the rules after it: the red rule then needs no
 * "not done" part. Every rule stops the next.
 */
function highlightRules(table: RecognisedTable, plan: TrackingPlan): ConditionalFormatRule[] {
  const first = table.firstRow;
  const last = Math.max(table.lastRow, first);
  const right = Math.max(table.lastCol, ...TRACKING_ORDER.map((r) => plan.columns[r]));
  const range: CellRange = { top: first, left: table.firstCol, bottom: last, right };
  // Column fixed, row relative: each row of the range tests its own cells.
  const ref = (role: ColumnRole & TrackingRole) => a1(first, plan.columns[role], 'col');
  const status = ref('status');
  const problem = `LEN(${ref('check')})>0`;
  const tag = (name: string) => `N(${excelString(`${CF_TAG}:${name}`)})=0`;
  const done = (words: readonly string[]) => `OR(TRIM(${status})=${textArray(words)})`;
  // The longer of the two done rules decides the groups (the tag's number: two digits at most).
  const groups = doneGroups((words) => `=AND(${tag('done-problem-00')},${problem},${done(words)})`);
  const numbered = groups.map((words, i) => ({ words, n: i + 1 }));
  return [
    ...numbered.map(({ words, n }) => ({ range, formula: `=AND(${tag(`done-problem-${n}`)},${problem},${done(words)})`, ...HIGHLIGHT.problem, stopIfTrue: true })),
    ...numbered.map(({ words, n }) => ({ range, formula: `=AND(${tag(`done-${n}`)},${done(words)})`, ...HIGHLIGHT.done, stopIfTrue: true })),
    { range, formula: `=AND(${tag('overdue')},ISNUMBER(${ref('dueDate')}),${ref('dueDate')}<TODAY())`, ...HIGHLIGHT.overdue, stopIfTrue: true },
    { range, formula: `=AND(${tag('problem')},${problem})`, ...HIGHLIGHT.problem, stopIfTrue: true },
  ];
}
