/**
 * The <sheetData> of a worksheet, edited in one forward pass over its bytes: rows without an
 * edit are copied as slices of the inflated part (never decoded), rows with one are decoded,
 * the tool's cells merged into them in column order, and rows that do not exist yet are
 * inserted where their number says. The sheet is never parsed into a tree.
 *
 * Append fast path: in the common case every cell the tool writes in a row lies right of the
 * row's existing cells (the tracking block sits right of the table), nothing in the row is
 * taken back and no orphaned shared formula waits for a user there. The row's cells are then
 * only located in its bytes (row-cells.ts), never decoded: its start tag is rendered again, its
 * cells go out as a view of the input, the new cells' text follows — the bytes the general path
 * makes of such a row. Every other row takes the general path.
 */
import { a1, columnIndex, columnLetter } from '../../../engine/a1';
import type { CellEdit, SheetEdits } from './cells';
import { formulaXml, isRemoved, newCell, newCellAt, rowHasRemovals, valueParts } from './cells';
import { shiftFormula } from './formula-shift';
import { PackageError } from './package';
import type { PartSink } from '../zip/writer';
import { CELL_R_ATTR, scanRowCells } from './row-cells';
import type { StyleBook } from './styles';
import { attr, escapeText, parseStartTag, renderStartTag, setAttr, type StartTag } from './xml';

type CellFormula = NonNullable<CellEdit['formula']>;

export interface SheetDataContext {
  /** Namespace prefix of the worksheet's elements ("" or "x:"). */
  prefix: string;
  styles: StyleBook;
  /** Column styles from <cols>: a new cell takes its column's format. */
  columnStyle: (col: number) => number;
  /** false: every edited row through the general path (tests compare the two paths). */
  appendFastPath?: boolean;
}

export interface SheetDataResult {
  /** A formula cell was overwritten or cleared (the calculation chain is then stale). */
  formulaRemoved: boolean;
  /** Rows the append fast path wrote. */
  appended: number;
}

/** Where the edited part goes, piece by piece: ranges of the input's bytes, or new text. */
export type PieceSink = PartSink;

/** A shared formula whose master cell the tool overwrote, waiting for its next user. */
interface OrphanedShared {
  si: string;
  formula: string;
  row: number;
  col: number;
  ref: string;
}

/** The character at `i` ends an element's name ("<c" of "<c r=…>", not of "<col>"): white
 * space, "/" or ">". */
function endsName(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === 32 || c === 62 || c === 47 || (i < s.length && /\s/.test(s[i]));
}

/** The row's own format, when it has one (customFormat): a cell the tool creates there takes it. */
function rowFormat(rowTag: StartTag | null): number | undefined {
  if (!rowTag || attr(rowTag, 'customFormat') !== '1') return undefined;
  const s = attr(rowTag, 's');
  return s === undefined ? undefined : Number(s);
}

/** Base format of a cell the tool creates: the row's own format when it has one, else the
 * column's, as Excel gives a new cell. */
function newCellBase(rowTag: StartTag | null, col: number, ctx: SheetDataContext): number {
  return rowFormat(rowTag) ?? ctx.columnStyle(col);
}

/** A row's spans ("3:7") grown to hold the columns [minCol, maxCol] (0-based). */
function grownSpans(spans: string, minCol: number, maxCol: number): string {
  // The usual "lo:hi" read directly; anything else as the general reading splits it.
  const [lo, hi] = /^[0-9]+:[0-9]+$/.test(spans) ? [Number(spans.slice(0, spans.indexOf(':'))), Number(spans.slice(spans.indexOf(':') + 1))] : spans.split(/[\s:]+/).filter(Boolean).map(Number);
  return `${Math.min(lo || Infinity, minCol + 1)}:${Math.max(hi || 0, maxCol + 1)}`;
}

