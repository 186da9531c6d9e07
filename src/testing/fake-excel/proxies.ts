/**
 * The subset of the Excel JavaScript API the Office.js host uses, over the fake workbook model.
 * Names and shapes follow @types/office-js so that the host, typed against the real API, runs on
 * this unchanged. Anything not here throws NotImplemented at sync, loudly.
 */
import { FakeExcelError } from './errors';
import { FakeObject, MAX_GET_CELLS, notImplemented, type FakeRequestContext } from './context';
import { MAX_COLS, MAX_ROWS, cellCount, contains, intersect, parseArea, parseAreas, qualified, rectRef, type Rect } from './address';
import {
  DEFAULT_STYLE,
  MAX_FORMULA_LENGTH,
  coerceTyped,
  validateSheetName,
  type CellStyle,
  type ChartState,
  type ConditionalFormatState,
  type FakeCellValue,
  type SheetState,
  type WorkbookState,
} from './model';

interface RangeEntity {
  sheet: SheetState;
  rect: Rect;
}
interface AreasEntity {
  sheet: SheetState;
  rects: Rect[];
}

function sheetAlive(ctx: FakeRequestContext, sheet: SheetState): void {
  if (!ctx.state.sheets.includes(sheet)) throw new FakeExcelError('ItemNotFound', `The worksheet '${sheet.name}' no longer exists.`);
}

function rows(r: Rect): number {
  return r.bottom - r.top + 1;
}
function cols(r: Rect): number {
  return r.right - r.left + 1;
}

function checkRect(r: Rect): Rect {
  if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLS || r.top > r.bottom || r.left > r.right) {
    throw new FakeExcelError('InvalidArgument', 'The range goes beyond the edge of the worksheet.');
  }
  return r;
}

const COLOR_RE = /^#[0-9A-Fa-f]{6}$/;
function color(c: unknown): string {
  if (typeof c !== 'string' || !COLOR_RE.test(c)) throw new FakeExcelError('InvalidArgument', `Colour '${String(c)}' is not #RRGGBB.`);
  return c.toUpperCase();
}

