/**
 * One worksheet part edited for a change set: the text before <sheetData> (dimension, column
 * widths) and after it (merges read, conditional formats, data validations) as strings, the
 * rows in between as bytes (sheet-data.ts). Elements the tool adds go where CT_Worksheet's
 * sequence puts them.
 */
import { MAX_COLS, MAX_ROWS } from '../../../engine/a1';
import type { ChangeSet } from '../../../engine/model';
import { gatherEdits } from './cells';
import { conditionalFormatEdits, type TextEdit } from './conditional-formats';
import { PackageError } from './package';
import { cellFormatAt, resolveFontLike } from './font-like';
import { pageSetupEdit, sheetPrEdit } from './page-setup';
import { ChangeSetError } from '../../change-set-error';
import { runSteps, sheetDataSteps, type PieceSink } from './sheet-data';
import type { StyleBook } from './styles';
import { childElements, parseStartTag, splice, XmlShapeError, type ElementSpan } from './xml';
import { defaultWidth, pointsToCharacterWidth } from '../stream/page-setup';
import { colsWithout, colsWithWidths, colsXml, columnStyleOf, dataValidationsWith, dataValidationsWithout, grownDimension, insertionOffset, parseMerges, readCols } from './worksheet-parts';

interface SheetSplit {
  prefix: string;
  /** Text before <sheetData …>, the sheetData start tag, and the offsets of its content. */
  head: string;
  open: string;
  contentStart: number;
  contentEnd: number;
  /** Text after </sheetData>, up to and including the end of the document. */
  tail: string;
  selfClosing: boolean;
}

function isNameChar(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f || byte === 0x2d || byte === 0x2e;
}

/** Find the worksheet's <sheetData> (the real one: the head before it must be well formed). */
function splitSheet(data: Buffer): SheetSplit {
  for (let at = data.indexOf('sheetData'); at >= 0; at = data.indexOf('sheetData', at + 1)) {
    let lt = at - 1;
    while (lt >= 0 && isNameChar(data[lt])) lt--;
    if (lt < 0 || (data[lt] !== 0x3c && data[lt] !== 0x3a)) continue;
    if (data[lt] === 0x3a) {
      lt--;
      while (lt >= 0 && isNameChar(data[lt])) lt--;
      if (lt < 0 || data[lt] !== 0x3c) continue;
    }
    const after = data[at + 'sheetData'.length];
    if (after !== 0x20 && after !== 0x2f && after !== 0x3e && after !== 0x09 && after !== 0x0a && after !== 0x0d) continue;
    const head = data.toString('utf8', 0, lt).replace(/^\uFEFF/, '');
    try {
      childElements(head.slice(rootContentStart(head)));
    } catch (e) {
      if (e instanceof XmlShapeError) continue;
      throw e;
    }
    const prefix = data.toString('utf8', lt + 1, at);
    const gt = data.indexOf('>', at);
    const open = data.toString('utf8', lt, gt + 1);
    const selfClosing = data[gt - 1] === 0x2f;
    const close = `</${prefix}sheetData>`;
    const closeAt = selfClosing ? gt + 1 : data.indexOf(close, gt);
    if (closeAt < 0) throw new PackageError('unsupported', 'sheetData is not closed');
    const tailStart = selfClosing ? gt + 1 : closeAt + close.length;
    return { prefix, head, open, contentStart: gt + 1, contentEnd: closeAt, tail: data.toString('utf8', tailStart), selfClosing };
  }
  throw new PackageError('unsupported', 'no sheetData in the worksheet');
}

/** Offset just after the document element's start tag. */
function rootContentStart(head: string): number {
  const m = /<([\w.-]+:)?worksheet[\s>]/.exec(head);
  if (!m) throw new PackageError('unsupported', 'not a worksheet');
  return head.indexOf('>', m.index) + 1;
}

export interface WorksheetEditResult {
  formulaRemoved: boolean;
  /** The change set wrote formulas: the program must calculate them on opening. */
  formulaAdded: boolean;
}