/** The columns of a row's edits, ascending (as the edits were made, when they already are). */
function ascendingColumns(line: Map<number, CellEdit>): number[] {
  // Insertion sort as the keys come: a row has a handful of edited columns, and sort() with a
  // comparator on every row of a plan costs more than the rest of this.
  const cols: number[] = [];
  for (const col of line.keys()) {
    let i = cols.length;
    while (i > 0 && cols[i - 1] > col) {
      cols[i] = cols[i - 1];
      i--;
    }
    cols[i] = col;
  }
  return cols;
}

function derive(ctx: SheetDataContext, base: number, edit: CellEdit): number {
  let s = base;
  for (const spec of edit.styles) s = ctx.styles.derive(s, spec);
  return s;
}

/** A row the append fast path wrote: its new start tag, data[after the old one, cellsEnd) as it
 * is, the added cells, data[cellsEnd, closeAt) as it is, then the row's end tag. */
interface AppendedRow {
  startTag: string;
  cellsEnd: number;
  added: string;
  closeAt: number;
}

class RowEditor {
  formulaRemoved = false;
  readonly orphans = new Map<string, OrphanedShared>();
  /** Shared formulas of the change set found already in place (a checked copy checked again):
   * the change set's index → the sheet's, so that their cells stay byte for byte. */
  private readonly sharedInPlace = new Map<number, number>();

  constructor(
    private readonly ctx: SheetDataContext,
    private readonly edits: SheetEdits,
  ) {
    this.cellOpen = Buffer.from(`<${ctx.prefix}c`, 'utf8');
    this.cellClose = Buffer.from(`</${ctx.prefix}c>`, 'utf8');
    this.rowClose = `</${ctx.prefix}row>`;
  }

  /** Column letters by column, as they are asked for (at most the sheet's columns). */
  private readonly letters: string[] = [];
  private readonly cellOpen: Buffer;
  private readonly cellClose: Buffer;
  readonly rowClose: string;

  private get p(): string {
    return this.ctx.prefix;
  }

  /** A row that does not exist yet. */
  newRow(row: number, line: Map<number, CellEdit> | undefined): string {
    const cells = [...(line?.keys() ?? [])].sort((a, b) => a - b).map((col) => {
      const edit = line!.get(col)!;
      return newCell(this.p, row, col, derive(this.ctx, newCellBase(null, col, this.ctx), edit), edit.value, edit.formula && this.placed(edit.formula));
    });
    const body = cells.join('');
    const height = this.edits.heights.get(row);
    const sized = height === undefined ? '' : ` ht="${height}" customHeight="1"`;
    if (body === '') return sized === '' ? '' : `<${this.p}row r="${row + 1}"${sized}/>`;
    return `<${this.p}row r="${row + 1}"${sized}>${body}</${this.p}row>`;
  }

  /** An existing row (its whole text; `rowTag` its start tag, read) with the edits merged in. */
  editRow(rowXml: string, rowTag: StartTag, row: number, line: Map<number, CellEdit> | undefined): string {
    if (rowTag.selfClosing) return this.mergeCells(rowTag, row, '', line);
    const startEnd = rowXml.indexOf('>') + 1;
    const closeAt = rowXml.lastIndexOf('</');
    return this.mergeCells(rowTag, row, rowXml.slice(startEnd, closeAt), line);
  }