/** Subtract b from a: up to four rectangles. */
function subtract(a: Rect, b: Rect): Rect[] {
  const i = intersect(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (a.top < i.top) out.push({ top: a.top, bottom: i.top - 1, left: a.left, right: a.right });
  if (i.bottom < a.bottom) out.push({ top: i.bottom + 1, bottom: a.bottom, left: a.left, right: a.right });
  if (a.left < i.left) out.push({ top: i.top, bottom: i.bottom, left: a.left, right: i.left - 1 });
  if (i.right < a.right) out.push({ top: i.top, bottom: i.bottom, left: i.right + 1, right: a.right });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cell writes
// ---------------------------------------------------------------------------------------------

type CellKind = 'values' | 'formulas' | 'numberFormat';

/** Range.values / formulas / numberFormat = x: a 2-D array of the range's shape (null leaves a
 * cell as it is) or one value for every cell. Validated in full before anything is written. */
function writeCells(ctx: FakeRequestContext, e: RangeEntity, input: unknown, kind: CellKind): void {
  e.sheet.assertWritable();
  const nr = rows(e.rect);
  const nc = cols(e.rect);
  const at = (r: number, c: number): unknown => (Array.isArray(input) ? (input[r] as unknown[])[c] : input);
  if (input === null || input === undefined) {
    throw new FakeExcelError('InvalidArgument', `null is not a valid input for Range.${kind}; use a 2-D array with null for the cells to leave unchanged.`);
  }
  if (Array.isArray(input)) {
    if (input.length !== nr || input.some((row) => !Array.isArray(row) || row.length !== nc)) {
      throw new FakeExcelError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${nr}×${nc}).`);
    }
  }
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const v = at(r, c);
      if (v === null || v === undefined) continue;
      if (kind === 'numberFormat') {
        if (typeof v !== 'string') throw new FakeExcelError('InvalidArgument', 'A number format must be text.');
        continue;
      }
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new FakeExcelError('InvalidArgument', 'A cell value must be text, a number or a boolean.');
      const row = e.rect.top + r;
      const col = e.rect.left + c;
      const m = e.sheet.mergeAt(row, col);
      if (m && (m.top !== row || m.left !== col) && v !== '') {
        throw new FakeExcelError('InvalidOperation', `Cannot change part of a merged cell (${rectRef(m)}).`);
      }
      if (typeof v === 'string' && kind === 'formulas' && v.startsWith('=') && v.length > MAX_FORMULA_LENGTH) {
        throw new FakeExcelError('InvalidArgument', 'The formula is too long.');
      }
      if (typeof v === 'string' && v.length > 32_767) throw new FakeExcelError('InvalidArgument', 'A cell can hold at most 32,767 characters.');
    }
  }
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const v = at(r, c);
      if (v === null || v === undefined) continue;
      const cell = e.sheet.cellForWrite(e.rect.top + r, e.rect.left + c);
      if (kind === 'numberFormat') {
        cell.numberFormat = v === '' ? 'General' : (v as string);
      } else if (kind === 'formulas' && typeof v === 'string' && v.startsWith('=')) {
        cell.formula = v;
        cell.value = '';
      } else {
        const typed = coerceTyped(v as FakeCellValue, cell.numberFormat, ctx.state.date1904);
        cell.value = typed.value;
        cell.formula = typed.formula;
        cell.numberFormat = typed.numberFormat;
      }
    }
  }
}

function readCells(e: RangeEntity, kind: 'values' | 'formulas' | 'numberFormat' | 'text'): unknown[][] {
  if (cellCount(e.rect) > MAX_GET_CELLS) throw new FakeExcelError('RangeExceedsLimit', 'The range is limited to 5,000,000 cells for get operations.');
  const out: unknown[][] = [];
  for (let r = e.rect.top; r <= e.rect.bottom; r++) {
    const row: unknown[] = [];
    for (let c = e.rect.left; c <= e.rect.right; c++) {
      if (kind === 'values') row.push(e.sheet.readValue(r, c));
      else if (kind === 'formulas') row.push(e.sheet.readFormula(r, c));
      else if (kind === 'text') row.push(String(e.sheet.readValue(r, c)));
      else row.push(e.sheet.cell(r, c)?.numberFormat ?? 'General');
    }
    out.push(row);
  }
  return out;
}

function styleAll(sheet: SheetState, rects: Rect[], patch: Partial<CellStyle>): void {
  sheet.assertWritable();
  for (const rect of rects) {
    if (cellCount(rect) > MAX_GET_CELLS) throw new FakeExcelError('RangeExceedsLimit', 'Formatting more than 5,000,000 cells at once is not supported by the fake.');
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = sheet.cellForWrite(r, c);
        cell.style = { ...cell.style, ...patch };
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------------

type Cells = () => AreasEntity;

export class FakeRangeFill extends FakeObject<AreasEntity> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, cells: Cells) {
    super(ctx, 'RangeFill', cells, { parent, method: 'fill' });
  }
  set color(v: string) {
    this._set('color', v, (e, x) => styleAll(e.sheet, e.rects, { fill: color(x) }));
  }
  get color(): string {
    return this._get('color');
  }
  clear(): void {
    this._call('clear', [], (e) => styleAll(e.sheet, e.rects, { fill: null }));
  }
  protected _read(prop: string, e: AreasEntity): unknown {
    if (prop === 'color') return e.sheet.cell(e.rects[0].top, e.rects[0].left)?.style.fill ?? '#FFFFFF';
    throw notImplemented(`RangeFill.${prop}`);
  }
}

export class FakeRangeFont extends FakeObject<AreasEntity> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, cells: Cells) {
    super(ctx, 'RangeFont', cells, { parent, method: 'font' });
  }
  set bold(v: boolean) {
    this._set('bold', v, (e, x) => styleAll(e.sheet, e.rects, { bold: !!x }));
  }
  set italic(v: boolean) {
    this._set('italic', v, (e, x) => styleAll(e.sheet, e.rects, { italic: !!x }));
  }
  set color(v: string) {
    this._set('color', v, (e, x) => styleAll(e.sheet, e.rects, { fontColor: color(x) }));
  }
  set size(v: number) {
    this._set('size', v, (e, x) => {
      if (typeof x !== 'number' || x < 1 || x > 409) throw new FakeExcelError('InvalidArgument', 'Font size must be 1–409.');
      styleAll(e.sheet, e.rects, { fontSize: x });
    });
  }
  get bold(): boolean {
    return this._get('bold');
  }
  get italic(): boolean {
    return this._get('italic');
  }
  get color(): string {
    return this._get('color');
  }
  get size(): number {
    return this._get('size');
  }
  protected _read(prop: string, e: AreasEntity): unknown {
    const st = e.sheet.cell(e.rects[0].top, e.rects[0].left)?.style ?? DEFAULT_STYLE;
    if (prop === 'bold') return st.bold;
    if (prop === 'italic') return st.italic;
    if (prop === 'color') return st.fontColor;
    if (prop === 'size') return st.fontSize;
    throw notImplemented(`RangeFont.${prop}`);
  }
}

const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];

export class FakeRangeBorder extends FakeObject<AreasEntity> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, cells: Cells, private readonly index: string) {
    super(ctx, 'RangeBorder', cells, { parent, method: 'getItem', args: [index] });
    if (!BORDER_INDEXES.includes(index)) throw new FakeExcelError('InvalidArgument', `Unknown border index ${index}.`);
  }
  set style(v: string) {
    this._set('style', v, (e, x) => this.apply(e, x !== 'None'));
  }
  set weight(v: string) {
    this._set('weight', v, (e) => e.sheet.assertWritable());
  }
  set color(v: string) {
    this._set('color', v, (e, x) => {
      e.sheet.assertWritable();
      color(x);
    });
  }
  private apply(e: AreasEntity, on: boolean): void {
    e.sheet.assertWritable();
    for (const rect of e.rects) {
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const patch: Partial<CellStyle> = {};
          if (this.index === 'EdgeTop' && r === rect.top) patch.borderTop = on;
          if (this.index === 'EdgeBottom' && r === rect.bottom) patch.borderBottom = on;
          if (this.index === 'EdgeLeft' && c === rect.left) patch.borderLeft = on;
          if (this.index === 'EdgeRight' && c === rect.right) patch.borderRight = on;
          if (this.index === 'InsideHorizontal') {
            if (r > rect.top) patch.borderTop = on;
            if (r < rect.bottom) patch.borderBottom = on;
          }
          if (this.index === 'InsideVertical') {
            if (c > rect.left) patch.borderLeft = on;
            if (c < rect.right) patch.borderRight = on;
          }
          if (Object.keys(patch).length === 0) continue;
          const cell = e.sheet.cellForWrite(r, c);
          cell.style = { ...cell.style, ...patch };
        }
      }
    }
  }
  protected _read(prop: string): unknown {
    throw notImplemented(`RangeBorder.${prop}`);
  }
}

export class FakeRangeBorderCollection extends FakeObject<AreasEntity> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, private readonly cells: Cells) {
    super(ctx, 'RangeBorderCollection', cells, { parent, method: 'borders' });
  }
  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(this.context, this, this.cells, index);
  }
  protected _read(prop: string): unknown {
    throw notImplemented(`RangeBorderCollection.${prop}`);
  }
}

export class FakeRangeFormat extends FakeObject<AreasEntity> {
  private _fill: FakeRangeFill | null = null;
  private _font: FakeRangeFont | null = null;
  private _borders: FakeRangeBorderCollection | null = null;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, private readonly cells: Cells) {
    super(ctx, 'RangeFormat', cells, { parent, method: 'format' });
  }
  get fill(): FakeRangeFill {
    return (this._fill ??= new FakeRangeFill(this.context, this, this.cells));
  }
  get font(): FakeRangeFont {
    return (this._font ??= new FakeRangeFont(this.context, this, this.cells));
  }
  get borders(): FakeRangeBorderCollection {
    return (this._borders ??= new FakeRangeBorderCollection(this.context, this, this.cells));
  }
  set wrapText(v: boolean) {
    this._set('wrapText', v, (e, x) => styleAll(e.sheet, e.rects, { wrapText: !!x }));
  }
  set horizontalAlignment(v: string) {
    this._set('horizontalAlignment', v, (e, x) => {
      if (!['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'].includes(x)) throw new FakeExcelError('InvalidArgument', `horizontalAlignment ${x}`);
      styleAll(e.sheet, e.rects, { horizontalAlignment: x });
    });
  }
  set verticalAlignment(v: string) {
    this._set('verticalAlignment', v, (e, x) => {
      if (!['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(x)) throw new FakeExcelError('InvalidArgument', `verticalAlignment ${x}`);
      styleAll(e.sheet, e.rects, { verticalAlignment: x });
    });
  }
  /** Points, for every column of the range. */
  set columnWidth(v: number) {
    this._set('columnWidth', v, (e, x) => {
      e.sheet.assertWritable();
      if (typeof x !== 'number' || !(x >= 0) || x > 255 * 7.5) throw new FakeExcelError('InvalidArgument', `Column width ${x} points is out of range.`);
      for (const rect of e.rects) for (let c = rect.left; c <= rect.right; c++) e.sheet.columnWidths.set(c, x);
    });
  }
  /** Points, for every row of the range. */
  set rowHeight(v: number) {
    this._set('rowHeight', v, (e, x) => {
      e.sheet.assertWritable();
      if (typeof x !== 'number' || !(x >= 0) || x > 409) throw new FakeExcelError('InvalidArgument', `Row height ${x} points is out of range.`);
      for (const rect of e.rects) for (let r = rect.top; r <= rect.bottom; r++) e.sheet.rowHeights.set(r, x);
    });
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  get horizontalAlignment(): string {
    return this._get('horizontalAlignment');
  }
  get verticalAlignment(): string {
    return this._get('verticalAlignment');
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  protected _read(prop: string, e: AreasEntity): unknown {
    const r = e.rects[0];
    const st = e.sheet.cell(r.top, r.left)?.style ?? DEFAULT_STYLE;
    if (prop === 'wrapText') return st.wrapText;
    if (prop === 'horizontalAlignment') return st.horizontalAlignment;
    if (prop === 'verticalAlignment') return st.verticalAlignment;
    if (prop === 'columnWidth') return e.sheet.columnWidth(r.left);
    throw notImplemented(`RangeFormat.${prop}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats
// ---------------------------------------------------------------------------------------------

interface CfEntity {
  sheet: SheetState;
  cf: ConditionalFormatState;
}

function cfAlive(e: CfEntity): void {
  if (!e.sheet.conditionalFormats.includes(e.cf)) throw new FakeExcelError('ItemNotFound', 'The conditional format no longer exists.');
}

export class FakeConditionalFormatRule extends FakeObject<CfEntity> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, cf: () => CfEntity | null) {
    super(ctx, 'ConditionalFormatRule', cf, { parent, method: 'rule' });
  }
  protected override _checkAlive(e: CfEntity): void {
    cfAlive(e);
    if (e.cf.type !== 'Custom') throw new FakeExcelError('InvalidOperation', `custom is not available on a conditional format of type ${e.cf.type}.`);
  }
  set formula(v: string) {
    this._set('formula', v, (e, x) => {
      e.sheet.assertWritable();
      if (typeof x !== 'string' || !x.startsWith('=') || x.length > MAX_FORMULA_LENGTH) throw new FakeExcelError('InvalidArgument', `Conditional format formula '${x}' is not valid.`);
      e.cf.formula = x;
    });
  }
  get formula(): string {
    return this._get('formula');
  }
  protected _read(prop: string, e: CfEntity): unknown {
    if (prop === 'formula' || prop === 'formulaLocal') return e.cf.formula ?? '';
    throw notImplemented(`ConditionalFormatRule.${prop}`);
  }
}

class FakeCfFill extends FakeObject<CfEntity> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, cf: () => CfEntity | null) {
    super(ctx, 'ConditionalFillFormat', cf, { parent, method: 'fill' });
  }
  set color(v: string) {
    this._set('color', v, (e, x) => {
      e.sheet.assertWritable();
      e.cf.fill = color(x);
    });
  }
  get color(): string {
    return this._get('color');
  }
  protected _read(prop: string, e: CfEntity): unknown {
    if (prop === 'color') return e.cf.fill;
    throw notImplemented(`ConditionalFillFormat.${prop}`);
  }
}

