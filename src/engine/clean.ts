/**
 * Taking it back (validation.md, "Taking it back"): the changes that remove what the tool added
 * to a sheet, as a change set.
 *
 * - 'highlights' removes the add-in's conditional formats (those whose formula holds CF_TAG) and
 *   nothing else.
 * - 'block' removes the highlights and the tracking block: the tracking columns the tool created
 *   (the workbook's record says which, TrackingRecord), their header cells and drop-down, the
 *   hidden helper column, the as-of cell and its label, and the names CCHC_AsOf and CCHC_Done.
 *   A tracking column of the user's that the block reused is never on record, so never removed;
 *   without a record no column is removed (unrecorded).
 *
 * Removed cells lose value and format, as if never written. Statuses, completion dates and
 * results typed in removed columns are counted (`lost`): the callers ask before losing them.
 */
import type { CellRange, ChangeSet, PageSetup, PrintSettings, RecognisedTable, Removals, RowHeightChange, TakenWidths } from './model';
import { hasPrintSettings, undoPrint } from './print';
import { AS_OF_NAME, DONE_NAME, isBlockAddition } from './as-of';
import type { TrackingRecord, WorkbookState } from './settings';
import { TRACKING_HEADERS } from './table/header-roles';
import { normaliseHeader } from './table/header-roles';
import type { SheetView } from './table/sheet-view';
import { CF_TAG, placeTracking, TRACKING_ORDER, type TrackingPlan, type TrackingRole } from './tracking';

export type CleanScope = 'highlights' | 'block';

/** Filled cells of the removed columns, table rows only. */
export interface LostCells {
  statuses: number;
  doneDates: number;
  results: number;
}

export interface CleanPlan {
  scope: CleanScope;
  changes: ChangeSet;
  lost: LostCells;
  /** Sheet columns of tracking columns removed (created by the tool, on record). */
  removedColumns: number[];
  /** Tracking columns found and kept: the user's own, reused by the block, or not on record. */
  keptColumns: number[];
  /** A tracking column of the tool's was found but the workbook holds no record of what the
   * tool created: no column was removed. */
  unrecorded: boolean;
  /** Something of the block is on the sheet (a tracking column, the helper, the as-of cell). */
  blockFound: boolean;
}

export interface CleanInput {
  sheet: string;
  view: SheetView;
  table: RecognisedTable;
  /** The workbook's record for this sheet, when it has one. */
  record: TrackingRecord | undefined;
  scope: CleanScope;
}

/** One pixel at 96 dpi, in points. */
const PIXEL_POINTS = 0.75;

const NO_LOSS: LostCells = { statuses: 0, doneDates: 0, results: 0 };
const LOST_KEY: Partial<Record<TrackingRole, keyof LostCells>> = { status: 'statuses', doneDate: 'doneDates', result: 'results' };

export function totalLost(lost: LostCells): number {
  return lost.statuses + lost.doneDates + lost.results;
}

/** The header text the tool writes for a role, in either language, is the column's header. */
function hasToolHeader(view: SheetView, row: number, col: number, role: TrackingRole): boolean {
  const text = normaliseHeader(view.text(row, col));
  return text === normaliseHeader(TRACKING_HEADERS[role].vi) || text === normaliseHeader(TRACKING_HEADERS[role].en);
}

function column(col: number, top: number, bottom: number): CellRange {
  return { top, left: col, bottom, right: col };
}