  /**
   * The append fast path (see the top of this file) for the existing row data[lt, rowEnd) whose
   * start tag, read as `rowTag`, ends at `gt`: its parts, or null when the general path must
   * take it. The caller has made sure that nothing in the row is taken back and that no
   * orphaned shared formula can find its next user in it.
   */
  appendRow(data: Buffer, gt: number, rowEnd: number, rowTag: StartTag, row: number, line: Map<number, CellEdit> | undefined): AppendedRow | null {
    if (rowTag.selfClosing) return null;
    const closeAt = rowEnd - this.rowClose.length;
    const cells = scanRowCells(data, gt + 1, closeAt, this.cellOpen, this.cellClose);
    if (!cells) return null;
    let added = '';
    let minCol = cells.minCol;
    let maxCol = cells.maxCol;
    if (line) {
      const cols = ascendingColumns(line);
      if (cols[0] <= cells.maxCol) return null;
      const own = rowFormat(rowTag);
      const rowText = String(row + 1);
      for (const col of cols) {
        const edit = line.get(col)!;
        const style = derive(this.ctx, own ?? this.ctx.columnStyle(col), edit);
        const xml = newCellAt(this.p, this.columnLetters(col) + rowText, style, edit.value, edit.formula && this.placed(edit.formula));
        if (xml === '') continue;
        added += xml;
        minCol = Math.min(minCol, col);
        maxCol = Math.max(maxCol, col);
      }
    }
    this.finishRowTag(rowTag, row, minCol, maxCol);
    return { startTag: renderStartTag(rowTag, false), cellsEnd: cells.end, added, closeAt };
  }

  /** A column's letters, made once per column. */
  private columnLetters(col: number): string {
    return (this.letters[col] ??= columnLetter(col));
  }

  /** A cell the tool creates in an existing row (its start tag `rowTag`): "" when it would hold
   * nothing. */
  private newCellIn(rowTag: StartTag, row: number, col: number, edit: CellEdit): string {
    return newCell(this.p, row, col, derive(this.ctx, newCellBase(rowTag, col, this.ctx), edit), edit.value, edit.formula && this.placed(edit.formula));
  }

  /** The row's start tag as the edited row has it: its height, its span of columns grown to
   * [minCol, maxCol] (maxCol < 0: no cell), its number made explicit. */
  private finishRowTag(rowTag: StartTag, row: number, minCol: number, maxCol: number): void {
    const height = this.edits.heights.get(row);
    if (height !== undefined) {
      setAttr(rowTag, 'ht', String(height));
      setAttr(rowTag, 'customHeight', '1');
    }
    const spans = attr(rowTag, 'spans');
    if (spans !== undefined && maxCol >= 0) setAttr(rowTag, 'spans', grownSpans(spans, minCol, maxCol));
    if (attr(rowTag, 'r') === undefined) setAttr(rowTag, 'r', String(row + 1), true);
  }

  private mergeCells(rowTag: StartTag, row: number, inner: string, line: Map<number, CellEdit> | undefined): string {
    const pending = line ? [...line.keys()].sort((a, b) => a - b) : [];
    let k = 0;
    let out = '';
    let col = -1;
    let at = 0;
    // inner[copied, at) is still to be copied as it stands: the text of a row the tool leaves
    // goes out in one slice rather than one per cell.
    let copied = 0;
    const copyTo = (pos: number) => {
      if (pos > copied) out += inner.slice(copied, pos);
      copied = pos;
    };
    const open = `<${this.p}c`;
    const close = `</${this.p}c>`;
    let minCol = Infinity;
    let maxCol = -1;
    const emitNew = (before: number, pos: number) => {
      while (k < pending.length && pending[k] < before) {
        const c = pending[k++];
        const xml = this.newCellIn(rowTag, row, c, line!.get(c)!);
        if (xml !== '') {
          copyTo(pos);
          out += xml;
          minCol = Math.min(minCol, c);
          maxCol = Math.max(maxCol, c);
        }
      }
    };
    while (at < inner.length) {
      const lt = inner.indexOf(open, at);
      if (lt < 0 || !endsName(inner, lt + open.length)) {
        if (lt >= 0) throw new PackageError('unsupported', `unexpected element in row ${row + 1}`);
        break;
      }
      const gt = inner.indexOf('>', lt);
      const selfClosing = inner[gt - 1] === '/';
      const end = selfClosing ? gt + 1 : inner.indexOf(close, gt) + close.length;
      const tagText = inner.slice(lt, gt + 1);
      // Only the reference is read from a cell the tool leaves (the common case: fast).
      const ref = CELL_R_ATTR.exec(tagText);
      col = ref ? columnIndex(ref[1]) : col + 1;
      emitNew(col, lt);
      minCol = Math.min(minCol, col);
      maxCol = Math.max(maxCol, col);
      const edit = k < pending.length && pending[k] === col ? line!.get(pending[k++]) : undefined;
      const content = selfClosing ? '' : inner.slice(gt + 1, end - close.length);
      if (this.edits.removed.length > 0 && isRemoved(this.edits, row, col)) {
        // Taken back: the element goes; an edit of the same cell makes a new one.
        copyTo(lt);
        if (content.includes(`<${this.p}f`)) {
          this.formulaRemoved = true;
          this.orphanShared(content, row, col);
        }
        if (edit) {
          const xml = newCell(this.p, row, col, derive(this.ctx, newCellBase(rowTag, col, this.ctx), edit), edit.value, edit.formula);
          out += xml;
        }
        at = copied = end;
        continue;
      }
      const adopting = this.orphans.size > 0 && content.includes('t="shared"');
      if (!(ref && !edit && !adopting)) {
        copyTo(lt);
        const tag = parseStartTag(tagText);
        // Every cell gets its explicit reference: an inserted cell would shift implicit ones.
        if (!ref) setAttr(tag, 'r', a1(row, col), true);
        out += edit ? this.editCell(tag, content, row, col, edit) : this.keepCell(tag, content, row, col);
        copied = end;
      }
      at = end;
    }
    emitNew(Infinity, at);
    copyTo(inner.length);
    this.finishRowTag(rowTag, row, minCol, maxCol);
    if (out.trim() === '' && this.edits.removed.length > 0 && rowTag.attrs.every((a) => a.name === 'r' || a.name === 'spans')) return '';
    return out === '' ? renderStartTag(rowTag, true) : `${renderStartTag(rowTag, false)}${out}</${this.p}row>`;
  }