class FakeCfFont extends FakeObject<CfEntity> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, cf: () => CfEntity | null) {
    super(ctx, 'ConditionalRangeFont', cf, { parent, method: 'font' });
  }
  set color(v: string) {
    this._set('color', v, (e, x) => {
      e.sheet.assertWritable();
      e.cf.fontColor = color(x);
    });
  }
  get color(): string {
    return this._get('color');
  }
  protected _read(prop: string, e: CfEntity): unknown {
    if (prop === 'color') return e.cf.fontColor;
    throw notImplemented(`ConditionalRangeFont.${prop}`);
  }
}

export class FakeConditionalRangeFormat extends FakeObject<CfEntity> {
  private _fill: FakeCfFill | null = null;
  private _font: FakeCfFont | null = null;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, private readonly cf: () => CfEntity | null) {
    super(ctx, 'ConditionalRangeFormat', cf, { parent, method: 'format' });
  }
  get fill(): FakeCfFill {
    return (this._fill ??= new FakeCfFill(this.context, this, this.cf));
  }
  get font(): FakeCfFont {
    return (this._font ??= new FakeCfFont(this.context, this, this.cf));
  }
  protected _read(prop: string): unknown {
    throw notImplemented(`ConditionalRangeFormat.${prop}`);
  }
}