export function cleanPlan({ sheet, view, table, record, scope }: CleanInput): CleanPlan {
  const highlightsOnly: ChangeSet = { sheet, writes: [], formats: [], validations: [], conditionalFormats: { tag: CF_TAG, rules: [] }, sheets: [] };
  const plan = placeTracking(view, table);
  const headerRow = table.headerRows[table.headerRows.length - 1];
  const top = table.headerRows[0];
  const bottom = Math.max(table.lastRow, table.firstRow);

  const toolColumns = TRACKING_ORDER.filter((role) => !plan.created.includes(role) && hasToolHeader(view, headerRow, plan.columns[role], role));
  const found = TRACKING_ORDER.filter((role) => !plan.created.includes(role)).map((role) => plan.columns[role]);
  const asOfFound = isBlockAddition(view.text(plan.asOf.row, plan.asOf.labelCol));
  const blockFound = toolColumns.length > 0 || plan.helperFound || asOfFound;
  const unrecorded = record === undefined && toolColumns.length > 0;
  if (scope === 'highlights') {
    return { scope, changes: highlightsOnly, lost: NO_LOSS, removedColumns: [], keptColumns: found, unrecorded: false, blockFound };
  }

  const removing = toolColumns.filter((role) => record?.created.includes(role));
  const removals: Removals = { cells: [], columns: [], names: [AS_OF_NAME, DONE_NAME], validations: [] };
  const lost = { ...NO_LOSS };
  for (const role of removing) {
    const col = plan.columns[role];
    removals.cells.push(column(col, top, bottom));
    removals.columns.push(col);
    const key = LOST_KEY[role];
    if (key) for (let r = table.firstRow; r <= bottom; r++) if (view.text(r, col) !== '') lost[key]++;
    // The drop-down the tool put on the status column it created, over the table's rows.
    if (role === 'status') removals.validations.push(column(col, table.firstRow, bottom));
  }
  if (plan.helperFound) {
    removals.cells.push(column(plan.helper, headerRow, bottom));
    removals.columns.push(plan.helper);
  }
  // The columns get back the width they had before the block took them, when on record.
  const widths: Record<number, number> = {};
  for (const role of removing) if (record?.widths?.[role] !== undefined) widths[plan.columns[role]] = record.widths[role];
  if (plan.helperFound && record?.widths?.helper !== undefined) widths[plan.helper] = record.widths.helper;
  if (Object.keys(widths).length > 0) removals.widths = widths;
  if (asOfFound) {
    const { row, labelCol, valueCol } = plan.asOf;
    removals.cells.push({ top: row, left: labelCol, bottom: row, right: valueCol });
  }
  const removedColumns = removing.map((role) => plan.columns[role]);
  // Rows the tool grew get their height back, while they still have the tool's — to a pixel:
  // Excel keeps a row's height in whole pixels (0.75 pt at 96 dpi), not always the points set.
  const heights = view.grid.rowHeights ?? {};
  const toolHeight = (r: { row: number; after: number }) => heights[r.row] !== undefined && Math.abs(heights[r.row] - r.after) < PIXEL_POINTS;
  const rowHeights: RowHeightChange[] = (record?.rows ?? []).filter(toolHeight).map((r) => ({ row: r.row, height: r.before, before: r.after }));
  return {
    scope,
    changes: { ...highlightsOnly, removals, ...(record?.print ? { print: undoPrint(record.print) } : {}), ...(rowHeights.length > 0 ? { rowHeights } : {}) },
    lost,
    removedColumns,
    keptColumns: found.filter((c) => !removedColumns.includes(c)),
    unrecorded,
    blockFound,
  };
}

/** The widths of their own (Grid.page, where the host read it) of the columns a check takes:
 * the tracking columns it creates, and the helper column the first time. */
export function takenWidths(plan: TrackingPlan, page: PageSetup | undefined): TakenWidths | undefined {
  if (!page) return undefined;
  const out: TakenWidths = {};
  for (const role of plan.created) if (page.columnWidths[plan.columns[role]] !== undefined) out[role] = page.columnWidths[plan.columns[role]];
  if (!plan.helperFound && page.columnWidths[plan.helper] !== undefined) out.helper = page.columnWidths[plan.helper];
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The state with what a check adds recorded for the sheet: the columns it creates with the
 * widths they had, and the print settings it changes as they were (the first time only: a later
 * check changes what the first one set, not the user's); null when the record already says so
 * (nothing to store). */
export function stateWithCreated(state: WorkbookState, sheet: string, created: readonly TrackingRole[], printBefore?: PrintSettings, grown: readonly RowHeightChange[] = [], taken: TakenWidths = {}): WorkbookState | null {
  const record = state.tracking[sheet];
  const before = record?.created ?? [];
  const roles = TRACKING_ORDER.filter((r) => before.includes(r) || created.includes(r));
  const print = record?.print === undefined && printBefore && hasPrintSettings(printBefore) ? printBefore : undefined;
  // A row grown again keeps the height it had before the first time.
  const rows = new Map((record?.rows ?? []).map((r) => [r.row, r]));
  for (const g of grown) rows.set(g.row, { row: g.row, before: rows.get(g.row)?.before ?? g.before, after: g.height });
  // A column's width is the user's only when the tool takes it: roles new to the record, and the
  // helper column when there is no record yet.
  const widths: TakenWidths = { ...record?.widths };
  for (const role of created) if (!before.includes(role) && taken[role] !== undefined) widths[role] = taken[role];
  if (!record && taken.helper !== undefined) widths.helper = taken.helper;
  if (roles.length === before.length && print === undefined && grown.length === 0) return null;
  const sorted = [...rows.values()].sort((a, b) => a.row - b.row);
  const entry = { ...record, created: roles, ...(print ? { print } : {}), ...(sorted.length > 0 ? { rows: sorted } : {}), ...(Object.keys(widths).length > 0 ? { widths } : {}) };
  return { ...state, tracking: { ...state.tracking, [sheet]: entry } };
}

/** The state without the sheet's record (the block was taken back); null when it had none. */
export function stateWithoutRecord(state: WorkbookState, sheet: string): WorkbookState | null {
  if (!(sheet in state.tracking)) return null;
  const tracking = { ...state.tracking };
  delete tracking[sheet];
  return { ...state, tracking };
}
