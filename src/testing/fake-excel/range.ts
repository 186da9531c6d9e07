/**
 * Ranges: Range (one rectangle, with its values, formulas, formats, conditional formats, data
 * validation, merges and the ranges derived from it) and RangeAreas (several rectangles of one
 * sheet: merged areas, visible cells, a multi-area address).
 */
import { FakeExcelError } from './errors';
import { FakeObject, defineProperties, notImplemented } from './fake-object';
import { MAX_GET_CELLS, type FakeRequestContext } from './context';
import { MAX_COLS, MAX_ROWS, cellCount, intersect, parseArea, qualified, rectRef, type Rect } from './address';
import { checkRect, cols, columnWidthOf, readCells, rowHeightOf, rows, sheetAlive, writeCells, type AreasEntity, type RangeEntity } from './cells';
import { DEFAULT_STYLE, type FakeCellValue, type Hyperlink } from './model';
import { FakeRangeFormat } from './format';
import { FakeConditionalFormatCollection } from './conditional-formats';
import { FakeDataValidation } from './data-validation';
import { lateBound, register } from './late-bound';
import type { FakeWorksheet } from './worksheet';

function visibleBands(e: RangeEntity): Rect[] {
  const out: Rect[] = [];
  let start = -1;
  for (let r = e.rect.top; r <= e.rect.bottom + 1; r++) {
    const visible = r <= e.rect.bottom && !e.sheet.hiddenRows.has(r);
    if (visible && start < 0) start = r;
    if (!visible && start >= 0) {
      out.push({ top: start, bottom: r - 1, left: e.rect.left, right: e.rect.right });
      start = -1;
    }
  }
  return out;
}

export class FakeRangeAreas extends FakeObject<AreasEntity> {
  declare readonly address: string;
  declare readonly areaCount: number;
  declare readonly cellCount: number;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, method: string, args: unknown[], resolver: () => AreasEntity | null, nullable = false) {
    super(ctx, 'RangeAreas', resolver, { parent, method, args }, nullable);
  }
  protected override _checkAlive(e: AreasEntity): void {
    sheetAlive(this.context, e.sheet);
  }
  get format(): FakeRangeFormat {
    return this._child('format', () => new FakeRangeFormat(this.context, this, () => this._target()));
  }
}
defineProperties(FakeRangeAreas, {
  address: { read: (e) => e.rects.map((r) => qualified(e.sheet.name, r)).join(', ') },
  areaCount: { read: (e) => e.rects.length },
  cellCount: { read: (e) => e.rects.reduce((n, r) => n + cellCount(r), 0) },
});

/** What Range.getCellProperties returns: a ClientResult, filled at the next sync without a
 * load. The fake answers the font name only, the one property the host asks for. */
export class FakeCellPropertiesResult extends FakeObject<RangeEntity> {
  declare readonly value: { format: { font: { name: string; size?: number } } }[][];
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, args: unknown[], resolver: () => RangeEntity, private readonly withSize: boolean) {
    super(ctx, 'ClientResult', resolver, { parent, method: 'getCellProperties', args });
    this.load('value');
  }
  get sizes(): boolean {
    return this.withSize;
  }
}
defineProperties(FakeCellPropertiesResult, {
  value: {
    read: (e, result) => {
      if (cellCount(e.rect) > MAX_GET_CELLS) throw new FakeExcelError('RangeExceedsLimit', 'The range is limited to 5,000,000 cells for get operations.');
      const withSize = (result as FakeCellPropertiesResult).sizes;
      const out: { format: { font: { name: string; size?: number } } }[][] = [];
      for (let r = e.rect.top; r <= e.rect.bottom; r++) {
        const row: { format: { font: { name: string; size?: number } } }[] = [];
        for (let c = e.rect.left; c <= e.rect.right; c++) {
          const style = e.sheet.cell(r, c)?.style ?? DEFAULT_STYLE;
          row.push({ format: { font: withSize ? { name: style.fontName, size: style.fontSize } : { name: style.fontName } } });
        }
        out.push(row);
      }
      return out;
    },
  },
});

/** Per-row or per-column properties the hosts ask Range.getRowProperties /
 * getColumnProperties for (ExcelApi 1.9). */
type LinePropertiesSpec = { rowHidden?: boolean; columnHidden?: boolean; rowIndex?: boolean; columnIndex?: boolean; format?: { rowHeight?: boolean; columnWidth?: boolean } };
type LineProperties = { rowHidden?: boolean; columnHidden?: boolean; rowIndex?: number; columnIndex?: number; format?: { rowHeight?: number; columnWidth?: number } };