export class FakeCustomConditionalFormat extends FakeObject<CfEntity> {
  private _rule: FakeConditionalFormatRule | null = null;
  private _format: FakeConditionalRangeFormat | null = null;
  private readonly customOnly: () => CfEntity | null;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, cf: () => CfEntity | null) {
    super(ctx, 'CustomConditionalFormat', cf, { parent, method: 'custom' });
    this.customOnly = () => {
      const e = cf();
      if (e && e.cf.type !== 'Custom') throw new FakeExcelError('InvalidOperation', `custom is not available on a conditional format of type ${e.cf.type}.`);
      return e;
    };
  }
  get rule(): FakeConditionalFormatRule {
    return (this._rule ??= new FakeConditionalFormatRule(this.context, this, this.customOnly));
  }
  get format(): FakeConditionalRangeFormat {
    return (this._format ??= new FakeConditionalRangeFormat(this.context, this, this.customOnly));
  }
  protected _read(prop: string): unknown {
    throw notImplemented(`CustomConditionalFormat.${prop}`);
  }
}

export class FakeConditionalFormat extends FakeObject<CfEntity> {
  private _custom: FakeCustomConditionalFormat | null = null;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, method: string, args: unknown[], cf: () => CfEntity | null) {
    super(ctx, 'ConditionalFormat', cf, { parent, method, args });
  }
  get custom(): FakeCustomConditionalFormat {
    return (this._custom ??= new FakeCustomConditionalFormat(this.context, this, () => this._target()));
  }
  protected override _checkAlive(e: CfEntity): void {
    cfAlive(e);
  }
  get id(): string {
    return this._get('id');
  }
  get type(): string {
    return this._get('type');
  }
  get priority(): number {
    return this._get('priority');
  }
  set priority(v: number) {
    this._set('priority', v, (e, x) => {
      e.sheet.assertWritable();
      const list = e.sheet.conditionalFormats;
      list.splice(list.indexOf(e.cf), 1);
      list.splice(Math.max(0, Math.min(list.length, Math.trunc(x))), 0, e.cf);
    });
  }
  get stopIfTrue(): boolean {
    return this._get('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this._set('stopIfTrue', v, (e, x) => {
      e.sheet.assertWritable();
      e.cf.stopIfTrue = !!x;
    });
  }
  delete(): void {
    this._call('delete', [], (e) => {
      e.sheet.assertWritable();
      e.sheet.conditionalFormats.splice(e.sheet.conditionalFormats.indexOf(e.cf), 1);
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, this, 'getRange', [], () => {
      const e = this._target();
      if (e.cf.ranges.length !== 1) throw new FakeExcelError('InvalidOperation', 'The conditional format applies to several ranges; use getRanges().');
      return { sheet: e.sheet, rect: e.cf.ranges[0] };
    });
  }
  getRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this, 'getRanges', [], () => {
      const e = this._target();
      return { sheet: e.sheet, rects: e.cf.ranges };
    });
  }
  protected _read(prop: string, e: CfEntity): unknown {
    if (prop === 'id') return e.cf.id;
    if (prop === 'type') return e.cf.type;
    if (prop === 'priority') return e.sheet.conditionalFormats.indexOf(e.cf);
    if (prop === 'stopIfTrue') return e.cf.stopIfTrue;
    throw notImplemented(`ConditionalFormat.${prop}`);
  }
}

