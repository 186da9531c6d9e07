/**
 * The top-level elements of a worksheet other than its cells: where a new one must go (the
 * CT_Worksheet sequence), the dimension, column widths, merges and data validations. Each edit
 * rewrites one element and leaves the others' text as it was.
 */
import { a1, parseA1Range } from '../../../engine/a1';
import type { CellRange, ListValidation } from '../../../engine/model';
import { plainMergeRange } from '../stream/merge-ref';
import { attr, childElements, cleanText, escapeText, parseStartTag, renderStartTag, setAttr, type ElementSpan, type StartTag } from './xml';

/** CT_Worksheet's children in the order the schema requires (ECMA-376 §18.3.1.99). */
const SHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

export function sheetRank(local: string): number {
  return SHEET_ORDER.indexOf(local);
}

/**
 * Where a new element named `local` goes among `children`: right after the last element the
 * schema puts before it. Elements the schema does not name (mc:AlternateContent around
 * controls, for instance) stay attached to what precedes them.
 */
export function insertionOffset(children: ElementSpan[], local: string, start: number): number {
  const rank = sheetRank(local);
  let at = start;
  for (const child of children) {
    const r = sheetRank(child.local);
    if (r >= 0 && r < rank) at = child.end;
  }
  return at;
}

/** An sqref ("A1 B2:C9") as rectangles; null when any area is not a plain reference. */
export function parseSqref(sqref: string): CellRange[] | null {
  try {
    return sqref.trim().split(/\s+/).filter(Boolean).map((area) => parseA1Range(area));
  } catch {
    return null;
  }
}

/** A rectangle as an sqref area: always corner to corner ("B1:B1048576", never "B:B"). */
export function sqrefArea(r: CellRange): string {
  const first = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? first : `${first}:${a1(r.bottom, r.right)}`;
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** `r` without the cells of `hole`: up to four rectangles. */
export function subtract(r: CellRange, hole: CellRange): CellRange[] {
  if (!overlaps(r, hole)) return [r];
  const out: CellRange[] = [];
  if (r.top < hole.top) out.push({ ...r, bottom: hole.top - 1 });
  if (r.bottom > hole.bottom) out.push({ ...r, top: hole.bottom + 1 });
  const top = Math.max(r.top, hole.top);
  const bottom = Math.min(r.bottom, hole.bottom);
  if (r.left < hole.left) out.push({ top, bottom, left: r.left, right: hole.left - 1 });
  if (r.right > hole.right) out.push({ top, bottom, left: hole.right + 1, right: r.right });
  return out;
}

/** One merge as every writer writes it, following the previous one directly (sticky). */
const PLAIN_MERGE = /<(?:[A-Za-z_][\w.-]*:)?mergeCell ref="([^"&<]*)"\/>/y;

export function parseMerges(xml: string, children: ElementSpan[]): CellRange[] {
  const el = children.find((c) => c.local === 'mergeCells');
  if (!el) return [];
  const merges: CellRange[] = [];
  // A plan has tens of thousands of merges, every one written <mergeCell ref="A5:A6"/>: read
  // in one pass when the whole list has that shape, else element by element.
  const plain = PLAIN_MERGE;
  const refs: string[] = [];
  let at = el.contentStart;
  while (at < el.contentEnd) {
    plain.lastIndex = at;
    const m = plain.exec(xml);
    if (!m) break;
    refs.push(m[1]);
    at = plain.lastIndex;
  }
  if (at === el.contentEnd) {
    for (const ref of refs) {
      // The common ref ("B7:C9") read in place; parseSqref reads it to the same range.
      const plainRange = plainMergeRange(ref, 0, ref.length);
      if (plainRange) {
        merges.push(plainRange);
        continue;
      }
      const areas = parseSqref(ref);
      if (areas) merges.push(...areas);
    }
    return merges;
  }
  for (const m of childElements(xml, el.contentStart, el.contentEnd)) {
    if (m.local !== 'mergeCell') continue;
    const areas = parseSqref(attr(parseStartTag(xml.slice(m.start, m.contentStart)), 'ref') ?? '');
    if (areas) merges.push(...areas);
  }
  return merges;
}

/** The dimension element grown to hold `bounds`. */
export function grownDimension(xml: string, el: ElementSpan, bounds: CellRange): string {
  const tag = parseStartTag(xml.slice(el.start, el.contentStart));
  const current = parseSqref(attr(tag, 'ref') ?? '')?.[0];
  const next = current
    ? { top: Math.min(current.top, bounds.top), left: Math.min(current.left, bounds.left), bottom: Math.max(current.bottom, bounds.bottom), right: Math.max(current.right, bounds.right) }
    : bounds;
  setAttr(tag, 'ref', sqrefArea(next));
  return renderStartTag(tag, true);
}

