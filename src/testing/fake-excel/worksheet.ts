/**
 * Worksheets: the collection (get, add, items), each sheet's name, visibility and position with
 * the workbook rules Excel enforces on them, its ranges, protection and page layout.
 */
import { FakeExcelError } from './errors';
import { FakeObject, defineProperties, notImplemented } from './fake-object';
import type { FakeRequestContext } from './context';
import { MAX_COLS, MAX_ROWS, parseArea, parseAreas, rectRef } from './address';
import { checkRect, sheetAlive } from './cells';
import { STANDARD_ROW_HEIGHT_POINTS, validateSheetName, type PageLayoutState, type SheetState } from './model';
import { FakeHeaderFooterGroup } from './header-footer';
import { FakeChartCollection } from './chart';
import { register } from './late-bound';
import { FakeRange, FakeRangeAreas } from './range';
import { FakeNamedItemCollection } from './names';

type PageZoom = { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };

/**
 * PageLayoutZoomOptions as documented (ExcelApi 1.9): `scale` "can be between 10 and 400"; the
 * fit-to-pages counts are numbers of pages, so whole numbers from 1 (Excel's dialog stops at
 * 32767). A scale and a fit cannot be set together. Anything else is refused, as 0 ("automatic"
 * in the file format) is nowhere documented for the API.
 */
function checkZoom(x: PageZoom): PageZoom {
  const out: PageZoom = {};
  const pages = (n: unknown, what: string) => {
    if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > 32767) throw new FakeExcelError('InvalidArgument', `PageLayoutZoomOptions.${what} ${String(n)} is not a number of pages (1–32767).`);
    return n as number;
  };
  if (x === null || typeof x !== 'object') throw new FakeExcelError('InvalidArgument', 'zoom must be a PageLayoutZoomOptions object.');
  if (x.scale !== undefined && x.scale !== null) {
    if (typeof x.scale !== 'number' || x.scale < 10 || x.scale > 400) throw new FakeExcelError('InvalidArgument', `PageLayoutZoomOptions.scale ${String(x.scale)} is outside 10–400.`);
    out.scale = x.scale;
  }
  if (x.horizontalFitToPages !== undefined && x.horizontalFitToPages !== null) out.horizontalFitToPages = pages(x.horizontalFitToPages, 'horizontalFitToPages');
  if (x.verticalFitToPages !== undefined && x.verticalFitToPages !== null) out.verticalFitToPages = pages(x.verticalFitToPages, 'verticalFitToPages');
  if (out.scale !== undefined && (out.horizontalFitToPages !== undefined || out.verticalFitToPages !== undefined)) {
    throw new FakeExcelError('InvalidArgument', 'PageLayoutZoomOptions: a scale and a fit to pages cannot be set together.');
  }
  if (Object.keys(out).length === 0) throw new FakeExcelError('InvalidArgument', 'PageLayoutZoomOptions: set a scale or a fit to pages.');
  return out;
}

/** A margin in points (ExcelApi 1.9 documents points; a negative or non-number margin is no
 * margin Excel can print). */
function margin(side: keyof PageLayoutState['margins']) {
  return {
    read: (s: SheetState) => s.pageLayout.margins[side],
    write: (s: SheetState, x: number) => {
      if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) throw new FakeExcelError('InvalidArgument', `PageLayout.${side}Margin ${String(x)} is not a margin in points.`);
      s.pageLayout.margins[side] = x;
    },
  };
}