const CF_TYPES = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'];

export class FakeConditionalFormatCollection extends FakeObject<RangeEntity> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, private readonly range: () => RangeEntity) {
    super(ctx, 'ConditionalFormatCollection', range, { parent, method: 'conditionalFormats' });
  }
  add(type: string): FakeConditionalFormat {
    let created: CfEntity | null = null;
    const proxy = new FakeConditionalFormat(this.context, this, 'add', [type], () => created);
    this._call('add', [type], (e) => {
      e.sheet.assertWritable();
      if (!CF_TYPES.includes(type)) throw new FakeExcelError('InvalidArgument', `Unknown conditional format type ${type}.`);
      const cf: ConditionalFormatState = { id: this.context.state.newId('cf'), type, ranges: [e.rect], formula: null, fill: null, fontColor: null, stopIfTrue: false };
      // Excel puts a new rule first (priority 0).
      e.sheet.conditionalFormats.unshift(cf);
      created = { sheet: e.sheet, cf };
    });
    return proxy;
  }
  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, this, 'getItem', [id], () => {
      const e = this.range();
      const cf = e.sheet.conditionalFormats.find((x) => x.id === id);
      return cf ? { sheet: e.sheet, cf } : null;
    });
  }
  get items(): FakeConditionalFormat[] {
    return this._get('items');
  }
  protected override _readAll(props: string[], e: RangeEntity): Map<string, unknown> {
    const itemProps = props.filter((p) => p.startsWith('items/')).map((p) => p.slice('items/'.length));
    const other = props.filter((p) => !p.startsWith('items/') && p !== 'items');
    if (other.length) throw notImplemented(`ConditionalFormatCollection.${other.join(',')}`);
    const list = e.sheet.conditionalFormats.filter((cf) => cf.ranges.some((r) => intersect(r, e.rect)));
    const items = list.map((cf) => {
      const item = new FakeConditionalFormat(this.context, this, 'getItem', [cf.id], () => ({ sheet: e.sheet, cf }));
      item._resolve();
      const values = new Map<string, unknown>();
      for (const p of itemProps.length ? itemProps : ['id', 'type', 'priority', 'stopIfTrue']) values.set(p, (item as unknown as { _read(p: string, e: CfEntity): unknown })._read(p, { sheet: e.sheet, cf }));
      this.context._pendLoad(item as FakeObject<unknown>, values);
      return item;
    });
    return new Map<string, unknown>([['items', items]]);
  }
  protected _read(prop: string): unknown {
    throw notImplemented(`ConditionalFormatCollection.${prop}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Data validation
// ---------------------------------------------------------------------------------------------

export class FakeDataValidation extends FakeObject<RangeEntity> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, range: () => RangeEntity) {
    super(ctx, 'DataValidation', range, { parent, method: 'dataValidation' });
  }
  set rule(v: unknown) {
    this._set('rule', v, (e, x) => {
      e.sheet.assertWritable();
      const rule = x as { list?: { inCellDropDown?: boolean; source?: unknown } };
      if (!rule || typeof rule !== 'object' || Object.keys(rule).length !== 1) throw new FakeExcelError('InvalidArgument', 'A data validation rule has exactly one type.');
      if (rule.list) {
        if (typeof rule.list.source !== 'string' || rule.list.source === '' || rule.list.source.length > 255) {
          throw new FakeExcelError('InvalidArgument', 'A list validation source must be 1–255 characters.');
        }
      }
      if (e.sheet.validations.some((v) => intersect(v.rect, e.rect))) {
        throw new FakeExcelError('InvalidOperation', 'The range already has data validation; call dataValidation.clear() first.');
      }
      e.sheet.validations.push({ rect: e.rect, rule });
    });
  }
  get rule(): unknown {
    return this._get('rule');
  }
  set errorAlert(v: unknown) {
    this._set('errorAlert', v, (e, x) => {
      e.sheet.assertWritable();
      const targets = e.sheet.validations.filter((val) => intersect(val.rect, e.rect));
      if (targets.length === 0) throw new FakeExcelError('InvalidOperation', 'The range has no data validation rule to attach an error alert to.');
      for (const t of targets) t.errorAlert = x;
    });
  }
  clear(): void {
    this._call('clear', [], (e) => {
      e.sheet.assertWritable();
      // Only the cells of this range lose their validation; the rest of a wider rule stays.
      e.sheet.validations = e.sheet.validations.flatMap((v) => subtract(v.rect, e.rect).map((rect) => ({ ...v, rect })));
    });
  }
  protected _read(prop: string, e: RangeEntity): unknown {
    if (prop === 'rule') return e.sheet.validations.find((v) => contains(v.rect, e.rect.top, e.rect.left))?.rule ?? {};
    throw notImplemented(`DataValidation.${prop}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges
// ---------------------------------------------------------------------------------------------

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
  private _format: FakeRangeFormat | null = null;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, method: string, args: unknown[], resolver: () => AreasEntity | null, nullable = false) {
    super(ctx, 'RangeAreas', resolver, { parent, method, args }, nullable);
  }
  protected override _checkAlive(e: AreasEntity): void {
    sheetAlive(this.context, e.sheet);
  }
  get format(): FakeRangeFormat {
    if (!this._format) this._format = new FakeRangeFormat(this.context, this, () => this._target());
    return this._format;
  }
  get address(): string {
    return this._get('address');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  protected _read(prop: string, e: AreasEntity): unknown {
    if (prop === 'address') return e.rects.map((r) => qualified(e.sheet.name, r)).join(', ');
    if (prop === 'areaCount') return e.rects.length;
    if (prop === 'cellCount') return e.rects.reduce((n, r) => n + cellCount(r), 0);
    throw notImplemented(`RangeAreas.${prop}`);
  }
}

export class FakeRange extends FakeObject<RangeEntity> {
  private _format: FakeRangeFormat | null = null;
  private _cfs: FakeConditionalFormatCollection | null = null;
  private _dv: FakeDataValidation | null = null;

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
    if (!this._format) this._format = new FakeRangeFormat(this.context, this, this.areas);
    return this._format;
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    if (!this._cfs) this._cfs = new FakeConditionalFormatCollection(this.context, this, () => this._target());
    return this._cfs;
  }
  get dataValidation(): FakeDataValidation {
    if (!this._dv) this._dv = new FakeDataValidation(this.context, this, () => this._target());
    return this._dv;
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this, 'worksheet', [], () => this._target().sheet);
  }

  get values(): FakeCellValue[][] {
    return this._get('values');
  }
  set values(v: FakeCellValue[][]) {
    this._set('values', v, (e, x) => writeCells(this.context, e, x, 'values'));
  }
  get formulas(): FakeCellValue[][] {
    return this._get('formulas');
  }
  set formulas(v: FakeCellValue[][]) {
    this._set('formulas', v, (e, x) => writeCells(this.context, e, x, 'formulas'));
  }
  get numberFormat(): string[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this._set('numberFormat', v, (e, x) => writeCells(this.context, e, x, 'numberFormat'));
  }
  get text(): string[][] {
    return this._get('text');
  }
  get address(): string {
    return this._get('address');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get rowHidden(): boolean | null {
    return this._get('rowHidden');
  }
  get columnHidden(): boolean {
    return this._get('columnHidden');
  }
  set hyperlink(v: { address?: string; documentReference?: string; screenTip?: string; textToDisplay?: string }) {
    this._set('hyperlink', v, (e, x) => {
      e.sheet.assertWritable();
      if (x.documentReference) {
        const { sheet } = parseArea(x.documentReference);
        if (sheet && !this.context.state.sheet(sheet)) throw new FakeExcelError('InvalidArgument', `The hyperlink points to a sheet that does not exist: ${sheet}.`);
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
    });
  }
  get hyperlink(): unknown {
    return this._get('hyperlink');
  }

  protected override _defaultLoad(): string[] {
    return ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount', 'values', 'formulas', 'numberFormat', 'text', 'rowHidden', 'columnHidden'];
  }

  protected _read(prop: string, e: RangeEntity): unknown {
    const r = e.rect;
    switch (prop) {
      case 'address':
        return qualified(e.sheet.name, r);
      case 'rowIndex':
        return r.top;
      case 'columnIndex':
        return r.left;
      case 'rowCount':
        return rows(r);
      case 'columnCount':
        return cols(r);
      case 'cellCount':
        return cellCount(r);
      case 'values':
      case 'formulas':
      case 'numberFormat':
      case 'text':
        return readCells(e, prop);
      case 'rowHidden': {
        let hidden = 0;
        for (const h of e.sheet.hiddenRows) if (h >= r.top && h <= r.bottom) hidden++;
        return hidden === 0 ? false : hidden === rows(r) ? true : null;
      }
      case 'columnHidden':
        return false;
      case 'hyperlink':
        return e.sheet.cell(r.top, r.left)?.hyperlink ?? null;
      default:
        throw notImplemented(`Range.${prop}`);
    }
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
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this, 'getMergedAreasOrNullObject', [], () => {
      const e = this._target();
      const rects = e.sheet.merges.filter((m) => intersect(m, e.rect));
      return rects.length ? { sheet: e.sheet, rects } : null;
    }, true);
  }
  private special(cellType: string): AreasEntity | null {
    if (cellType !== 'Visible') throw notImplemented(`Range.getSpecialCells("${cellType}")`);
    const e = this._target();
    const rects = visibleBands(e);
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

// ---------------------------------------------------------------------------------------------
// Worksheets, charts, page layout
// ---------------------------------------------------------------------------------------------

interface ChartEntity {
  sheet: SheetState;
  chart: ChartState;
}

class FakeChartTitle extends FakeObject<ChartEntity> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, chart: () => ChartEntity | null) {
    super(ctx, 'ChartTitle', chart, { parent, method: 'title' });
  }
  set text(v: string) {
    this._set('text', v, (e, x) => {
      e.chart.title = String(x);
    });
  }
  get text(): string {
    return this._get('text');
  }
  protected _read(prop: string, e: ChartEntity): unknown {
    if (prop === 'text') return e.chart.title;
    throw notImplemented(`ChartTitle.${prop}`);
  }
}