  /** A cell without an edit: as it was, unless it is the next user of an orphaned shared
   * formula, which then becomes its master. */
  private keepCell(tag: StartTag, content: string, row: number, col: number): string {
    if (this.orphans.size > 0 && content.includes('t="shared"')) {
      const adopted = this.adoptShared(content, row, col);
      if (adopted !== null) return `${renderStartTag(tag, false)}${adopted}</${this.p}c>`;
    }
    return tag.selfClosing ? renderStartTag(tag, true) : `${renderStartTag(tag, false)}${content}</${this.p}c>`;
  }

  private editCell(tag: StartTag, content: string, row: number, col: number, edit: CellEdit): string {
    const before = attr(tag, 's');
    const s = derive(this.ctx, before === undefined ? 0 : Number(before), edit);
    if (s !== Number(before ?? 0)) setAttr(tag, 's', s === 0 ? undefined : String(s));
    if ((edit.value === undefined && !edit.formula) || (edit.formula && this.holds(content, edit.formula))) {
      return tag.selfClosing ? renderStartTag(tag, true) : `${renderStartTag(tag, false)}${content}</${this.p}c>`;
    }
    if (content.includes(`<${this.p}f`)) {
      this.formulaRemoved = true;
      this.orphanShared(content, row, col);
    }
    for (const gone of ['t', 'cm', 'vm']) setAttr(tag, gone, undefined);
    const parts = edit.formula ? { t: undefined, content: formulaXml(this.p, this.placed(edit.formula)) } : valueParts(this.p, edit.value!);
    if (parts.t) setAttr(tag, 't', parts.t);
    // Only the value is replaced: the cell's own extensions stay.
    const ext = /<(?:[\w.-]+:)?extLst[\s\S]*$/.exec(content)?.[0] ?? '';
    const body = parts.content + ext;
    return body === '' ? renderStartTag(tag, true) : `${renderStartTag(tag, false)}${body}</${this.p}c>`;
  }

  /** The formula with the index of its shared formula as the sheet already has it. */
  private placed(f: CellFormula): CellFormula {
    const si = f.shared ? this.sharedInPlace.get(f.shared.si) : undefined;
    return si === undefined ? f : { ...f, shared: { ...f.shared!, si } };
  }