interface ColEntry {
  min: number;
  max: number;
  /** The original text, while the entry is unchanged. */
  text: string | null;
  tag: StartTag;
}

/** The <col> entries of a <cols> element (1-based min/max as written). */
export function readCols(xml: string, el: ElementSpan | undefined): ColEntry[] {
  if (!el) return [];
  return childElements(xml, el.contentStart, el.contentEnd)
    .filter((c) => c.local === 'col')
    .map((c) => {
      const tag = parseStartTag(xml.slice(c.start, c.contentStart));
      return { min: Number(attr(tag, 'min')), max: Number(attr(tag, 'max')), text: xml.slice(c.start, c.end), tag };
    });
}

/** The format index of a column (0-based), from its <col style>. */
export function columnStyleOf(entries: ColEntry[]): (col: number) => number {
  // Asked for every cell the writer creates: each column's answer kept (at most the sheet's columns).
  const known = new Map<number, number>();
  return (col) => {
    let style = known.get(col);
    if (style === undefined) {
      const e = entries.find((x) => x.min <= col + 1 && col + 1 <= x.max);
      const s = e ? attr(e.tag, 'style') : undefined;
      known.set(col, (style = s === undefined ? 0 : Number(s)));
    }
    return style;
  };
}

function copyTag(tag: StartTag): StartTag {
  return { name: tag.name, attrs: tag.attrs.map((a) => ({ ...a })), selfClosing: true };
}

/** The <cols> element with these widths (0-based column → characters) set; a <col> spanning
 * several columns is split so that only the named columns change. */
export function colsWithWidths(entries: ColEntry[], widths: Map<number, number>, name: string, colName: string, hidden: Map<number, boolean> = new Map()): string {
  let list = entries.map((e) => ({ ...e }));
  const changed = [...new Set([...widths.keys(), ...hidden.keys()])].sort((a, b) => a - b);
  for (const col0 of changed) {
    const col = col0 + 1;
    const width = widths.get(col0);
    const hide = hidden.get(col0);
    const i = list.findIndex((e) => e.min <= col && col <= e.max);
    const widthTag = (tag: StartTag) => {
      if (width !== undefined) {
        setAttr(tag, 'width', String(width));
        setAttr(tag, 'customWidth', '1');
      } else if (attr(tag, 'width') === undefined) setAttr(tag, 'width', '9.140625');
      if (hide !== undefined) setAttr(tag, 'hidden', hide ? '1' : undefined);
      return tag;
    };
    if (i < 0) {
      list.push({ min: col, max: col, text: null, tag: widthTag({ name: colName, attrs: [{ name: 'min', raw: String(col) }, { name: 'max', raw: String(col) }], selfClosing: true }) });
      continue;
    }
    const e = list[i];
    const pieces: ColEntry[] = [];
    const piece = (min: number, max: number, change: boolean) => {
      const tag = copyTag(e.tag);
      setAttr(tag, 'min', String(min));
      setAttr(tag, 'max', String(max));
      pieces.push({ min, max, text: null, tag: change ? widthTag(tag) : tag });
    };
    if (e.min < col) piece(e.min, col - 1, false);
    piece(col, col, true);
    if (col < e.max) piece(col + 1, e.max, false);
    list = [...list.slice(0, i), ...pieces, ...list.slice(i + 1)];
  }
  list.sort((a, b) => a.min - b.min);
  return `<${name}>${list.map((e) => e.text ?? renderStartTag(e.tag, true)).join('')}</${name}>`;
}

/** What a <col> says of a column's width and visibility: taken back with the column. */
const WIDTH_ATTRIBUTES = new Set(['width', 'customWidth', 'hidden', 'bestFit']);

/** The <col> entries without the width and hidden flag of these columns (0-based): a spanning
 * entry is split around them, so the other columns keep theirs. A column's other settings (its
 * style, outline level) stay, at `defaultWidth` (characters): a <col> without a width would hide
 * the column. An entry left with nothing else goes. */
export function colsWithout(entries: ColEntry[], reset: ReadonlySet<number>, defaultWidth = '9.140625'): ColEntry[] {
  if (reset.size === 0) return entries;
  const out: ColEntry[] = [];
  for (const e of entries) {
    let start = e.min;
    const piece = (from: number, to: number) => {
      const tag = copyTag(e.tag);
      setAttr(tag, 'min', String(from));
      setAttr(tag, 'max', String(to));
      return tag;
    };
    const flush = (end: number) => {
      if (end < start) return;
      if (start === e.min && end === e.max) out.push(e);
      else out.push({ min: start, max: end, text: null, tag: piece(start, end) });
    };
    for (let col = e.min; col <= e.max; col++) {
      if (!reset.has(col - 1)) continue;
      flush(col - 1);
      const tag = piece(col, col);
      tag.attrs = tag.attrs.filter((a) => !WIDTH_ATTRIBUTES.has(a.name));
      if (tag.attrs.some((a) => a.name !== 'min' && a.name !== 'max')) {
        setAttr(tag, 'width', defaultWidth);
        out.push({ min: col, max: col, text: null, tag });
      }
      start = col + 1;
    }
    flush(e.max);
  }
  return out;
}

