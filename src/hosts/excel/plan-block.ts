/**
 * The operations of a change set beyond cells and formats (plan.ts): taking the block back
 * (Removals), the printout (PrintChange, docs/printing.md), row heights and the workbook's
 * stored state. Checked when planned, like the rest; each is a handful of calls whatever the
 * row count.
 *
 * Excel APIs relied on (all modelled by src/testing/fake-excel):
 *   Range.clear("All") (ExcelApi 1.1) — values, formulas and formats go;
 *   RangeFormat.useStandardWidth = true (1.1) — the columns take the standard width again;
 *   RangeFormat.columnWidth (1.2, points) — or the width they had before the block took them;
 *   Range.columnHidden (1.2); DataValidation.clear() (1.8) — only the range's own cells;
 *   NamedItem.delete() (1.4); PageLayout.zoom, setPrintArea, setPrintTitleRows,
 *   setPrintTitleColumns (1.9); the print titles cleared by deleting the sheet's name
 *   "Print_Titles", as Excel keeps them (the API has no call to clear them);
 *   RangeFormat.rowHeight (1.1); the state sheet as host.ts writes it, or, when nothing is
 *   left to remember, deleted: Worksheet.visibility = "Hidden" (1.2) first, as Worksheet.delete
 *   (1.1) "will fail with an InvalidOperation exception" on a very hidden sheet ("You should
 *   first change its visibility to hidden or visible before deleting it", its JSDoc).
 */
import { MAX_COLS, a1Range, wholeColumns, wholeRows } from '../../engine/a1';
import type { CellRange, ChangeSet, PageSetup, PrintSettings, RowHeightChange } from '../../engine/model';
import { isEmptyState, STATE_SHEET_NAME, type WorkbookState } from '../../engine/settings';
import { ChangeSetError } from '../change-set-error';
import { MAX_CELL_TEXT, OP_OVERHEAD_BYTES } from './payload';
import type { PlannedOp } from './planned-op';

export interface BlockPlanContext {
  sheetName: string;
  /** Names scoped to the sheet, from the read. */
  sheetNames: readonly string[];
  /** How the sheet prints now, from the read. */
  page?: PageSetup;
  /** The state sheet, when the workbook has one; whether the structure is protected. */
  stateSheet: string | null;
  structureProtected: boolean;
  /** Rows the sheet uses (pages tall never bind above this many). */
  usedRows: number;
}

function address(r: CellRange, what: string): string {
  if (!(r.top >= 0 && r.left >= 0 && r.top <= r.bottom && r.left <= r.right && r.right < MAX_COLS)) throw new ChangeSetError(`${what}: ${JSON.stringify(r)} is not a range of the sheet`);
  return a1Range(r);
}

/** Taking the block back: cells emptied of value and format, columns given back their standard
 * width and shown, the names and the drop-down removed. */
export function removalOps(changes: ChangeSet, ctx: BlockPlanContext): PlannedOp[] {
  const removals = changes.removals;
  if (!removals) return [];
  const name = ctx.sheetName;
  const ops: PlannedOp[] = [];
  for (const r of removals.cells) {
    const a = address(r, 'removal');
    ops.push({ label: `clear ${a}`, bytes: OP_OVERHEAD_BYTES, queue: ({ sheet }) => sheet(name).getRange(a).clear('All') });
  }
  for (const col of removals.columns) {
    const a = address(wholeColumns(col, col), 'column');
    const width = removals.widths?.[col];
    if (width !== undefined && !(width >= 0 && width <= 255 * 7.5)) throw new ChangeSetError(`column width ${width} points`);
    ops.push({
      label: `${width === undefined ? 'standard width' : `width ${width}`} ${a}`,
      bytes: OP_OVERHEAD_BYTES * 2,
      queue: ({ sheet }) => {
        const range = sheet(name).getRange(a);
        if (width === undefined) range.format.useStandardWidth = true;
        else range.format.columnWidth = width;
        range.columnHidden = false;
      },
    });
  }
  for (const v of removals.validations) {
    const a = address(v, 'validation');
    ops.push({ label: `clear validation ${a}`, bytes: OP_OVERHEAD_BYTES, queue: ({ sheet }) => sheet(name).getRange(a).dataValidation.clear() });
  }
  for (const n of removals.names) {
    const found = ctx.sheetNames.find((x) => x.toUpperCase() === n.toUpperCase());
    if (found) ops.push({ label: `delete name ${found}`, bytes: OP_OVERHEAD_BYTES, queue: ({ sheet }) => sheet(name).names.getItem(found).delete() });
  }
  return ops;
}

/** The zoom as PageLayoutZoomOptions: a fit "as many pages down as needed" (0 in the file) is
 * not a documented value, so it becomes a count of pages down that cannot bind. */
function zoomOptions(zoom: NonNullable<PrintSettings['zoom']>, usedRows: number): Excel.PageLayoutZoomOptions {
  if ('scale' in zoom) return { scale: zoom.scale };
  return { horizontalFitToPages: zoom.fitWidth, verticalFitToPages: zoom.fitHeight > 0 ? zoom.fitHeight : Math.min(32_767, usedRows + 1) };
}

