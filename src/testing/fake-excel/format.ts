/**
 * Range formats: RangeFormat with its fill, font and borders, applied to every cell of every
 * area of a Range or RangeAreas and read from the top-left cell.
 */
import { FakeExcelError } from './errors';
import { FakeObject, defineProperties } from './fake-object';
import type { FakeRequestContext } from './context';
import { color, columnWidthOf, rowHeightOf, styleAll, topLeftStyle, type AreasEntity } from './cells';
import type { CellStyle } from './model';

type Cells = () => AreasEntity;

export class FakeRangeFill extends FakeObject<AreasEntity> {
  declare color: string;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, cells: Cells) {
    super(ctx, 'RangeFill', cells, { parent, method: 'fill' });
  }
  clear(): void {
    this._call('clear', [], (e) => styleAll(e.sheet, e.rects, { fill: null }));
  }
}
defineProperties(FakeRangeFill, {
  color: { read: (e) => topLeftStyle(e).fill ?? '#FFFFFF', write: (e, x) => styleAll(e.sheet, e.rects, { fill: color(x) }) },
});

export class FakeRangeFont extends FakeObject<AreasEntity> {
  declare bold: boolean;
  declare italic: boolean;
  declare color: string;
  declare size: number;
  declare name: string;
  declare underline: string;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, cells: Cells) {
    super(ctx, 'RangeFont', cells, { parent, method: 'font' });
  }
}
defineProperties(FakeRangeFont, {
  bold: { read: (e) => topLeftStyle(e).bold, write: (e, x) => styleAll(e.sheet, e.rects, { bold: !!x }) },
  italic: { read: (e) => topLeftStyle(e).italic, write: (e, x) => styleAll(e.sheet, e.rects, { italic: !!x }) },
  color: { read: (e) => topLeftStyle(e).fontColor, write: (e, x) => styleAll(e.sheet, e.rects, { fontColor: color(x) }) },
  name: {
    read: (e) => topLeftStyle(e).fontName,
    write: (e, x) => {
      if (typeof x !== 'string' || x.trim() === '') throw new FakeExcelError('InvalidArgument', 'A font name must be text.');
      styleAll(e.sheet, e.rects, { fontName: x });
    },
  },
  underline: {
    read: (e) => topLeftStyle(e).underline,
    write: (e, x) => {
      // RangeUnderlineStyle (ExcelApi 1.1): these five names only.
      if (!['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'].includes(x)) throw new FakeExcelError('InvalidArgument', `Unknown underline style ${String(x)}.`);
      styleAll(e.sheet, e.rects, { underline: x });
    },
  },
  size: {
    read: (e) => topLeftStyle(e).fontSize,
    write: (e, x) => {
      if (typeof x !== 'number' || x < 1 || x > 409) throw new FakeExcelError('InvalidArgument', 'Font size must be 1–409.');
      styleAll(e.sheet, e.rects, { fontSize: x });
    },
  },
});

const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];

/** Writes only: the fake keeps whether each cell edge has a border, not its weight or colour. */
export class FakeRangeBorder extends FakeObject<AreasEntity> {
  declare style: string;
  declare weight: string;
  declare color: string;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, cells: Cells, private readonly index: string) {
    super(ctx, 'RangeBorder', cells, { parent, method: 'getItem', args: [index] });
    if (!BORDER_INDEXES.includes(index)) throw new FakeExcelError('InvalidArgument', `Unknown border index ${index}.`);
  }
  _apply(e: AreasEntity, on: boolean): void {
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
}
defineProperties(FakeRangeBorder, {
  style: { write: (e, x, border) => border._apply(e, x !== 'None') },
  weight: { write: (e) => e.sheet.assertWritable() },
  color: {
    write: (e, x) => {
      e.sheet.assertWritable();
      color(x);
    },
  },
});

export class FakeRangeBorderCollection extends FakeObject<AreasEntity> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, private readonly cells: Cells) {
    super(ctx, 'RangeBorderCollection', cells, { parent, method: 'borders' });
  }
  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(this.context, this, this.cells, index);
  }
}

const HORIZONTAL_ALIGNMENTS = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const VERTICAL_ALIGNMENTS = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