export class FakePageLayout extends FakeObject<SheetState> {
  declare orientation: string;
  declare paperSize: string;
  declare zoom: PageZoom;
  declare topMargin: number;
  declare bottomMargin: number;
  declare leftMargin: number;
  declare rightMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, private readonly sheet: () => SheetState) {
    super(ctx, 'PageLayout', sheet, { parent, method: 'pageLayout' });
  }
  get headersFooters(): FakeHeaderFooterGroup {
    return this._child('headersFooters', () => new FakeHeaderFooterGroup(this.context, this, this.sheet));
  }
  setPrintTitleRows(rows: FakeRange | string): void {
    this._call('setPrintTitleRows', [rows], (s) => {
      const rect = typeof rows === 'string' ? parseArea(rows).rect : rows._target().rect;
      if (rect.left !== 0 || rect.right !== MAX_COLS - 1) throw new FakeExcelError('InvalidArgument', 'Print title rows must be whole rows, e.g. "$1:$5".');
      s.pageLayout.printTitleRows = rectRef(rect);
    });
  }
  /** ExcelApi 1.9: "Sets the columns that contain the cells to be repeated at the left of each
   * page of the worksheet for printing." Whole columns. */
  setPrintTitleColumns(columns: FakeRange | string): void {
    this._call('setPrintTitleColumns', [columns], (s) => {
      const rect = typeof columns === 'string' ? parseArea(columns).rect : columns._target().rect;
      if (rect.top !== 0 || rect.bottom !== MAX_ROWS - 1) throw new FakeExcelError('InvalidArgument', 'Print title columns must be whole columns, e.g. "$A:$C".');
      s.pageLayout.printTitleColumns = rectRef(rect);
    });
  }
  /** ExcelApi 1.9: "Sets the worksheet's print area" — a Range, RangeAreas or address. */
  setPrintArea(area: FakeRange | string): void {
    this._call('setPrintArea', [area], (s) => {
      const rects = typeof area === 'string' ? parseAreas(area).map((a) => a.rect) : [area._target().rect];
      s.pageLayout.printArea = rects.map(rectRef);
    });
  }
  /** ExcelApi 1.9: "Gets the RangeAreas object … that represents the print area for the
   * worksheet. If there is no print area, then this method will return an object with its
   * isNullObject property set to true." */
  getPrintAreaOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this, 'getPrintAreaOrNullObject', [], () => {
      const s = this.sheet();
      return s.pageLayout.printArea ? { sheet: s, rects: s.pageLayout.printArea.map((a) => parseArea(a).rect) } : null;
    }, true);
  }
  /** ExcelApi 1.9: "Gets the range object representing the title rows. If not set, then this
   * method will return an object with its isNullObject property set to true." */
  getPrintTitleRowsOrNullObject(): FakeRange {
    return new FakeRange(this.context, this, 'getPrintTitleRowsOrNullObject', [], () => {
      const s = this.sheet();
      return s.pageLayout.printTitleRows ? { sheet: s, rect: parseArea(s.pageLayout.printTitleRows).rect } : null;
    }, true);
  }
  /** ExcelApi 1.9: likewise for the title columns. */
  getPrintTitleColumnsOrNullObject(): FakeRange {
    return new FakeRange(this.context, this, 'getPrintTitleColumnsOrNullObject', [], () => {
      const s = this.sheet();
      return s.pageLayout.printTitleColumns ? { sheet: s, rect: parseArea(s.pageLayout.printTitleColumns).rect } : null;
    }, true);
  }
}
defineProperties(FakePageLayout, {
  orientation: {
    read: (s) => s.pageLayout.orientation,
    write: (s, x) => {
      if (x !== 'Portrait' && x !== 'Landscape') throw new FakeExcelError('InvalidArgument', `orientation ${x}`);
      s.pageLayout.orientation = x;
    },
  },
  paperSize: {
    read: (s) => s.pageLayout.paperSize,
    write: (s, x) => {
      s.pageLayout.paperSize = x;
    },
  },
  zoom: {
    read: (s) => ({ ...s.pageLayout.zoom }),
    write: (s, x) => {
      s.pageLayout.zoom = checkZoom(x);
    },
  },
  topMargin: margin('top'),
  bottomMargin: margin('bottom'),
  leftMargin: margin('left'),
  rightMargin: margin('right'),
  headerMargin: margin('header'),
  footerMargin: margin('footer'),
});