  /** The cell already holds exactly this formula (the same text; for a shared formula the same
   * range, or a user of the same shared formula), as an earlier run wrote it. */
  private holds(content: string, f: CellFormula): boolean {
    const found = this.formulaTag(content);
    if (!found) return false;
    const t = attr(found.tag, 't');
    const ref = attr(found.tag, 'ref');
    const si = attr(found.tag, 'si');
    if (!f.shared) return t === undefined && found.text === escapeText(f.text);
    if (t !== 'shared' || si === undefined) return false;
    if (f.shared.ref !== null) {
      if (ref !== f.shared.ref || found.text !== escapeText(f.text)) return false;
      this.sharedInPlace.set(f.shared.si, Number(si));
      return true;
    }
    return ref === undefined && si === String(this.placed(f).shared!.si);
  }

  private formulaTag(content: string): { tag: StartTag; text: string } | null {
    const m = new RegExp(`<${this.p}f(\\s[^>]*)?(/>|>([\\s\\S]*?)</${this.p}f>)`).exec(content);
    if (!m) return null;
    return { tag: parseStartTag(`<${this.p}f${m[1] ?? ''}>`), text: m[3] ?? '' };
  }

  private orphanShared(content: string, row: number, col: number): void {
    const f = this.formulaTag(content);
    if (!f || attr(f.tag, 't') !== 'shared' || attr(f.tag, 'ref') === undefined) return;
    const si = attr(f.tag, 'si')!;
    this.orphans.set(si, { si, formula: f.text, row, col, ref: attr(f.tag, 'ref')! });
  }

  /** The content of a shared-formula user that becomes the master, or null if it is not one
   * of the orphaned formulas. */
  private adoptShared(content: string, row: number, col: number): string | null {
    const f = this.formulaTag(content);
    const si = f ? attr(f.tag, 'si') : undefined;
    const orphan = si === undefined ? undefined : this.orphans.get(si);
    if (!f || !orphan || attr(f.tag, 'ref') !== undefined) return null;
    this.orphans.delete(orphan.si);
    const bottomRight = orphan.ref.split(':').pop()!;
    const ref = `${a1(row, col)}:${bottomRight}`;
    const text = shiftFormula(orphan.formula, row - orphan.row, col - orphan.col);
    setAttr(f.tag, 'ref', ref);
    const master = `${renderStartTag(f.tag, false)}${text}</${this.p}f>`;
    return content.replace(new RegExp(`<${this.p}f(\\s[^>]*)?(/>|>[\\s\\S]*?</${this.p}f>)`), () => master);
  }
}

function rowNumber(tag: StartTag, previous: number): number {
  const r = attr(tag, 'r');
  if (r === undefined) return previous + 1;
  const n = Number(r) - 1;
  if (!Number.isInteger(n) || n < 0) throw new PackageError('unsupported', `row number ${r}`);
  return n;
}

/** Rows edited between two pauses of sheetDataSteps. */
const ROWS_PER_STEP = 2048;

/** Run steps to their end, without pausing. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** editSheetData in one go. */
export function editSheetData(data: Buffer, start: number, end: number, edits: SheetEdits, ctx: SheetDataContext, sink: PieceSink): SheetDataResult {
  return runSteps(sheetDataSteps(data, start, end, edits, ctx, sink));
}

/**
 * Edit the bytes between <sheetData> and </sheetData> (exclusive) of `data`, handing the new
 * content to `sink` as it goes: unchanged rows (and the unchanged cells of a row the append fast
 * path takes) as ranges of `data`, new text as strings. Nothing of the edited part is kept here.
 * Pauses (yields) every ROWS_PER_STEP rows: a caller deflating in the background lets the
 * deflated pieces be collected there.
 */