export class FakeRangeFormat extends FakeObject<AreasEntity> {
  declare wrapText: boolean;
  declare horizontalAlignment: string;
  declare verticalAlignment: string;
  /** Points, for every column of the range. */
  declare columnWidth: number;
  /** Points, for every row of the range. */
  declare rowHeight: number;
  declare useStandardWidth: boolean;
  declare useStandardHeight: boolean;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, private readonly cells: Cells) {
    super(ctx, 'RangeFormat', cells, { parent, method: 'format' });
  }
  get fill(): FakeRangeFill {
    return this._child('fill', () => new FakeRangeFill(this.context, this, this.cells));
  }
  get font(): FakeRangeFont {
    return this._child('font', () => new FakeRangeFont(this.context, this, this.cells));
  }
  get borders(): FakeRangeBorderCollection {
    return this._child('borders', () => new FakeRangeBorderCollection(this.context, this, this.cells));
  }
}
defineProperties(FakeRangeFormat, {
  wrapText: { read: (e) => topLeftStyle(e).wrapText, write: (e, x) => styleAll(e.sheet, e.rects, { wrapText: !!x }) },
  horizontalAlignment: {
    read: (e) => topLeftStyle(e).horizontalAlignment,
    write: (e, x) => {
      if (!HORIZONTAL_ALIGNMENTS.includes(x)) throw new FakeExcelError('InvalidArgument', `horizontalAlignment ${x}`);
      styleAll(e.sheet, e.rects, { horizontalAlignment: x });
    },
  },
  verticalAlignment: {
    read: (e) => topLeftStyle(e).verticalAlignment,
    write: (e, x) => {
      if (!VERTICAL_ALIGNMENTS.includes(x)) throw new FakeExcelError('InvalidArgument', `verticalAlignment ${x}`);
      styleAll(e.sheet, e.rects, { verticalAlignment: x });
    },
  },
  columnWidth: {
    read: (e) => columnWidthOf(e.sheet, e.rects[0].left),
    write: (e, x) => {
      e.sheet.assertWritable();
      if (typeof x !== 'number' || !(x >= 0) || x > 255 * 7.5) throw new FakeExcelError('InvalidArgument', `Column width ${x} points is out of range.`);
      for (const rect of e.rects) for (let c = rect.left; c <= rect.right; c++) e.sheet.columnWidths.set(c, x);
    },
  },
  // RangeFormat.useStandardWidth (ExcelApi 1.1): "Specifies if the columns of the Range object
  // have a standard width" — set to true, the columns take the sheet's standard width again.
  useStandardWidth: {
    read: (e) => e.rects.every((r) => Array.from({ length: r.right - r.left + 1 }, (_, i) => r.left + i).every((c) => !e.sheet.columnWidths.has(c))),
    write: (e, x) => {
      e.sheet.assertWritable();
      if (x !== true) throw new FakeExcelError('InvalidArgument', 'useStandardWidth can only be set to true (set columnWidth for a width of your own).');
      for (const rect of e.rects) for (let c = rect.left; c <= rect.right; c++) e.sheet.columnWidths.delete(c);
    },
  },
  // RangeFormat.useStandardHeight (ExcelApi 1.7): "true if the row height of the Range object
  // equals the standard height of the sheet", null when the rows differ; "only intended to be set
  // to true" — the rows take the sheet's standard height again.
  useStandardHeight: {
    read: (e) => {
      const flags = e.rects.flatMap((r) => Array.from({ length: r.bottom - r.top + 1 }, (_, i) => !e.sheet.rowHeights.has(r.top + i)));
      return flags.every((f) => f) ? true : flags.every((f) => !f) ? false : (null as unknown as boolean);
    },
    write: (e, x) => {
      e.sheet.assertWritable();
      if (x !== true) return;
      for (const rect of e.rects) for (let r = rect.top; r <= rect.bottom; r++) e.sheet.rowHeights.delete(r);
    },
  },
  rowHeight: {
    read: (e) => rowHeightOf(e.sheet, e.rects[0].top),
    write: (e, x) => {
      e.sheet.assertWritable();
      if (typeof x !== 'number' || !(x >= 0) || x > 409) throw new FakeExcelError('InvalidArgument', `Row height ${x} points is out of range.`);
      for (const rect of e.rects) for (let r = rect.top; r <= rect.bottom; r++) e.sheet.rowHeights.set(r, x);
    },
  },
});