/**
 * What Range.getRowProperties / getColumnProperties return (ExcelApi 1.9): "a single-dimensional
 * array, encapsulating the data for each row's [column's] font, fill, borders, alignment, and
 * other properties" — one item per row (column) of the range, holding only the properties asked
 * for; "for properties that are not consistent across each cell within a given row [column],
 * null will be returned" (their JSDoc in @types/office-js). A ClientResult, filled at the next
 * sync without a load. The fake answers the row and column properties the host asks for:
 * rowHidden/rowIndex/format.rowHeight, columnHidden/columnIndex/format.columnWidth.
 */
export class FakeLinePropertiesResult extends FakeObject<RangeEntity> {
  declare readonly value: LineProperties[];
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, method: 'getRowProperties' | 'getColumnProperties', readonly spec: LinePropertiesSpec, resolver: () => RangeEntity) {
    super(ctx, 'ClientResult', resolver, { parent, method, args: [spec] });
    this.load('value');
  }
  get byRow(): boolean {
    return this.spec.rowHidden !== undefined || this.spec.rowIndex !== undefined || this.spec.format?.rowHeight !== undefined;
  }
}
defineProperties(FakeLinePropertiesResult, {
  value: {
    read: (e, result) => {
      const { spec, byRow } = result as FakeLinePropertiesResult;
      if (cellCount(e.rect) > MAX_GET_CELLS) throw new FakeExcelError('RangeExceedsLimit', 'The range is limited to 5,000,000 cells for get operations.');
      const out: LineProperties[] = [];
      if (byRow) {
        for (let r = e.rect.top; r <= e.rect.bottom; r++) {
          const item: LineProperties = {};
          if (spec.rowIndex) item.rowIndex = r;
          if (spec.rowHidden) item.rowHidden = e.sheet.hiddenRows.has(r);
          if (spec.format?.rowHeight) item.format = { rowHeight: rowHeightOf(e.sheet, r) };
          out.push(item);
        }
      } else {
        for (let c = e.rect.left; c <= e.rect.right; c++) {
          const item: LineProperties = {};
          if (spec.columnIndex) item.columnIndex = c;
          if (spec.columnHidden) item.columnHidden = e.sheet.hiddenCols.has(c);
          if (spec.format?.columnWidth) item.format = { columnWidth: columnWidthOf(e.sheet, c) };
          out.push(item);
        }
      }
      return out;
    },
  },
});