/** The <cols> element of these entries ("" when none is left: an empty <cols> is not valid). */
export function colsXml(entries: ColEntry[], name: string): string {
  if (entries.length === 0) return '';
  return `<${name}>${entries.map((e) => e.text ?? renderStartTag(e.tag, true)).join('')}</${name}>`;
}

/**
 * The <dataValidations> element without the list validations inside `ranges` (the tool's
 * drop-down being taken back): areas of a list validation inside a range go, the validation
 * when none is left; every other validation keeps its text. undefined when nothing changes.
 */
export function dataValidationsWithout(xml: string, el: ElementSpan, ranges: CellRange[]): string | undefined {
  const inside = (a: CellRange) => ranges.some((r) => r.top <= a.top && a.bottom <= r.bottom && r.left <= a.left && a.right <= r.right);
  const kept: string[] = [];
  let changed = false;
  const openTag = parseStartTag(xml.slice(el.start, el.contentStart));
  for (const v of childElements(xml, el.contentStart, el.contentEnd)) {
    const text = xml.slice(v.start, v.end);
    const tag = v.local === 'dataValidation' ? parseStartTag(xml.slice(v.start, v.contentStart)) : null;
    const areas = tag && attr(tag, 'type') === 'list' ? parseSqref(attr(tag, 'sqref') ?? '') : null;
    if (!tag || !areas || !areas.some(inside)) {
      kept.push(text);
      continue;
    }
    changed = true;
    const left = areas.filter((a) => !inside(a));
    if (left.length === 0) continue;
    setAttr(tag, 'sqref', left.map(sqrefArea).join(' '));
    kept.push(renderStartTag(tag, v.contentEnd === v.end) + xml.slice(v.contentStart, v.end));
  }
  if (!changed) return undefined;
  const count = kept.filter((t) => /^<([\w.-]+:)?dataValidation[\s>/]/.test(t)).length;
  if (count === 0) return '';
  setAttr(openTag, 'count', String(count));
  return `${renderStartTag(openTag, false)}${kept.join('')}</${openTag.name}>`;
}

/** A list's inline formula: "a,b,c" in quotes, inner quotes doubled (as apply.ts writes it). */
function listFormula(choices: string[]): string {
  return `"${choices.map((c) => cleanText(c).replace(/"/g, '""')).join(',')}"`;
}

export function validationXml(prefix: string, v: ListValidation): string {
  // A warning, not a stop: wordings outside the list stay allowed.
  return (
    `<${prefix}dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" sqref="${sqrefArea(v.range)}">` +
    `<${prefix}formula1>${escapeText(listFormula(v.choices))}</${prefix}formula1></${prefix}dataValidation>`
  );
}

/**
 * The <dataValidations> element with ours added: a validation of the user's keeps its text,
 * except that the cells ours cover leave its sqref (dropped when none is left), as a new
 * validation replaces the old one on those cells in Excel.
 */
export function dataValidationsWith(xml: string, el: ElementSpan | undefined, prefix: string, ours: ListValidation[]): string {
  const kept: string[] = [];
  let openTag: StartTag = { name: `${prefix}dataValidations`, attrs: [], selfClosing: false };
  if (el) {
    openTag = parseStartTag(xml.slice(el.start, el.contentStart));
    for (const v of childElements(xml, el.contentStart, el.contentEnd)) {
      const text = xml.slice(v.start, v.end);
      if (v.local !== 'dataValidation') {
        kept.push(text);
        continue;
      }
      const tag = parseStartTag(xml.slice(v.start, v.contentStart));
      const areas = parseSqref(attr(tag, 'sqref') ?? '');
      if (!areas || !areas.some((a) => ours.some((o) => overlaps(a, o.range)))) {
        kept.push(text);
        continue;
      }
      let left = areas;
      for (const o of ours) left = left.flatMap((a) => subtract(a, o.range));
      if (left.length === 0) continue;
      setAttr(tag, 'sqref', left.map(sqrefArea).join(' '));
      kept.push(renderStartTag(tag, v.contentEnd === v.end) + xml.slice(v.contentStart, v.end));
    }
  }
  const all = [...kept, ...ours.map((v) => validationXml(prefix, v))];
  setAttr(openTag, 'count', String(all.filter((t) => t.startsWith(`<${prefix}dataValidation `) || t.startsWith(`<${prefix}dataValidation>`)).length));
  return all.length === 0 ? '' : `${renderStartTag(openTag, false)}${all.join('')}</${openTag.name}>`;
}