export class FakeChart extends FakeObject<ChartEntity> {
  private _title: FakeChartTitle | null = null;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, method: string, args: unknown[], chart: () => ChartEntity | null) {
    super(ctx, 'Chart', chart, { parent, method, args });
  }
  get title(): FakeChartTitle {
    return (this._title ??= new FakeChartTitle(this.context, this, () => this._target()));
  }
  set name(v: string) {
    this._set('name', v, (e, x) => {
      e.chart.name = String(x);
    });
  }
  get name(): string {
    return this._get('name');
  }
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this._call('setPosition', [startCell, endCell], (e) => {
      const addr = (x: FakeRange | string): string => (typeof x === 'string' ? rectRef(parseArea(x).rect) : rectRef(x._target().rect));
      e.chart.topLeft = addr(startCell);
      e.chart.bottomRight = endCell === undefined ? null : addr(endCell);
    });
  }
  protected _read(prop: string, e: ChartEntity): unknown {
    if (prop === 'name') return e.chart.name;
    if (prop === 'chartType') return e.chart.type;
    throw notImplemented(`Chart.${prop}`);
  }
}

export class FakeChartCollection extends FakeObject<SheetState> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, private readonly sheet: () => SheetState) {
    super(ctx, 'ChartCollection', sheet, { parent, method: 'charts' });
  }
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChart {
    let created: ChartEntity | null = null;
    const chart = new FakeChart(this.context, this, 'add', [type, sourceData, seriesBy], () => created);
    this._call('add', [type, sourceData, seriesBy], (sheet) => {
      sheet.assertWritable();
      const src = sourceData._target();
      if (cellCount(src.rect) < 2) throw new FakeExcelError('InvalidArgument', 'A chart needs a source range of more than one cell.');
      const state: ChartState = { name: `Chart ${sheet.charts.length + 1}`, type, source: qualified(src.sheet.name, src.rect), seriesBy: seriesBy ?? 'Auto', title: '', topLeft: null, bottomRight: null };
      sheet.charts.push(state);
      created = { sheet, chart: state };
    });
    return chart;
  }
  protected _read(prop: string): unknown {
    throw notImplemented(`ChartCollection.${prop}`);
  }
}