class FakeWorksheetProtection extends FakeObject<SheetState> {
  declare readonly 'protected': boolean;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, sheet: () => SheetState) {
    super(ctx, 'WorksheetProtection', sheet, { parent, method: 'protection' });
  }
  protect(): void {
    this._call('protect', [], (s) => {
      s.protected = true;
    });
  }
  unprotect(): void {
    this._call('unprotect', [], (s) => {
      s.protected = false;
    });
  }
}
defineProperties(FakeWorksheetProtection, {
  protected: { read: (s) => s.protected },
});

export class FakeWorksheet extends FakeObject<SheetState> {
  /** The fake's sheet ids are the names. */
  declare readonly id: string;
  declare name: string;
  declare visibility: string;
  declare position: number;
  /** "Returns the standard (default) height of all the rows in the worksheet, in points"
   * (ExcelApi 1.7): Calibri 11's 15 points on the fake. */
  declare readonly standardHeight: number;
  private readonly sheet = (): SheetState => this._target();

  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown> | null, method: string, args: unknown[], resolver: () => SheetState | null, nullable = false) {
    super(ctx, 'Worksheet', resolver, { parent, method, args }, nullable);
  }
  get protection(): FakeWorksheetProtection {
    return this._child('protection', () => new FakeWorksheetProtection(this.context, this, this.sheet));
  }
  get charts(): FakeChartCollection {
    return this._child('charts', () => new FakeChartCollection(this.context, this, this.sheet));
  }
  /** Names scoped to this sheet (ExcelApi 1.4); names.ts. */
  get names(): FakeNamedItemCollection {
    return this._child('names', () => new FakeNamedItemCollection(this.context, this, this.sheet));
  }
  get pageLayout(): FakePageLayout {
    return this._child('pageLayout', () => new FakePageLayout(this.context, this, this.sheet));
  }
  protected override _checkAlive(s: SheetState): void {
    sheetAlive(this.context, s);
  }
  protected override _defaultLoad(): string[] {
    return ['name', 'visibility', 'position'];
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, this, 'getRange', [address], () => {
      const s = this._target();
      if (address === undefined || address === '') return { sheet: s, rect: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
      const a = parseArea(address);
      if (a.sheet !== null && a.sheet.toLowerCase() !== s.name.toLowerCase()) throw new FakeExcelError('InvalidArgument', `The address ${address} names another sheet.`);
      return { sheet: s, rect: a.rect };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, this, 'getRangeByIndexes', [startRow, startColumn, rowCount, columnCount], () => {
      if (rowCount < 1 || columnCount < 1) throw new FakeExcelError('InvalidArgument', 'rowCount and columnCount must be at least 1.');
      return { sheet: this._target(), rect: { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 } };
    });
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, this, 'getCell', [row, column], () => ({ sheet: this._target(), rect: { top: row, left: column, bottom: row, right: column } }));
  }
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this, 'getRanges', [address], () => {
      const s = this._target();
      return { sheet: s, rects: parseAreas(address).map((a) => checkRect(a.rect)) };
    });
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, this, 'getUsedRange', [valuesOnly], () => {
      const s = this._target();
      // A blank sheet's used range is A1, as Excel says.
      return { sheet: s, rect: s.usedRect(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, this, 'getUsedRangeOrNullObject', [valuesOnly], () => {
      const s = this._target();
      const used = s.usedRect(!!valuesOnly);
      return used ? { sheet: s, rect: used } : null;
    }, true);
  }
  activate(): void {
    this._call('activate', [], (s) => {
      if (s.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', `The worksheet '${s.name}' is hidden and cannot be activated.`);
      this.context.state.activeSheet = s.name;
    });
  }
  /** Its JSDoc: deleting a "VeryHidden" sheet "will fail with an InvalidOperation exception". */
  delete(): void {
    this._call('delete', [], (s) => {
      this.context.state.assertStructureWritable();
      if (s.visibility === 'VeryHidden') throw new FakeExcelError('InvalidOperation', `The worksheet '${s.name}' is very hidden: make it hidden or visible before deleting it.`);
      this.context.state.deleteSheet(s.name);
    });
  }
  /** Recalculates the sheet; conditional formats added through the API are repainted from here on. */
  calculate(markAllDirty: boolean): void {
    this._call('calculate', [markAllDirty], (s) => {
      for (const cf of s.conditionalFormats) cf.stale = false;
    });
  }
}
defineProperties(FakeWorksheet, {
  id: { read: (s) => s.name },
  standardHeight: { read: () => STANDARD_ROW_HEIGHT_POINTS },
  name: {
    read: (s) => s.name,
    write: (s, x, ws) => {
      const wb = ws.context.state;
      validateSheetName(x);
      const other = wb.sheet(x);
      if (other && other !== s) throw new FakeExcelError('ItemAlreadyExists', `A worksheet named '${x}' already exists.`);
      if (wb.activeSheet === s.name) wb.activeSheet = x;
      s.name = x;
    },
  },
  visibility: {
    read: (s) => s.visibility,
    write: (s, x, ws) => {
      const wb = ws.context.state;
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(x)) throw new FakeExcelError('InvalidArgument', `visibility ${x}`);
      if (x !== 'Visible' && !wb.sheets.some((o) => o !== s && o.visibility === 'Visible')) {
        throw new FakeExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      if (x !== s.visibility) wb.assertStructureWritable();
      s.visibility = x as SheetState['visibility'];
      if (x !== 'Visible' && wb.activeSheet === s.name) {
        wb.activeSheet = wb.sheets.find((o) => o.visibility === 'Visible')!.name;
      }
    },
  },
  position: {
    read: (s, ws) => ws.context.state.sheets.indexOf(s),
    write: (s, x, ws) => {
      ws.context.state.assertStructureWritable();
      const list = ws.context.state.sheets;
      if (!Number.isInteger(x) || x < 0 || x >= list.length) throw new FakeExcelError('InvalidArgument', `Sheet position ${x} is out of range.`);
      list.splice(list.indexOf(s), 1);
      list.splice(x, 0, s);
    },
  },
});

export class FakeWorksheetCollection extends FakeObject<SheetState[]> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>) {
    super(ctx, 'WorksheetCollection', () => ctx.state.sheets, { parent, method: 'worksheets' });
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this, 'getActiveWorksheet', [], () => this.context.state.sheet(this.context.state.activeSheet) ?? null);
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this, 'getItem', [key], () => this.context.state.sheet(key) ?? null);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this, 'getItemOrNullObject', [key], () => this.context.state.sheet(key) ?? null, true);
  }
  add(name?: string): FakeWorksheet {
    let created: SheetState | null = null;
    const proxy = new FakeWorksheet(this.context, this, 'add', [name], () => created);
    this._call('add', [name], () => {
      this.context.state.assertStructureWritable();
      let n = name;
      if (n === undefined) {
        let i = this.context.state.sheets.length + 1;
        while (this.context.state.sheet(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      created = this.context.state.addSheet(n);
    });
    return proxy;
  }
  get items(): FakeWorksheet[] {
    return this._get('items');
  }
  protected override _readAll(props: string[], sheets: SheetState[]): Map<string, unknown> {
    const itemProps = props.filter((p) => p.startsWith('items/')).map((p) => p.slice('items/'.length));
    const other = props.filter((p) => !p.startsWith('items/') && p !== 'items');
    if (other.length) throw notImplemented(`WorksheetCollection.${other.join(',')}`);
    const items = sheets.map((s) => {
      const ws = new FakeWorksheet(this.context, this, 'getItem', [s.name], () => s);
      ws._resolve();
      const values = new Map<string, unknown>();
      for (const p of itemProps.length ? itemProps : ['name', 'visibility', 'position']) values.set(p, p === 'position' ? sheets.indexOf(s) : p === 'visibility' ? s.visibility : s.name);
      this.context._pendLoad(ws as FakeObject<unknown>, values);
      return ws;
    });
    return new Map<string, unknown>([['items', items]]);
  }
}

register('Worksheet', FakeWorksheet);
