/**
 * A change set's writes and formats, gathered by cell, and the <c> elements that carry them.
 * The semantics are those of the exceljs executor (apply.ts): null leaves a cell, "" clears a
 * cell that exists (never creates one), strings stay text (inline strings, so the shared-string
 * table is never touched), a cell inside a user's merge other than its top-left is not written
 * (its format still changes, as when a range is formatted in Excel).
 */
import { a1 } from '../../../engine/a1';
import { BoundedMemo } from '../../../engine/memo';
import type { CellInput, CellRange, CellStyle, ChangeSet } from '../../../engine/model';
import { RowEdits, type GridLimits } from './row-edits';
import { ChangeSetError } from '../../change-set-error';
import { cleanText, escapeText, xstring } from './xml';

export interface CellEdit {
  /** undefined leaves the value; "" clears it. */
  value?: Exclude<CellInput, null>;
  /** A formula (without "="), written instead of a value; shared over a fill's range. */
  formula?: { text: string; shared?: { si: number; ref: string | null } };
  /** Formats to apply in order, over the cell's current format (a list replaced, never changed:
   * most cells share row-edits.ts's NO_STYLES or hold one or two). */
  styles: readonly CellStyle[];
}

export interface SheetEdits {
  /** The cells' edits, made row by row as the writer reaches them (0-based rows and columns). */
  cells: RowEdits;
  /** Column widths in characters, by column. */
  widths: Map<number, number>;
  /** Columns to hide (true) or show (false). */
  hidden: Map<number, boolean>;
  /** Cells taken back: their elements go (value, formula and format), before any edit. */
  removed: CellRange[];
  /** Columns whose <col> settings go (width, style, hidden): the sheet's default again. */
  resetColumns: Set<number>;
  /** Row heights to set, points, by row. */
  heights: Map<number, number>;
}

/** Whether a removed range holds the cell. */
export function isRemoved(edits: SheetEdits, row: number, col: number): boolean {
  for (const r of edits.removed) if (r.top <= row && row <= r.bottom && r.left <= col && col <= r.right) return true;
  return false;
}

/** Whether a removed range crosses the row. */
export function rowHasRemovals(edits: SheetEdits, row: number): boolean {
  for (const r of edits.removed) if (r.top <= row && row <= r.bottom) return true;
  return false;
}

/** Gather the change set's cell changes, checked the way apply.ts checks them (ChangeSetError).
 * `nextSi` is the first shared-formula index the sheet does not use yet; values aimed at a
 * cell of one of `merges` other than its top-left are dropped (their formats stay). */
export function gatherEdits(changes: ChangeSet, nextSi: number, merges: readonly CellRange[], grid: GridLimits): SheetEdits {
  const widths = new Map<number, number>();
  const hidden = new Map<number, boolean>();
  for (const f of changes.formats) {
    const r = f.range;
    if (f.columnWidth !== undefined) for (let col = r.left; col <= r.right; col++) widths.set(col, f.columnWidth);
    if (f.columnHidden !== undefined) for (let col = r.left; col <= r.right; col++) hidden.set(col, f.columnHidden);
  }
  const cells = new RowEdits(changes, nextSi, merges);
  const removed = changes.removals?.cells ?? [];
  for (const r of removed) if (!(r.top <= r.bottom && r.left <= r.right)) throw new ChangeSetError(`not a range: ${JSON.stringify(r)}`);
  const heights = new Map<number, number>();
  for (const h of changes.rowHeights ?? []) {
    if (!(h.height >= 0 && h.height <= 409)) throw new ChangeSetError(`row height ${h.height}`);
    heights.set(h.row, h.height);
  }
  cells.check(grid);
  return { cells, widths, hidden, removed, resetColumns: new Set(changes.removals?.columns ?? []), heights };
}

/** The <f> element of a formula edit. */
export function formulaXml(prefix: string, f: NonNullable<CellEdit['formula']>): string {
  if (!f.shared) return `<${prefix}f>${escapeText(f.text)}</${prefix}f>`;
  if (f.shared.ref === null) return `<${prefix}f t="shared" si="${f.shared.si}"/>`;
  return `<${prefix}f t="shared" ref="${f.shared.ref}" si="${f.shared.si}">${escapeText(f.text)}</${prefix}f>`;
}

/** A number as <v> text: the shortest round-tripping form JavaScript gives (valid xsd:double). */
function numberText(v: number): string {
  return Object.is(v, -0) ? '0' : String(v);
}

/** An inline string's <is> element. */
export function inlineString(prefix: string, text: string): string {
  return prefix === '' ? inlineStrings.get(text, (t) => makeInlineString('', t)) : makeInlineString(prefix, text);
}

/** inlineString's answers (no prefix, as nearly every sheet is written): a copy writes the same
 * few check messages, statuses and headers on thousands of rows, and making each one normalises,
 * cleans and escapes the whole text. Bounded: a sheet of texts all different costs no more. */
const inlineStrings = new BoundedMemo<string, string>(4096);

function makeInlineString(prefix: string, text: string): string {
  const clean = xstring(cleanText(text));
  const space = /^\s|\s$/.test(clean) ? ' xml:space="preserve"' : '';
  return `<${prefix}is><${prefix}t${space}>${escapeText(clean)}</${prefix}t></${prefix}is>`;
}

/** The type attribute and content of a value written by the tool. */
export function valueParts(prefix: string, v: Exclude<CellInput, null>): { t: string | undefined; content: string } {
  if (typeof v === 'string') return v === '' ? { t: undefined, content: '' } : { t: 'inlineStr', content: inlineString(prefix, v) };
  if (typeof v === 'boolean') return { t: 'b', content: `<${prefix}v>${v ? 1 : 0}</${prefix}v>` };
  return { t: undefined, content: `<${prefix}v>${numberText(v)}</${prefix}v>` };
}

/** A new <c> element, or "" when it would hold nothing (no value, default format). */
export function newCell(prefix: string, row: number, col: number, style: number, value: CellEdit['value'], formula?: CellEdit['formula']): string {
  return newCellAt(prefix, a1(row, col), style, value, formula);
}

/** newCell for the cell whose reference is `ref` ("B7"). */
export function newCellAt(prefix: string, ref: string, style: number, value: CellEdit['value'], formula?: CellEdit['formula']): string {
  let t: string | undefined;
  let content = '';
  if (formula) content = formulaXml(prefix, formula);
  else if (value !== undefined) ({ t, content } = valueParts(prefix, value));
  if (content === '' && style === 0) return '';
  const s = style !== 0 ? ` s="${style}"` : '';
  const type = t ? ` t="${t}"` : '';
  return content === '' ? `<${prefix}c r="${ref}"${s}${type}/>` : `<${prefix}c r="${ref}"${s}${type}>${content}</${prefix}c>`;
}
