/**
 * A change set's writes and formats, gathered by cell, and the <c> elements that carry them.
 * The semantics are those of the exceljs executor (apply.ts): null leaves a cell, "" clears a
 * cell that exists (never creates one), strings stay text (inline strings, so the shared-string
 * table is never touched), a cell inside a user's merge other than its top-left is not written
 * (its format still changes, as when a range is formatted in Excel).
 */
import { a1, a1Range } from '../../../engine/a1';
import type { CellInput, CellRange, CellStyle, ChangeSet } from '../../../engine/model';
import { ChangeSetError } from '../../change-set-error';
import { hasStyle } from './styles';
import { cleanText, escapeText, xstring } from './xml';

export interface CellEdit {
  /** undefined leaves the value; "" clears it. */
  value?: Exclude<CellInput, null>;
  /** A formula (without "="), written instead of a value; shared over a fill's range. */
  formula?: { text: string; shared?: { si: number; ref: string | null } };
  /** Formats to apply in order, over the cell's current format. */
  styles: CellStyle[];
}

/** Largest number of cells one change set may format: the engine's block is a few columns of
 * the table's rows; a format over whole columns would be a malformed change set. */
const MAX_FORMATTED_CELLS = 20_000_000;

export interface SheetEdits {
  /** Row → column → edit, 0-based. */
  rows: Map<number, Map<number, CellEdit>>;
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

function editAt(rows: SheetEdits['rows'], row: number, col: number): CellEdit {
  let line = rows.get(row);
  if (!line) rows.set(row, (line = new Map()));
  let edit = line.get(col);
  if (!edit) line.set(col, (edit = { styles: [] }));
  return edit;
}

/** Gather the change set's cell changes, checked the way apply.ts checks them. `nextSi` is
 * the first shared-formula index the sheet does not use yet. */
export function gatherEdits(changes: ChangeSet, nextSi = 0): SheetEdits {
  const rows: SheetEdits['rows'] = new Map();
  const widths = new Map<number, number>();
  const hidden = new Map<number, boolean>();
  for (const write of changes.writes) {
    const r = write.range;
    write.values.forEach((line, i) => {
      if (r.top + i > r.bottom) throw new ChangeSetError(`more rows than ${a1Range(r)} holds`);
      line.forEach((v, j) => {
        if (r.left + j > r.right) throw new ChangeSetError(`more columns than ${a1Range(r)} holds`);
        if (v === null) return;
        if (typeof v === 'number' && !Number.isFinite(v)) throw new ChangeSetError(`not a number Excel can store: ${v}`);
        editAt(rows, r.top + i, r.left + j).value = v;
      });
    });
  }
  let formatted = 0;
  for (const f of changes.formats) {
    const r = f.range;
    if (hasStyle(f)) {
      formatted += (r.bottom - r.top + 1) * (r.right - r.left + 1);
      if (formatted > MAX_FORMATTED_CELLS) throw new ChangeSetError(`formats over more than ${MAX_FORMATTED_CELLS} cells`);
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) editAt(rows, row, col).styles.push(f);
    }
    if (f.columnWidth !== undefined) for (let col = r.left; col <= r.right; col++) widths.set(col, f.columnWidth);
    if (f.columnHidden !== undefined) for (let col = r.left; col <= r.right; col++) hidden.set(col, f.columnHidden);
  }
  let si = nextSi;
  for (const fill of changes.formulas ?? []) {
    const r = fill.range;
    const text = fill.formula.replace(/^=/, '');
    if (r.top === r.bottom && r.left === r.right) {
      editAt(rows, r.top, r.left).formula = { text };
      continue;
    }
    // One shared formula: the master (top-left) holds the text, the others point at it.
    const shared = si++;
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const edit = editAt(rows, row, col);
        delete edit.value;
        edit.formula = row === r.top && col === r.left ? { text, shared: { si: shared, ref: a1Range(r) } } : { text, shared: { si: shared, ref: null } };
      }
    }
  }
  const removed = changes.removals?.cells ?? [];
  for (const r of removed) if (!(r.top <= r.bottom && r.left <= r.right)) throw new ChangeSetError(`not a range: ${JSON.stringify(r)}`);
  const heights = new Map<number, number>();
  for (const h of changes.rowHeights ?? []) {
    if (!(h.height >= 0 && h.height <= 409)) throw new ChangeSetError(`row height ${h.height}`);
    heights.set(h.row, h.height);
  }
  return { rows, widths, hidden, removed, resetColumns: new Set(changes.removals?.columns ?? []), heights };
}

/** The <f> element of a formula edit. */
export function formulaXml(prefix: string, f: NonNullable<CellEdit['formula']>): string {
  if (!f.shared) return `<${prefix}f>${escapeText(f.text)}</${prefix}f>`;
  if (f.shared.ref === null) return `<${prefix}f t="shared" si="${f.shared.si}"/>`;
  return `<${prefix}f t="shared" ref="${f.shared.ref}" si="${f.shared.si}">${escapeText(f.text)}</${prefix}f>`;
}

/** Values aimed at a merge's cells other than its top-left are dropped (their formats stay). */
export function skipMergeFollowers(edits: SheetEdits, merges: readonly CellRange[]): void {
  for (const m of merges) {
    for (let row = m.top; row <= m.bottom; row++) {
      const line = edits.rows.get(row);
      if (!line) continue;
      for (let col = m.left; col <= m.right; col++) {
        if (row === m.top && col === m.left) continue;
        const edit = line.get(col);
        if (!edit) continue;
        delete edit.value;
        delete edit.formula;
        if (edit.styles.length === 0) line.delete(col);
      }
      if (line.size === 0) edits.rows.delete(row);
    }
  }
}

/** The bounding rectangle of the cells the edits may create or change, or null. */
export function editBounds(edits: SheetEdits): CellRange | null {
  let bounds: CellRange | null = null;
  for (const [row, line] of edits.rows) {
    for (const col of line.keys()) {
      if (!bounds) bounds = { top: row, left: col, bottom: row, right: col };
      else {
        bounds.top = Math.min(bounds.top, row);
        bounds.bottom = Math.max(bounds.bottom, row);
        bounds.left = Math.min(bounds.left, col);
        bounds.right = Math.max(bounds.right, col);
      }
    }
  }
  return bounds;
}

/** A number as <v> text: the shortest round-tripping form JavaScript gives (valid xsd:double). */
function numberText(v: number): string {
  return Object.is(v, -0) ? '0' : String(v);
}

/** An inline string's <is> element. */
export function inlineString(prefix: string, text: string): string {
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
  const parts = formula ? { t: undefined, content: formulaXml(prefix, formula) } : value === undefined ? { t: undefined, content: '' } : valueParts(prefix, value);
  if (parts.content === '' && style === 0) return '';
  const s = style !== 0 ? ` s="${style}"` : '';
  const t = parts.t ? ` t="${parts.t}"` : '';
  const ref = a1(row, col);
  return parts.content === '' ? `<${prefix}c r="${ref}"${s}${t}/>` : `<${prefix}c r="${ref}"${s}${t}>${parts.content}</${prefix}c>`;
}