export function* sheetDataSteps(data: Buffer, start: number, end: number, edits: SheetEdits, ctx: SheetDataContext, sink: PieceSink): Generator<void, SheetDataResult> {
  // "<!" found by its "!" (a one-byte search is several times faster than a two-byte one).
  for (let bang = data.indexOf(0x21, start + 1); bang >= 0 && bang <= end; bang = data.indexOf(0x21, bang + 1)) {
    if (data[bang - 1] === 0x3c) throw new PackageError('unsupported', 'comment or CDATA inside sheetData');
  }
  const editor = new RowEditor(ctx, edits);
  const fastPath = ctx.appendFastPath !== false;
  const pendingRows = edits.heights.size === 0 ? edits.cells.rows : [...new Set([...edits.cells.rows, ...edits.heights.keys()])].sort((a, b) => a - b);
  const { rowClose } = editor;
  // Searched for as bytes: Buffer.indexOf encodes a string needle again on every call.
  const rowOpenBytes = Buffer.from(`<${ctx.prefix}row`, 'utf8');
  const rowCloseBytes = Buffer.from(rowClose, 'utf8');
  // data[copyFrom, copyTo) goes out as it is, in one view: unchanged rows in a run are one piece.
  let copyFrom = start;
  let copyTo = start;
  const flushBytes = () => {
    if (copyTo > copyFrom) sink.bytes(data, copyFrom, copyTo);
    copyFrom = copyTo;
  };
  const addBytes = (from: number, to: number) => {
    if (to <= from) return;
    if (from !== copyTo) {
      flushBytes();
      copyFrom = from;
    }
    copyTo = to;
  };
  const addText = (xml: string) => {
    if (xml === '') return;
    flushBytes();
    sink.text(xml);
  };
  let appended = 0;
  let sincePause = 0;
  let k = 0;
  let at = start;
  let previous = -1;
  const flushNewRows = (before: number) => {
    for (; k < pendingRows.length && pendingRows[k] < before; k++) addText(editor.newRow(pendingRows[k], edits.cells.line(pendingRows[k])));
  };
  for (;;) {
    const lt = data.indexOf(rowOpenBytes, at);
    if (lt < 0 || lt >= end) break;
    const gt = data.indexOf(0x3e, lt);
    const selfClosing = data[gt - 1] === 0x2f;
    const rowEnd = selfClosing ? gt + 1 : data.indexOf(rowCloseBytes, gt) + rowCloseBytes.length;
    if (rowEnd <= gt || rowEnd > end) throw new PackageError('unsupported', 'a row is not closed');
    const tag = parseStartTag(data.toString('utf8', lt, gt + 1));
    const row = rowNumber(tag, previous);
    previous = row;
    flushNewRows(row);
    addBytes(at, lt);
    at = rowEnd;
    if (++sincePause === ROWS_PER_STEP) {
      sincePause = 0;
      yield;
    }
    const pending = k < pendingRows.length && pendingRows[k] === row;
    const line = pending ? edits.cells.line(pendingRows[k++]) : undefined;
    const removals = rowHasRemovals(edits, row);
    const adoptable = editor.orphans.size > 0 && data.subarray(gt, rowEnd).includes('t="shared"');
    if (!pending && !removals && !adoptable) {
      addBytes(lt, rowEnd);
      continue;
    }
    const fast = fastPath && !removals && !adoptable ? editor.appendRow(data, gt, rowEnd, tag, row, line) : null;
    if (fast) {
      appended++;
      addText(fast.startTag);
      addBytes(gt + 1, fast.cellsEnd);
      if (fast.cellsEnd === fast.closeAt) addText(fast.added + rowClose);
      else {
        addText(fast.added);
        addBytes(fast.cellsEnd, fast.closeAt);
        addText(rowClose);
      }
    } else addText(editor.editRow(data.toString('utf8', lt, rowEnd), tag, row, line));
  }
  flushNewRows(Infinity);
  addBytes(at, end);
  flushBytes();
  if (editor.orphans.size > 0) {
    // Masters whose formula nobody else uses any more: nothing to keep.
    editor.orphans.clear();
  }
  return { formulaRemoved: editor.formulaRemoved, appended };
}