export class FakeRange extends FakeObject<RangeEntity> {
  declare values: FakeCellValue[][];
  declare formulas: FakeCellValue[][];
  declare formulasR1C1: FakeCellValue[][];
  declare numberFormat: string[][];
  declare readonly text: string[][];
  declare readonly address: string;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly cellCount: number;
  declare readonly rowHidden: boolean | null;
  declare columnHidden: boolean;
  declare hyperlink: Hyperlink;

  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown> | null, method: string, args: unknown[], resolver: () => RangeEntity | null, nullable = false) {
    super(ctx, 'Range', () => {
      const e = resolver();
      if (e) checkRect(e.rect);
      return e;
    }, { parent, method, args }, nullable);
  }
  protected override _checkAlive(e: RangeEntity): void {
    sheetAlive(this.context, e.sheet);
  }
  private areas = (): AreasEntity => {
    const e = this._target();
    return { sheet: e.sheet, rects: [e.rect] };
  };

  get format(): FakeRangeFormat {
    return this._child('format', () => new FakeRangeFormat(this.context, this, this.areas));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this._child('conditionalFormats', () => new FakeConditionalFormatCollection(this.context, this, () => this._target()));
  }
  get dataValidation(): FakeDataValidation {
    return this._child('dataValidation', () => new FakeDataValidation(this.context, this, () => this._target()));
  }
  get worksheet(): FakeWorksheet {
    const Worksheet = lateBound('Worksheet');
    return new Worksheet(this.context, this, 'worksheet', [], () => this._target().sheet);
  }

  protected override _defaultLoad(): string[] {
    return ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount', 'values', 'formulas', 'numberFormat', 'text', 'rowHidden', 'columnHidden'];
  }

  private derive(method: string, args: unknown[], fn: (e: RangeEntity) => Rect | null, nullable = false): FakeRange {
    return new FakeRange(this.context, this, method, args, () => {
      const e = this._target();
      const rect = fn(e);
      return rect ? { sheet: e.sheet, rect } : null;
    }, nullable);
  }

  getCell(row: number, column: number): FakeRange {
    return this.derive('getCell', [row, column], (e) => ({ top: e.rect.top + row, left: e.rect.left + column, bottom: e.rect.top + row, right: e.rect.left + column }));
  }
  getRow(row: number): FakeRange {
    return this.derive('getRow', [row], (e) => {
      if (row < 0 || row >= rows(e.rect)) throw new FakeExcelError('InvalidArgument', `Row ${row} is outside the range.`);
      return { top: e.rect.top + row, bottom: e.rect.top + row, left: e.rect.left, right: e.rect.right };
    });
  }
  getColumn(column: number): FakeRange {
    return this.derive('getColumn', [column], (e) => {
      if (column < 0 || column >= cols(e.rect)) throw new FakeExcelError('InvalidArgument', `Column ${column} is outside the range.`);
      return { top: e.rect.top, bottom: e.rect.bottom, left: e.rect.left + column, right: e.rect.left + column };
    });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive('getResizedRange', [deltaRows, deltaColumns], (e) => ({ ...e.rect, bottom: e.rect.bottom + deltaRows, right: e.rect.right + deltaColumns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derive('getOffsetRange', [rowOffset, columnOffset], (e) => ({
      top: e.rect.top + rowOffset,
      bottom: e.rect.bottom + rowOffset,
      left: e.rect.left + columnOffset,
      right: e.rect.right + columnOffset,
    }));
  }
  getEntireRow(): FakeRange {
    return this.derive('getEntireRow', [], (e) => ({ top: e.rect.top, bottom: e.rect.bottom, left: 0, right: MAX_COLS - 1 }));
  }
  getEntireColumn(): FakeRange {
    return this.derive('getEntireColumn', [], (e) => ({ top: 0, bottom: MAX_ROWS - 1, left: e.rect.left, right: e.rect.right }));
  }
  private otherRect(other: FakeRange | string, e: RangeEntity): Rect {
    if (typeof other === 'string') return parseArea(other).rect;
    const o = other._target();
    if (o.sheet !== e.sheet) throw new FakeExcelError('InvalidArgument', 'The ranges are on different worksheets.');
    return o.rect;
  }
  getIntersection(other: FakeRange | string): FakeRange {
    return this.derive('getIntersection', [other], (e) => {
      const i = intersect(e.rect, this.otherRect(other, e));
      if (!i) throw new FakeExcelError('ItemNotFound', 'The ranges do not intersect.');
      return i;
    });
  }
  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    return this.derive('getIntersectionOrNullObject', [other], (e) => intersect(e.rect, this.otherRect(other, e)), true);
  }
  /** Range.getBoundingRect (ExcelApi 1.1): "the smallest range object that encompasses the
   * given ranges" — "B2:C5" and "D10:E15" give "B2:E15". */
  getBoundingRect(other: FakeRange | string): FakeRange {
    return this.derive('getBoundingRect', [other], (e) => {
      const o = this.otherRect(other, e);
      return { top: Math.min(e.rect.top, o.top), left: Math.min(e.rect.left, o.left), bottom: Math.max(e.rect.bottom, o.bottom), right: Math.max(e.rect.right, o.right) };
    });
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.derive('getUsedRange', [valuesOnly], (e) => {
      const used = e.sheet.usedRect(!!valuesOnly);
      const i = used ? intersect(used, e.rect) : null;
      if (!i) throw new FakeExcelError('ItemNotFound', 'The range has no used cells.');
      return i;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.derive('getUsedRangeOrNullObject', [valuesOnly], (e) => {
      const used = e.sheet.usedRect(!!valuesOnly);
      return used ? intersect(used, e.rect) : null;
    }, true);
  }
  /** Its JSDoc: "if the merged areas count in this range is more than 512, then this method will
   * fail to return the result" — the sync fails; the host must ask for smaller ranges. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this, 'getMergedAreasOrNullObject', [], () => {
      const e = this._target();
      const rects = e.sheet.mergesIn(e.rect);
      const stats = this.context.runtime.stats;
      stats.maxMergedAreas = Math.max(stats.maxMergedAreas, rects.length);
      const limit = this.context.runtime.maxMergedAreas;
      if (rects.length > limit) {
        throw new FakeExcelError('GeneralException', `The range holds ${rects.length} merged areas; getMergedAreasOrNullObject cannot return more than ${limit}.`);
      }
      return rects.length ? { sheet: e.sheet, rects: [...rects].sort((a, b) => a.top - b.top || a.left - b.left) } : null;
    }, true);
  }
  /** SpecialCellType (ExcelApi 1.9): "Visible" — the cells of rows not hidden; "DataValidations"
   * — "cells with validation criteria" (the parts of the sheet's validations inside the range). */
  private special(cellType: string): AreasEntity | null {
    const e = this._target();
    let rects: Rect[];
    if (cellType === 'Visible') rects = visibleBands(e);
    else if (cellType === 'DataValidations') {
      rects = e.sheet.validations.map((v) => intersect(v.rect, e.rect)).filter((r): r is Rect => r !== null);
      rects.sort((a, b) => a.top - b.top || a.left - b.left);
    } else throw notImplemented(`Range.getSpecialCells("${cellType}")`);
    return rects.length ? { sheet: e.sheet, rects } : null;
  }
  getSpecialCells(cellType: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this, 'getSpecialCells', [cellType], () => {
      const a = this.special(cellType);
      if (!a) throw new FakeExcelError('ItemNotFound', 'No cells were found.');
      return a;
    });
  }
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this, 'getSpecialCellsOrNullObject', [cellType], () => this.special(cellType), true);
  }

  /** Range.getCellProperties (ExcelApi 1.9): the font's name, or its name and size — what the
   * hosts ask for. */
  getCellProperties(spec: { format?: { font?: { name?: boolean; size?: boolean } } }): FakeCellPropertiesResult {
    const wanted = JSON.stringify(spec);
    const nameOnly = wanted === JSON.stringify({ format: { font: { name: true } } });
    const withSize = wanted === JSON.stringify({ format: { font: { name: true, size: true } } });
    if (!nameOnly && !withSize) throw notImplemented(`Range.getCellProperties(${wanted})`);
    return new FakeCellPropertiesResult(this.context, this, [spec], () => this._target(), withSize);
  }

  /** Range.getRowProperties (ExcelApi 1.9): see FakeLinePropertiesResult. */
  getRowProperties(spec: LinePropertiesSpec): FakeLinePropertiesResult {
    const { rowHidden, rowIndex, format, ...rest } = spec;
    const { rowHeight, ...formatRest } = format ?? {};
    if (Object.keys(rest).length > 0 || Object.keys(formatRest).length > 0 || (!rowHidden && !rowIndex && !rowHeight)) throw notImplemented(`Range.getRowProperties(${JSON.stringify(spec)})`);
    return new FakeLinePropertiesResult(this.context, this, 'getRowProperties', spec, () => this._target());
  }

  /** Range.getColumnProperties (ExcelApi 1.9): see FakeLinePropertiesResult. */
  getColumnProperties(spec: LinePropertiesSpec): FakeLinePropertiesResult {
    const { columnHidden, columnIndex, format, ...rest } = spec;
    const { columnWidth, ...formatRest } = format ?? {};
    if (Object.keys(rest).length > 0 || Object.keys(formatRest).length > 0 || (!columnHidden && !columnIndex && !columnWidth)) throw notImplemented(`Range.getColumnProperties(${JSON.stringify(spec)})`);
    return new FakeLinePropertiesResult(this.context, this, 'getColumnProperties', spec, () => this._target());
  }

  merge(across?: boolean): void {
    this._call('merge', [across ?? false], (e) => {
      e.sheet.assertWritable();
      const targets: Rect[] = across
        ? Array.from({ length: rows(e.rect) }, (_, i) => ({ top: e.rect.top + i, bottom: e.rect.top + i, left: e.rect.left, right: e.rect.right }))
        : [e.rect];
      for (const t of targets) {
        if (cellCount(t) < 2) continue;
        const clash = e.sheet.mergesIn(t)[0];
        if (clash) throw new FakeExcelError('MergedRangeConflict', `The range overlaps the merged cells ${rectRef(clash)}.`);
        for (let r = t.top; r <= t.bottom; r++) {
          for (let c = t.left; c <= t.right; c++) {
            if (r === t.top && c === t.left) continue;
            const cell = e.sheet.cell(r, c);
            if (cell) {
              cell.value = '';
              cell.formula = null;
            }
          }
        }
        e.sheet.addMerge(t);
      }
    });
  }
  /** Range.clear(applyTo): "All" (default), "Formats" or "Contents" (values and formulas). */
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this._call('clear', [applyTo], (e) => {
      e.sheet.assertWritable();
      if (!['All', 'Formats', 'Contents'].includes(applyTo)) throw notImplemented(`Range.clear("${applyTo}")`);
      for (let r = e.rect.top; r <= e.rect.bottom; r++) {
        for (let c = e.rect.left; c <= e.rect.right; c++) {
          const cell = e.sheet.cell(r, c);
          if (!cell) continue;
          if (applyTo !== 'Formats') {
            cell.value = '';
            cell.formula = null;
          }
          if (applyTo !== 'Contents') {
            cell.style = DEFAULT_STYLE;
            cell.numberFormat = 'General';
          }
        }
      }
    });
  }
  unmerge(): void {
    this._call('unmerge', [], (e) => {
      e.sheet.assertWritable();
      e.sheet.merges = e.sheet.merges.filter((m) => !intersect(m, e.rect));
    });
  }
  select(): void {
    this._call('select', [], (e) => {
      const wb = this.context.state;
      if (wb.activeSheet.toLowerCase() !== e.sheet.name.toLowerCase()) {
        throw new FakeExcelError('InvalidOperation', `Cannot select on '${e.sheet.name}': it is not the active worksheet (activate it first).`);
      }
      wb.selection = { sheet: e.sheet.name, address: rectRef(e.rect) };
    });
  }
}
defineProperties(FakeRange, {
  values: { read: (e) => readCells(e, 'values') as FakeCellValue[][], write: (e, x, range) => writeCells(range.context, e, x, 'values') },
  formulas: { read: (e) => readCells(e, 'formulas') as FakeCellValue[][], write: (e, x, range) => writeCells(range.context, e, x, 'formulas') },
  // "Represents the formula in R1C1-style notation" (ExcelApi 1.2): the same text in every cell
  // of a filled column, each cell reading it from its own position. Written only.
  formulasR1C1: { write: (e, x, range) => writeCells(range.context, e, x, 'formulasR1C1') },
  numberFormat: { read: (e) => readCells(e, 'numberFormat') as string[][], write: (e, x, range) => writeCells(range.context, e, x, 'numberFormat') },
  text: { read: (e) => readCells(e, 'text') as string[][] },
  address: { read: (e) => qualified(e.sheet.name, e.rect) },
  rowIndex: { read: (e) => e.rect.top },
  columnIndex: { read: (e) => e.rect.left },
  rowCount: { read: (e) => rows(e.rect) },
  columnCount: { read: (e) => cols(e.rect) },
  cellCount: { read: (e) => cellCount(e.rect) },
  rowHidden: {
    read: (e) => {
      let hidden = 0;
      for (const h of e.sheet.hiddenRows) if (h >= e.rect.top && h <= e.rect.bottom) hidden++;
      return hidden === 0 ? false : hidden === rows(e.rect) ? true : null;
    },
  },
  // Its JSDoc: "true when all columns in a range are hidden", false when none, null when some;
  // setting it hides or shows the range's whole columns.
  columnHidden: {
    read: (e) => {
      let hidden = 0;
      for (let c = e.rect.left; c <= e.rect.right; c++) if (e.sheet.hiddenCols.has(c)) hidden++;
      return hidden === 0 ? false : hidden === cols(e.rect) ? true : (null as unknown as boolean);
    },
    write: (e, x) => {
      e.sheet.assertWritable();
      if (typeof x !== 'boolean') throw new FakeExcelError('InvalidArgument', 'columnHidden takes true or false.');
      for (let c = e.rect.left; c <= e.rect.right; c++) {
        if (x) e.sheet.hiddenCols.add(c);
        else e.sheet.hiddenCols.delete(c);
      }
    },
  },
  hyperlink: {
    read: (e) => e.sheet.cell(e.rect.top, e.rect.left)?.hyperlink ?? null,
    write: (e, x, range) => {
      e.sheet.assertWritable();
      if (x.documentReference) {
        const { sheet } = parseArea(x.documentReference);
        if (sheet && !range.context.state.sheet(sheet)) throw new FakeExcelError('InvalidArgument', `The hyperlink points to a sheet that does not exist: ${sheet}.`);
      }
      for (let r = e.rect.top; r <= e.rect.bottom; r++) {
        for (let c = e.rect.left; c <= e.rect.right; c++) {
          const cell = e.sheet.cellForWrite(r, c);
          cell.hyperlink = { ...x };
          if (x.textToDisplay !== undefined && r === e.rect.top && c === e.rect.left) {
            cell.value = x.textToDisplay;
            cell.formula = null;
          }
        }
      }
    },
  },
});

register('Range', FakeRange);
register('RangeAreas', FakeRangeAreas);