/** The first shared-formula index the sheet does not use. */
function nextSharedIndex(data: Buffer): number {
  let max = -1;
  for (let at = data.indexOf('si="'); at >= 0; at = data.indexOf('si="', at + 4)) {
    const end = data.indexOf('"', at + 4);
    const n = Number(data.toString('latin1', at + 4, end));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return max + 1;
}

/**
 * Apply the change set's sheet changes to one worksheet part, handing the edited part to `sink`
 * in pieces (unchanged rows are ranges of `data`): deflate them as they come rather than
 * joining them. `digit`: the default font's digit width in pixels (a column's width in
 * characters counts them).
 */
export function editWorksheet(data: Buffer, changes: ChangeSet, styles: StyleBook, sink: PieceSink, digit = 7): WorksheetEditResult {
  return runSteps(worksheetSteps(data, changes, styles, sink, digit));
}

/** editWorksheet pausing now and then while it writes the rows (sheetDataSteps). */
export function* worksheetSteps(data: Buffer, changes: ChangeSet, styles: StyleBook, sink: PieceSink, digit = 7): Generator<void, WorksheetEditResult> {
  const split = splitSheet(data);
  const { prefix } = split;
  const headStart = rootContentStart(split.head);
  const headChildren = childElements(split.head, headStart);
  const tailEnd = split.tail.lastIndexOf('</');
  const tailChildren = childElements(split.tail, 0, tailEnd);

  const colsEl = headChildren.find((c) => c.local === 'cols');
  const cols = readCols(split.head, colsEl);
  const dataEnd = split.selfClosing ? split.contentStart : split.contentEnd;
  // "The table's font": read from the cells as they are, before any edit.
  const formats = changes.formats.some((f) => f.fontLike)
    ? resolveFontLike(changes.formats, (row, col) => cellFormatAt(data, split.contentStart, dataEnd, prefix, row, col, columnStyleOf(cols)), styles)
    : changes.formats;

  const formulaAdded = (changes.formulas ?? []).length > 0;
  const edits = gatherEdits({ ...changes, formats }, formulaAdded ? nextSharedIndex(data) : 0, parseMerges(split.tail, tailChildren), { maxRows: MAX_ROWS, maxCols: MAX_COLS });

  const zoom = changes.print?.set.zoom;
  const fitEdit = zoom ? sheetPrEdit(split.head, headChildren, headStart, prefix, !('scale' in zoom)) : null;
  // The head and the tail first: what they say does not depend on the rows' text.
  const head = splice(split.head, [...headEdits(split.head, headChildren, headStart, prefix, edits, cols, colsEl, digit), ...(fitEdit ? [fitEdit] : [])]);
  const tail = splice(split.tail, tailEdits(split.tail, tailChildren, prefix, changes, styles));
  const open = split.selfClosing ? split.open.replace(/\s*\/>$/, '>') : split.open;
  const close = `</${prefix}sheetData>`;
  sink.text(head + open);
  const sheetData = yield* sheetDataSteps(data, split.contentStart, dataEnd, edits, {
    prefix,
    styles,
    columnStyle: columnStyleOf(cols),
  }, sink);
  sink.text(close + tail);
  return { formulaRemoved: sheetData.formulaRemoved, formulaAdded };
}

/** The sheet's default column width as a <col width> (characters), from <sheetFormatPr>. */
function defaultWidthText(head: string, children: ElementSpan[], digit: number): string {
  const el = children.find((c) => c.local === 'sheetFormatPr');
  const tag = el ? parseStartTag(head.slice(el.start, el.contentStart)) : null;
  const format: Record<string, string> = {};
  for (const a of tag?.attrs ?? []) format[a.name] = a.raw;
  return String(pointsToCharacterWidth(defaultWidth(format, digit), digit));
}

function headEdits(
  head: string,
  children: ElementSpan[],
  start: number,
  prefix: string,
  edits: ReturnType<typeof gatherEdits>,
  cols: ReturnType<typeof readCols>,
  colsEl: ElementSpan | undefined,
  digit: number,
): TextEdit[] {
  const out: TextEdit[] = [];
  const bounds = edits.cells.bounds;
  const dimension = children.find((c) => c.local === 'dimension');
  if (bounds && dimension) out.push({ start: dimension.start, end: dimension.end, text: grownDimension(head, dimension, bounds) });
  const kept = edits.resetColumns.size > 0 ? colsWithout(cols, edits.resetColumns, defaultWidthText(head, children, digit)) : cols;
  if (edits.widths.size > 0 || edits.hidden.size > 0 || kept !== cols) {
    const name = colsEl?.name ?? `${prefix}cols`;
    const text = edits.widths.size > 0 || edits.hidden.size > 0 ? colsWithWidths(kept, edits.widths, name, `${prefix}col`, edits.hidden) : colsXml(kept, name);
    if (colsEl) out.push({ start: colsEl.start, end: colsEl.end, text });
    else {
      const at = insertionOffset(children, 'cols', start);
      out.push({ start: at, end: at, text });
    }
  }
  return out;
}

function tailEdits(tail: string, children: ElementSpan[], prefix: string, changes: ChangeSet, styles: StyleBook): TextEdit[] {
  const out = conditionalFormatEdits(tail, children, 0, prefix, changes.conditionalFormats, styles);
  const takenBack = changes.removals?.validations ?? [];
  const existing = children.find((c) => c.local === 'dataValidations');
  if (takenBack.length > 0 && existing && changes.validations.length > 0) throw new ChangeSetError('a change set both takes back and adds validations');
  if (takenBack.length > 0 && existing) {
    const text = dataValidationsWithout(tail, existing, takenBack);
    if (text !== undefined) out.push({ start: existing.start, end: existing.end, text });
  }
  if (changes.print?.set.zoom) out.push(pageSetupEdit(tail, children, prefix, changes.print.set.zoom));
  if (changes.validations.length > 0) {
    const el = children.find((c) => c.local === 'dataValidations');
    const text = dataValidationsWith(tail, el, prefix, changes.validations);
    if (el) out.push({ start: el.start, end: el.end, text });
    else {
      const at = insertionOffset(children, 'dataValidations', 0);
      out.push({ start: at, end: at, text });
    }
  }
  return out;
}