export function printOps(changes: ChangeSet, ctx: BlockPlanContext): PlannedOp[] {
  const set = changes.print?.set;
  if (!set) return [];
  const name = ctx.sheetName;
  const ops: PlannedOp[] = [];
  if (set.zoom) {
    const options = zoomOptions(set.zoom, ctx.usedRows);
    ops.push({ label: 'page zoom', bytes: OP_OVERHEAD_BYTES, queue: ({ sheet }) => (sheet(name).pageLayout.zoom = options) });
  }
  if (set.printArea) {
    const a = address(set.printArea, 'print area');
    ops.push({ label: `print area ${a}`, bytes: OP_OVERHEAD_BYTES, queue: ({ sheet }) => sheet(name).pageLayout.setPrintArea(a) });
  } else if (set.printArea === null && ctx.page?.printArea) {
    ops.push({ label: 'no print area', bytes: OP_OVERHEAD_BYTES, queue: ({ sheet }) => sheet(name).names.getItem('Print_Area').delete() });
  }
  if (set.titleRows !== undefined || set.titleColumns !== undefined) {
    const rows = set.titleRows !== undefined ? set.titleRows : (ctx.page?.titleRows ?? null);
    const columns = set.titleColumns !== undefined ? set.titleColumns : (ctx.page?.titleColumns ?? null);
    const hadTitles = !!(ctx.page?.titleRows || ctx.page?.titleColumns);
    const clearing = (set.titleRows === null && ctx.page?.titleRows) || (set.titleColumns === null && ctx.page?.titleColumns);
    const rowsText = rows ? a1Range(wholeRows(rows.first, rows.last), 'both') : null;
    const columnsText = columns ? a1Range(wholeColumns(columns.first, columns.last), 'both') : null;
    ops.push({
      label: 'print titles',
      bytes: OP_OVERHEAD_BYTES * 3,
      queue: ({ sheet }) => {
        const ws = sheet(name);
        // Setting one kind keeps the other; clearing one means clearing both, then setting back.
        if (clearing && hadTitles) ws.names.getItem('Print_Titles').delete();
        if (rowsText && (clearing || set.titleRows)) ws.pageLayout.setPrintTitleRows(rowsText);
        if (columnsText && (clearing || set.titleColumns)) ws.pageLayout.setPrintTitleColumns(columnsText);
      },
    });
  }
  return ops;
}

/** Row heights, consecutive rows of one height in one call ("21:40"). */
export function rowHeightOps(heights: readonly RowHeightChange[] | undefined, sheetName: string): PlannedOp[] {
  const sorted = [...(heights ?? [])].sort((a, b) => a.row - b.row);
  const ops: PlannedOp[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].row === sorted[j].row + 1 && sorted[j + 1].height === sorted[i].height) j++;
    const height = sorted[i].height;
    if (!(height >= 0 && height <= 409)) throw new ChangeSetError(`row height ${height}`);
    const a = address(wholeRows(sorted[i].row, sorted[j].row), 'row height');
    ops.push({ label: `height ${a}`, bytes: OP_OVERHEAD_BYTES, queue: ({ sheet }) => (sheet(sheetName).getRange(a).format.rowHeight = height) });
    i = j + 1;
  }
  return ops;
}

/**
 * The stored state into A1 of the very hidden state sheet, added when missing (as host.ts's
 * writeState does, in the write's own batch). A workbook whose structure is protected and has
 * no state sheet yet cannot take one: the state is then not stored (the record only decides
 * what taking the block back may remove; without it, no column is removed).
 */
export function stateOp(state: WorkbookState | undefined, ctx: BlockPlanContext): PlannedOp[] {
  if (!state) return [];
  // Nothing left to remember (the block was taken back, no settings of the user's): the
  // workbook is given back without the state sheet, as it was before the first check.
  if (isEmptyState(state) && (ctx.stateSheet === null || !ctx.structureProtected)) {
    const existing = ctx.stateSheet;
    if (existing === null) return [];
    return [
      {
        label: 'delete the state sheet',
        bytes: OP_OVERHEAD_BYTES * 2,
        queue: ({ ctx: c }) => {
          const ws = c.workbook.worksheets.getItem(existing);
          ws.visibility = 'Hidden';
          ws.delete();
        },
      },
    ];
  }
  const json = JSON.stringify(state);
  if (json.length > MAX_CELL_TEXT) throw new ChangeSetError('the stored state is longer than a cell holds');
  if (!ctx.stateSheet && ctx.structureProtected) return [];
  const existing = ctx.stateSheet;
  return [
    {
      label: 'stored state',
      bytes: OP_OVERHEAD_BYTES * 4 + json.length * 2,
      queue: ({ ctx: c }) => {
        let ws: Excel.Worksheet;
        if (existing) ws = c.workbook.worksheets.getItem(existing);
        else {
          ws = c.workbook.worksheets.add(STATE_SHEET_NAME);
          ws.visibility = 'VeryHidden';
        }
        const cell = ws.getRange('A1');
        // Text format first: the JSON is stored as typed, never parsed by Excel.
        cell.numberFormat = [['@']];
        cell.values = [[json]];
      },
    },
  ];
}