export class FakePageLayout extends FakeObject<SheetState> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, sheet: () => SheetState) {
    super(ctx, 'PageLayout', sheet, { parent, method: 'pageLayout' });
  }
  set orientation(v: string) {
    this._set('orientation', v, (s, x) => {
      if (x !== 'Portrait' && x !== 'Landscape') throw new FakeExcelError('InvalidArgument', `orientation ${x}`);
      s.pageLayout.orientation = x;
    });
  }
  get orientation(): string {
    return this._get('orientation');
  }
  set paperSize(v: string) {
    this._set('paperSize', v, (s, x) => {
      s.pageLayout.paperSize = x;
    });
  }
  get paperSize(): string {
    return this._get('paperSize');
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this._set('zoom', v, (s, x) => {
      s.pageLayout.zoom = { ...x };
    });
  }
  get zoom(): unknown {
    return this._get('zoom');
  }
  setPrintTitleRows(rows: FakeRange | string): void {
    this._call('setPrintTitleRows', [rows], (s) => {
      const rect = typeof rows === 'string' ? parseArea(rows).rect : rows._target().rect;
      if (rect.left !== 0 || rect.right !== MAX_COLS - 1) throw new FakeExcelError('InvalidArgument', 'Print title rows must be whole rows, e.g. "$1:$5".');
      s.pageLayout.printTitleRows = rectRef(rect);
    });
  }
  protected _read(prop: string, s: SheetState): unknown {
    if (prop === 'orientation') return s.pageLayout.orientation;
    if (prop === 'paperSize') return s.pageLayout.paperSize;
    if (prop === 'zoom') return { ...s.pageLayout.zoom };
    throw notImplemented(`PageLayout.${prop}`);
  }
}

class FakeWorksheetProtection extends FakeObject<SheetState> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, sheet: () => SheetState) {
    super(ctx, 'WorksheetProtection', sheet, { parent, method: 'protection' });
  }
  get protected(): boolean {
    return this._get('protected');
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
  protected _read(prop: string, s: SheetState): unknown {
    if (prop === 'protected') return s.protected;
    throw notImplemented(`WorksheetProtection.${prop}`);
  }
}

export class FakeWorksheet extends FakeObject<SheetState> {
  private _protection: FakeWorksheetProtection | null = null;
  private _charts: FakeChartCollection | null = null;
  private _pageLayout: FakePageLayout | null = null;
  private readonly sheet = (): SheetState => this._target();

  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown> | null, method: string, args: unknown[], resolver: () => SheetState | null, nullable = false) {
    super(ctx, 'Worksheet', resolver, { parent, method, args }, nullable);
  }
  get protection(): FakeWorksheetProtection {
    return (this._protection ??= new FakeWorksheetProtection(this.context, this, this.sheet));
  }
  get charts(): FakeChartCollection {
    return (this._charts ??= new FakeChartCollection(this.context, this, this.sheet));
  }
  get pageLayout(): FakePageLayout {
    return (this._pageLayout ??= new FakePageLayout(this.context, this, this.sheet));
  }
  protected override _checkAlive(s: SheetState): void {
    sheetAlive(this.context, s);
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (s, x) => {
      validateSheetName(x);
      const other = this.context.state.sheet(x);
      if (other && other !== s) throw new FakeExcelError('ItemAlreadyExists', `A worksheet named '${x}' already exists.`);
      if (this.context.state.activeSheet === s.name) this.context.state.activeSheet = x;
      s.name = x;
    });
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._set('visibility', v, (s, x) => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(x)) throw new FakeExcelError('InvalidArgument', `visibility ${x}`);
      if (x !== 'Visible' && !this.context.state.sheets.some((o) => o !== s && o.visibility === 'Visible')) {
        throw new FakeExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      if (x !== s.visibility) this.context.state.assertStructureWritable();
      s.visibility = x as SheetState['visibility'];
      if (x !== 'Visible' && this.context.state.activeSheet === s.name) {
        this.context.state.activeSheet = this.context.state.sheets.find((o) => o.visibility === 'Visible')!.name;
      }
    });
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._set('position', v, (s, x) => {
      this.context.state.assertStructureWritable();
      const list = this.context.state.sheets;
      if (!Number.isInteger(x) || x < 0 || x >= list.length) throw new FakeExcelError('InvalidArgument', `Sheet position ${x} is out of range.`);
      list.splice(list.indexOf(s), 1);
      list.splice(x, 0, s);
    });
  }
  protected override _defaultLoad(): string[] {
    return ['name', 'visibility', 'position'];
  }
  protected _read(prop: string, s: SheetState): unknown {
    if (prop === 'name' || prop === 'id') return s.name;
    if (prop === 'visibility') return s.visibility;
    if (prop === 'position') return this.context.state.sheets.indexOf(s);
    throw notImplemented(`Worksheet.${prop}`);
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
  delete(): void {
    this._call('delete', [], (s) => {
      this.context.state.assertStructureWritable();
      this.context.state.deleteSheet(s.name);
    });
  }
}

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
  protected _read(prop: string): unknown {
    throw notImplemented(`WorksheetCollection.${prop}`);
  }
}

export class FakeFunctionResult extends FakeObject<{ value: unknown; error: string | null }> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, method: string, args: unknown[], compute: () => { value: unknown; error: string | null }) {
    super(ctx, 'FunctionResult', compute, { parent, method, args });
  }
  get value(): unknown {
    return this._get('value');
  }
  get error(): string | null {
    return this._get('error');
  }
  protected _read(prop: string, r: { value: unknown; error: string | null }): unknown {
    if (prop === 'value') return r.value;
    if (prop === 'error') return r.error;
    throw notImplemented(`FunctionResult.${prop}`);
  }
}

export class FakeFunctions extends FakeObject<WorkbookState> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>) {
    super(ctx, 'Functions', () => ctx.state, { parent, method: 'functions' });
  }
  /** =DATE(year, month, day): the serial in the workbook's date system. */
  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.context, this, 'date', [year, month, day], () => {
      const epoch = this.context.state.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
      const serial = Math.round((Date.UTC(year, month - 1, day) - epoch) / 86_400_000);
      return { value: serial, error: null };
    });
  }
  protected _read(prop: string): unknown {
    throw notImplemented(`Functions.${prop}`);
  }
}

class FakeWorkbookProtection extends FakeObject<WorkbookState> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>) {
    super(ctx, 'WorkbookProtection', () => ctx.state, { parent, method: 'protection' });
  }
  get protected(): boolean {
    return this._get('protected');
  }
  protected _read(prop: string, wb: WorkbookState): unknown {
    if (prop === 'protected') return wb.structureProtected;
    throw notImplemented(`WorkbookProtection.${prop}`);
  }
}

export class FakeWorkbook extends FakeObject<WorkbookState> {
  private _worksheets: FakeWorksheetCollection | null = null;
  private _functions: FakeFunctions | null = null;
  private _protection: FakeWorkbookProtection | null = null;
  get protection(): FakeWorkbookProtection {
    return (this._protection ??= new FakeWorkbookProtection(this.context, this));
  }
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'Workbook', () => ctx.state, { parent: null, method: 'workbook' });
  }
  get worksheets(): FakeWorksheetCollection {
    return (this._worksheets ??= new FakeWorksheetCollection(this.context, this));
  }
  get functions(): FakeFunctions {
    return (this._functions ??= new FakeFunctions(this.context, this));
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, this, 'getSelectedRange', [], () => {
      const wb = this.context.state;
      const sheet = wb.sheet(wb.activeSheet);
      if (!sheet) return null;
      const sel = wb.selection && wb.selection.sheet.toLowerCase() === sheet.name.toLowerCase() ? parseArea(wb.selection.address).rect : { top: 0, left: 0, bottom: 0, right: 0 };
      return { sheet, rect: sel };
    });
  }
  protected _read(prop: string): unknown {
    throw notImplemented(`Workbook.${prop}`);
  }
}
