/**
 * A ChangeSet turned into Excel operations, checked in full before anything is queued: every
 * range lies on the sheet, every block of values has its range's exact shape, no text is longer
 * than a cell holds, colours are #RRGGBB, list sources fit Excel's 255 characters, sheet names
 * are legal. A change set that fails here writes nothing.
 *
 * Each operation carries its estimated request size; apply.ts packs them into syncs. Change sets
 * place things by numbers (CellRange); the A1 text Office.js wants is made here, by the one A1
 * module (src/engine/a1.ts).
 * Only the addresses the change set names are touched. Conditional formats are the one place
 * where something not named by address is removed: the rules whose formula holds the change
 * set's tag, i.e. the rules a previous run added.
 */
import { MAX_COLS, MAX_ROWS, a1, a1Range, qualifiedA1, wholeColumns, wholeRows } from '../../engine/a1';
import type { CellInput, CellRange, CellStyle, ChangeSet, ConditionalFormatRule, FormatChange, FormulaFill, Lang, SheetCell, SheetModel, SheetNameDef } from '../../engine/model';
import { sameSheetName, sheetNameKey } from '../../engine/text';
import { applyPageLayout } from './page-layout';
import { ChangeSetError } from '../change-set-error';
import { MAX_CELL_TEXT, MAX_FORMULA_LENGTH, OP_OVERHEAD_BYTES, excelWouldConvert, jsonBytes, rowBlocks, textMask } from './payload';
import type { ExistingFormat } from './read';
import { printOps, removalOps, rowHeightOps, stateOp, type BlockPlanContext } from './plan-block';
import type { PlannedOp } from './planned-op';

export type { PlannedOp, QueueScope } from './planned-op';

export interface PlanContext {
  /** The sheet the data changes go to, as read (the active sheet). */
  sheetName: string;
  /** Existing sheets (to replace a report sheet of the same name in its place). */
  sheets: { name: string; position: number; visibility?: string }[];
  /** Custom conditional formats on the sheet, with their formulas, from the read. */
  customFormats: ExistingFormat[];
  /** Names scoped to the sheet, from the read (none when absent). */
  sheetNames?: string[];
  lang: Lang;
  /** Size of one values piece; a write larger than this is split by rows. */
  pieceBytes: number;
  /** How the sheet prints now, the state sheet and the used rows, from the read (plan-block.ts). */
  block?: Omit<BlockPlanContext, 'sheetName' | 'sheetNames'>;
}

const COLOR = /^#[0-9A-Fa-f]{6}$/;
const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;
const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', center: 'Center', bottom: 'Bottom' } as const;
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

function isIndex(n: unknown, limit: number): boolean {
  return Number.isInteger(n) && (n as number) >= 0 && (n as number) < limit;
}

/** The range lies on the sheet, corners in order; the A1 text Excel will be sent. */
function checkRange(range: CellRange, what: string): string {
  const { top, left, bottom, right } = range ?? ({} as CellRange);
  const valid = isIndex(top, MAX_ROWS) && isIndex(bottom, MAX_ROWS) && isIndex(left, MAX_COLS) && isIndex(right, MAX_COLS) && top <= bottom && left <= right;
  if (!valid) throw new ChangeSetError(`${what}: ${JSON.stringify(range)} is not a range of the sheet`);
  return a1Range(range);
}

/**
 * Column width in characters (of the default font's digits, Excel's own unit) to points, the
 * unit of Range.format.columnWidth: Excel pads a column by 5 pixels and a Calibri 11 digit is 7
 * pixels wide; 96 pixels make 72 points.
 */
export function charactersToPoints(characters: number): number {
  const pixels = Math.round(characters * 7 + 5);
  return pixels * 0.75;
}

function checkColor(c: string | undefined, what: string): void {
  if (c !== undefined && !COLOR.test(c)) throw new ChangeSetError(`${what}: colour "${c}" is not #RRGGBB`);
}

function checkValue(v: CellInput, where: string): void {
  if (typeof v === 'string' && v.length > MAX_CELL_TEXT) throw new ChangeSetError(`${where}: text longer than ${MAX_CELL_TEXT} characters`);
  if (typeof v === 'number' && !Number.isFinite(v)) throw new ChangeSetError(`${where}: ${v} is not a number Excel can hold`);
}

export function checkSheetName(name: string): void {
  if (typeof name !== 'string' || name.trim() === '' || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || /^'|'$/.test(name)) {
    throw new ChangeSetError(`"${name}" is not a valid sheet name`);
  }
}

/** Values (and the Text mask for cells Excel would convert), split into pieces by rows. */
function valueOps(sheetName: string, r: CellRange, values: CellInput[][], pieceBytes: number, label: string): PlannedOp[] {
  const address = checkRange(r, label);
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  if (values.length !== rows || values.some((line) => !Array.isArray(line) || line.length !== cols)) {
    throw new ChangeSetError(`${label}: ${address} needs ${rows}×${cols} values`);
  }
  values.forEach((line, i) => line.forEach((v, j) => checkValue(v, `${label} ${a1(r.top + i, r.left + j)}`)));
  if (values.every((line) => line.every((v) => v === null))) return [];
  const rowBytes = values.map((line) => jsonBytes(line) + 1);
  return rowBlocks(rowBytes, pieceBytes).map(({ start, end, bytes }) => {
    const piece = values.slice(start, end);
    const mask = textMask(piece);
    const pieceAddress = a1Range({ top: r.top + start, left: r.left, bottom: r.top + end - 1, right: r.right });
    return {
      label: `${label} ${pieceAddress}`,
      bytes: bytes + OP_OVERHEAD_BYTES + (mask ? jsonBytes(mask) + OP_OVERHEAD_BYTES : 0),
      queue: ({ sheet }) => {
        const range = sheet(sheetName).getRange(pieceAddress);
        if (mask) range.numberFormat = mask;
        range.values = piece as (string | number | boolean)[][];
      },
    };
  });
}

/** Cell styles of a FormatChange or SheetCell on a range (or areas); the number format goes apart. */
type StyleSpec = Omit<CellStyle, 'numberFormat'>;

function styleCount(s: StyleSpec): number {
  let n = 0;
  for (const k of ['bold', 'italic', 'fontSize', 'fontName', 'underline', 'wrapText', 'fill', 'fontColor', 'horizontalAlignment', 'verticalAlignment'] as const) if (s[k] !== undefined) n++;
  if (s.border) n += EDGES.length;
  return n;
}

function applyStyle(format: Excel.RangeFormat, s: StyleSpec): void {
  if (s.bold !== undefined) format.font.bold = s.bold;
  if (s.italic !== undefined) format.font.italic = s.italic;
  if (s.fontSize !== undefined) format.font.size = s.fontSize;
  if (s.fontName !== undefined) format.font.name = s.fontName;
  if (s.underline !== undefined) format.font.underline = s.underline ? 'Single' : 'None';
  if (s.fontColor !== undefined) format.font.color = s.fontColor;
  if (s.fill !== undefined) format.fill.color = s.fill;
  if (s.wrapText !== undefined) format.wrapText = s.wrapText;
  if (s.horizontalAlignment !== undefined) format.horizontalAlignment = H_ALIGN[s.horizontalAlignment];
  if (s.verticalAlignment !== undefined) format.verticalAlignment = V_ALIGN[s.verticalAlignment];
  if (s.border) {
    for (const edge of EDGES) {
      const b = format.borders.getItem(edge);
      b.style = 'Continuous';
      b.weight = 'Thin';
    }
  }
}

/**
 * One number format for every cell of a range, as the 2-D array Range.numberFormat takes (its
 * type is any[][]; no scalar form is documented), in pieces of rows under `pieceBytes`.
 */
function numberFormatOps(sheetName: string, r: CellRange, format: string, pieceBytes: number): PlannedOp[] {
  const cols = r.right - r.left + 1;
  const rowBytes = jsonBytes(new Array<string>(cols).fill(format)) + 1;
  return rowBlocks(new Array<number>(r.bottom - r.top + 1).fill(rowBytes), pieceBytes).map(({ start, end, bytes }) => {
    const address = a1Range({ top: r.top + start, left: r.left, bottom: r.top + end - 1, right: r.right });
    return {
      label: `number format ${address}`,
      bytes: bytes + OP_OVERHEAD_BYTES,
      queue: ({ sheet }) => {
        sheet(sheetName).getRange(address).numberFormat = Array.from({ length: end - start }, () => new Array<string>(cols).fill(format));
      },
    };
  });
}

function formatOps(sheetName: string, f: FormatChange, pieceBytes: number): PlannedOp[] {
  const address = checkRange(f.range, 'format');
  checkColor(f.fill, `format ${address}`);
  checkColor(f.fontColor, `format ${address}`);
  if (f.columnWidth !== undefined && !(f.columnWidth >= 0 && f.columnWidth <= 255)) throw new ChangeSetError(`format ${address}: column width ${f.columnWidth}`);
  const ops: PlannedOp[] = [];
  if (f.numberFormat !== undefined) ops.push(...numberFormatOps(sheetName, f.range, f.numberFormat, pieceBytes));
  const n = styleCount(f);
  if (n > 0 || f.columnWidth !== undefined || f.columnHidden !== undefined) {
    ops.push({
      label: `format ${address}`,
      bytes: OP_OVERHEAD_BYTES * (1 + n + (f.columnWidth !== undefined ? 1 : 0) + (f.columnHidden !== undefined ? 1 : 0)),
      queue: ({ sheet }) => {
        const range = sheet(sheetName).getRange(address);
        applyStyle(range.format, f);
        if (f.columnWidth !== undefined) range.format.columnWidth = charactersToPoints(f.columnWidth);
        // Range.columnHidden (ExcelApi 1.2) hides or shows the range's whole columns.
        if (f.columnHidden !== undefined) range.columnHidden = f.columnHidden;
      },
    });
  }
  return ops;
}

/**
 * A formula filled over a range, as Range.formulasR1C1 (ExcelApi 1.2): the same R1C1 text in
 * every cell, each reading it from its own row, in pieces of rows under `pieceBytes`.
 */
function formulaOps(sheetName: string, fill: FormulaFill, pieceBytes: number): PlannedOp[] {
  const r = fill.range;
  const address = checkRange(r, 'formula');
  for (const f of [fill.formula, fill.formulaR1C1]) {
    if (typeof f !== 'string' || !f.startsWith('=') || f.length > MAX_FORMULA_LENGTH) throw new ChangeSetError(`formula ${address}: must start with "=" and fit ${MAX_FORMULA_LENGTH} characters`);
  }
  const cols = r.right - r.left + 1;
  const rowBytes = jsonBytes(new Array<string>(cols).fill(fill.formulaR1C1)) + 1;
  return rowBlocks(new Array<number>(r.bottom - r.top + 1).fill(rowBytes), pieceBytes).map(({ start, end, bytes }) => {
    const piece = a1Range({ top: r.top + start, left: r.left, bottom: r.top + end - 1, right: r.right });
    return {
      label: `formula ${piece}`,
      bytes: bytes + OP_OVERHEAD_BYTES,
      queue: ({ sheet }) => {
        sheet(sheetName).getRange(piece).formulasR1C1 = Array.from({ length: end - start }, () => new Array<string>(cols).fill(fill.formulaR1C1));
      },
    };
  });
}

/** Excel's rule for a defined name: a letter, "_" or "\" first, then letters, digits, "_" and
 * "."; at most 255 characters; not a cell reference. */
const NAME_RE = /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/;

/**
 * A name scoped to the sheet (Worksheet.names, ExcelApi 1.4), replaced when the read found it:
 * NamedItemCollection.add refuses a name that exists ("A resource with the same name or
 * identifier already exists", office-js #2875), so the old one is deleted in the same batch.
 */
function nameOp(sheetName: string, def: SheetNameDef, existing: readonly string[]): PlannedOp {
  if (!NAME_RE.test(def.name) || /^[A-Za-z]{1,3}\d+$/.test(def.name)) throw new ChangeSetError(`"${def.name}" is not a valid name`);
  const old = existing.find((n) => n.toUpperCase() === def.name.toUpperCase());
  let address: string | null = null;
  let formula: string | null = null;
  if ('cell' in def.refersTo) {
    const { row, col } = def.refersTo.cell;
    address = checkRange({ top: row, left: col, bottom: row, right: col }, `name ${def.name}`);
  } else {
    formula = def.refersTo.formula;
    if (!formula.startsWith('=') || formula.length > MAX_FORMULA_LENGTH) throw new ChangeSetError(`name ${def.name}: its formula must start with "="`);
  }
  return {
    label: `name ${def.name}`,
    bytes: OP_OVERHEAD_BYTES * (old ? 3 : 2) + (formula?.length ?? 0) * 2,
    queue: ({ sheet }) => {
      const ws = sheet(sheetName);
      if (old) ws.names.getItem(old).delete();
      ws.names.add(def.name, address !== null ? ws.getRange(address) : formula!);
    },
  };
}

function validationOp(sheetName: string, range: CellRange, choices: string[], lang: Lang): PlannedOp {
  const address = checkRange(range, 'validation');
  if (choices.length === 0 || choices.some((c) => c.includes(',') || c.trim() === '')) throw new ChangeSetError(`validation ${address}: choices must be non-empty and hold no comma`);
  const source = choices.join(',');
  if (source.length > 255) throw new ChangeSetError(`validation ${address}: the list is longer than Excel's 255 characters`);
  return {
    label: `validation ${address}`,
    bytes: OP_OVERHEAD_BYTES * 3 + source.length * 2,
    queue: ({ sheet }) => {
      const dv = sheet(sheetName).getRange(address).dataValidation;
      // Only these cells' validation is replaced: clear() acts on the range alone.
      dv.clear();
      dv.rule = { list: { inCellDropDown: true, source } };
      // A warning, not a stop: other wordings ("Đang triển khai") stay allowed and are understood.
      dv.errorAlert = {
        showAlert: true,
        style: 'Warning',
        title: lang === 'vi' ? 'Tình trạng' : 'Status',
        message: lang === 'vi' ? `Nên chọn một trong: ${choices.join('; ')}.` : `Choose one of: ${choices.join('; ')}.`,
      };
    },
  };
}

function conditionalFormatOps(sheetName: string, tag: string, rules: ConditionalFormatRule[], existing: ExistingFormat[]): PlannedOp[] {
  const ops: PlannedOp[] = [];
  const addresses = rules.map((rule, i) => {
    const address = checkRange(rule.range, 'conditional format');
    if (!rule.formula.startsWith('=') || rule.formula.length > MAX_FORMULA_LENGTH) throw new ChangeSetError(`conditional format ${i + 1}: formula must start with "=" and fit ${MAX_FORMULA_LENGTH} characters`);
    if (tag !== '' && !rule.formula.includes(tag)) throw new ChangeSetError(`conditional format ${i + 1}: formula lacks the tag "${tag}", a later run could not find it`);
    checkColor(rule.fill, `conditional format ${i + 1}`);
    checkColor(rule.fontColor, `conditional format ${i + 1}`);
    return address;
  });
  // A previous run's rules: found by the tag in their formula. An empty tag removes nothing.
  const stale = tag === '' ? [] : existing.filter((f) => f.formula.includes(tag));
  if (stale.length > 0) {
    ops.push({
      label: `delete ${stale.length} tagged conditional formats`,
      bytes: OP_OVERHEAD_BYTES * stale.length,
      queue: () => {
        for (const f of stale) f.proxy.delete();
      },
    });
  }
  rules.forEach((rule, i) => {
    ops.push({
      label: `conditional format ${i + 1} on ${addresses[i]}`,
      bytes: OP_OVERHEAD_BYTES * 7 + rule.formula.length * 2,
      queue: ({ sheet }) => {
        const cf = sheet(sheetName).getRange(addresses[i]).conditionalFormats.add('Custom');
        cf.custom.rule.formula = rule.formula;
        cf.custom.format.fill.color = rule.fill;
        cf.custom.format.font.color = rule.fontColor;
        cf.stopIfTrue = rule.stopIfTrue;
        // Excel adds a rule on top; moving it to i keeps the change set's order (first = highest)
        // with the user's own rules after ours.
        cf.priority = i;
      },
    });
  });
  if (rules.length > 0) {
    // Rules added through the API may not repaint when their cells change until the sheet is
    // calculated (office-js #5299; #1157): once, after the last rule.
    ops.push({ label: 'calculate after the highlights', bytes: OP_OVERHEAD_BYTES, queue: ({ sheet }) => sheet(sheetName).calculate(true) });
  }
  return ops;
}

// ---------------------------------------------------------------------------------------------
// Whole sheets (the report)
// ---------------------------------------------------------------------------------------------

function styleKey(c: SheetCell): string {
  return JSON.stringify([c.bold, c.italic, c.fontSize, c.fontName, c.underline, c.wrapText, c.fill, c.fontColor, c.horizontalAlignment, c.verticalAlignment, c.border]);
}

/** Consecutive cells of a row with the same style become one area: "B5:K5". */
function areasOf(cells: { row: number; col: number }[]): string[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const areas: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].row === sorted[i].row && sorted[j + 1].col === sorted[j].col + 1) j++;
    areas.push(a1Range({ top: sorted[i].row, left: sorted[i].col, bottom: sorted[j].row, right: sorted[j].col }));
    i = j + 1;
  }
  return areas;
}

/**
 * Merges as few Range.merge calls: one-row merges over the same columns on consecutive rows (a
 * list's text cells, B21:E21, B22:E22, …) are one merge(across = true) of the whole block.
 */
export function mergeRuns(rects: CellRange[]): { address: string; across: boolean }[] {
  const single = rects.filter((r) => r.top === r.bottom).sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  const out: { address: string; across: boolean }[] = rects.filter((r) => r.top !== r.bottom).map((r) => ({ address: a1Range(r), across: false }));
  let i = 0;
  while (i < single.length) {
    let j = i;
    while (j + 1 < single.length && single[j + 1].left === single[i].left && single[j + 1].right === single[i].right && single[j + 1].top === single[j].top + 1) j++;
    const r = single[i];
    out.push({ address: a1Range({ top: r.top, left: r.left, bottom: single[j].top, right: r.right }), across: j > i });
    i = j + 1;
  }
  return out;
}

/** Address lists for Worksheet.getRanges, kept short. */
function chunkAddresses(areas: string[], maxChars = 2000): string[] {
  const out: string[] = [];
  let current = '';
  for (const a of areas) {
    if (current !== '' && current.length + a.length + 1 > maxChars) {
      out.push(current);
      current = '';
    }
    current = current === '' ? a : `${current},${a}`;
  }
  if (current !== '') out.push(current);
  return out;
}

/** A whole-sheet matrix (bounding box of the cells) with null where a cell sets nothing. */
function matrix<T>(cells: { row: number; col: number; v: T }[]): { top: number; left: number; rows: (T | null)[][] } | null {
  if (cells.length === 0) return null;
  const top = Math.min(...cells.map((c) => c.row));
  const bottom = Math.max(...cells.map((c) => c.row));
  const left = Math.min(...cells.map((c) => c.col));
  const right = Math.max(...cells.map((c) => c.col));
  const rows: (T | null)[][] = Array.from({ length: bottom - top + 1 }, () => new Array<T | null>(right - left + 1).fill(null));
  for (const c of cells) rows[c.row - top][c.col - left] = c.v;
  return { top, left, rows };
}

function matrixOps<T>(sheetName: string, m: { top: number; left: number; rows: (T | null)[][] } | null, label: string, pieceBytes: number, assign: (range: Excel.Range, rows: (T | null)[][]) => void): PlannedOp[] {
  if (!m) return [];
  const width = m.rows[0].length;
  return rowBlocks(m.rows.map((r) => jsonBytes(r) + 1), pieceBytes).map(({ start, end, bytes }) => {
    const address = a1Range({ top: m.top + start, left: m.left, bottom: m.top + end - 1, right: m.left + width - 1 });
    const piece = m.rows.slice(start, end);
    return {
      label: `${label} ${address}`,
      bytes: bytes + OP_OVERHEAD_BYTES,
      queue: ({ sheet }) => assign(sheet(sheetName).getRange(address), piece),
    };
  });
}

function sheetOps(model: SheetModel, ctx: PlanContext): PlannedOp[] {
  checkSheetName(model.name);
  if (sameSheetName(model.name, ctx.sheetName)) throw new ChangeSetError(`the sheet "${model.name}" to build is the sheet being checked`);
  const name = model.name;
  const old = ctx.sheets.find((s) => sameSheetName(s.name, name));
  const ops: PlannedOp[] = [];
  ops.push({
    label: `${old ? 'replace' : 'create'} sheet ${name}`,
    bytes: OP_OVERHEAD_BYTES * 3,
    queue: ({ ctx: c }) => {
      if (old) {
        const previous = c.workbook.worksheets.getItem(old.name);
        // Its JSDoc: deleting a "VeryHidden" sheet fails with InvalidOperation; hidden first.
        if (old.visibility === 'VeryHidden') previous.visibility = 'Hidden';
        previous.delete();
      }
      const created = c.workbook.worksheets.add(name);
      // A replaced sheet keeps its place among the tabs.
      if (old) created.position = old.position;
    },
  });

  const placed = model.cells.map((c) => {
    const address = checkRange({ top: c.row, left: c.col, bottom: c.row, right: c.col }, `sheet ${name}`);
    checkColor(c.fill, `sheet ${name} ${address}`);
    checkColor(c.fontColor, `sheet ${name} ${address}`);
    if (c.value !== undefined) checkValue(c.value, `sheet ${name} ${address}`);
    if (c.formula !== undefined && (!c.formula.startsWith('=') || c.formula.length > MAX_FORMULA_LENGTH)) throw new ChangeSetError(`sheet ${name} ${address}: formula must start with "="`);
    if (c.link) {
      checkSheetName(c.link.sheet);
      checkRange({ top: c.link.row, left: c.link.col, bottom: c.link.row, right: c.link.col }, `link on ${name}!${address}`);
    }
    return { cell: c, row: c.row, col: c.col, address };
  });

  const valueCells = placed.filter((p) => p.cell.formula === undefined && p.cell.value !== undefined && p.cell.value !== null);
  const texts = valueCells.filter((p) => typeof p.cell.value === 'string').map((p) => ({ row: p.row, col: p.col, v: p.cell.value as string }));
  const mask = matrix(texts.filter((t) => excelWouldConvert(t.v)).map((t) => ({ row: t.row, col: t.col, v: '@' })));
  ops.push(...matrixOps(name, mask, `text format on ${name}`, ctx.pieceBytes, (range, rows) => (range.numberFormat = rows as string[][])));
  ops.push(...matrixOps(name, matrix(valueCells.map((p) => ({ row: p.row, col: p.col, v: p.cell.value as CellInput }))), `values on ${name}`, ctx.pieceBytes, (range, rows) => (range.values = rows as (string | number | boolean)[][])));
  const formulaCells = placed.filter((p) => p.cell.formula !== undefined).map((p) => ({ row: p.row, col: p.col, v: p.cell.formula as string }));
  ops.push(...matrixOps(name, matrix(formulaCells), `formulas on ${name}`, ctx.pieceBytes, (range, rows) => (range.formulas = rows as string[][])));
  const formatted = placed.filter((p) => p.cell.numberFormat !== undefined).map((p) => ({ row: p.row, col: p.col, v: p.cell.numberFormat as string }));
  ops.push(...matrixOps(name, matrix(formatted), `number formats on ${name}`, ctx.pieceBytes, (range, rows) => (range.numberFormat = rows as string[][])));

  // Styles: cells sharing one style are styled together through Worksheet.getRanges.
  const byStyle = new Map<string, { spec: StyleSpec; cells: { row: number; col: number }[] }>();
  for (const p of placed) {
    if (styleCount(p.cell) === 0) continue;
    const key = styleKey(p.cell);
    const entry = byStyle.get(key) ?? { spec: p.cell, cells: [] };
    entry.cells.push({ row: p.row, col: p.col });
    byStyle.set(key, entry);
  }
  for (const { spec, cells } of byStyle.values()) {
    for (const addresses of chunkAddresses(areasOf(cells))) {
      ops.push({
        label: `style on ${name} ${addresses.slice(0, 40)}`,
        bytes: OP_OVERHEAD_BYTES * (2 + styleCount(spec)) + addresses.length,
        queue: ({ sheet }) => applyStyle(sheet(name).getRanges(addresses).format, spec),
      });
    }
  }

  for (const p of placed.filter((x) => x.cell.link)) {
    const link = p.cell.link!;
    const text = p.cell.value === undefined || p.cell.value === null ? '' : String(p.cell.value);
    const address = p.address;
    const target = qualifiedA1(link.sheet, { top: link.row, left: link.col, bottom: link.row, right: link.col });
    ops.push({
      label: `link ${name}!${address}`,
      bytes: OP_OVERHEAD_BYTES + jsonBytes(text) + link.sheet.length * 2,
      queue: ({ sheet }) => {
        sheet(name).getRange(address).hyperlink = { documentReference: target, textToDisplay: text };
      },
    });
  }
  ops.push(...layoutOps(model));
  return ops;
}

/** Default row height (Calibri 11) and the printable height of an A4 page in points, landscape
 * (the smaller) less generous margins: fit to width only ever shrinks, so a page holds at least
 * this much of the sheet. */
const DEFAULT_ROW_POINTS = 15;
const A4_PRINTABLE_POINTS = 595 - 120;
const MAX_FIT_PAGES = 32_767;

/** Pages tall that never bind: the sheet's rows at their heights over a page, plus one. */
export function pagesTallEnough(model: SheetModel): number {
  const lastRow = model.cells.reduce((m, c) => Math.max(m, c.row), 0);
  const heights = model.rowHeights ?? {};
  let points = 0;
  for (let r = 0; r <= lastRow; r++) points += heights[r] ?? DEFAULT_ROW_POINTS;
  return Math.min(MAX_FIT_PAGES, Math.ceil(points / A4_PRINTABLE_POINTS) + 1);
}

/** Merges, column widths, row heights, page layout and the chart of a sheet being built. */
function layoutOps(model: SheetModel): PlannedOp[] {
  const name = model.name;
  const ops: PlannedOp[] = [];
  for (const m of model.merges) checkRange(m, `merge on ${name}`);
  for (const { address, across } of mergeRuns(model.merges)) {
    ops.push({ label: `merge ${name}!${address}`, bytes: OP_OVERHEAD_BYTES, queue: ({ sheet }) => sheet(name).getRange(address).merge(across) });
  }
  for (const [key, width] of Object.entries(model.columnWidths)) {
    const col = Number(key);
    if (!isIndex(col, MAX_COLS) || !(width >= 0 && width <= 255)) throw new ChangeSetError(`sheet ${name}: column width ${key}=${width}`);
    const columns = a1Range(wholeColumns(col, col));
    ops.push({ label: `width ${name}!${columns}`, bytes: OP_OVERHEAD_BYTES, queue: ({ sheet }) => (sheet(name).getRange(columns).format.columnWidth = charactersToPoints(width)) });
  }
  // Consecutive rows of the same height are set in one call ("21:40").
  const heights = Object.entries(model.rowHeights ?? {}).map(([row, height]) => {
    if (!isIndex(Number(row), MAX_ROWS) || !(height > 0 && height <= 409)) throw new ChangeSetError(`sheet ${name}: row height ${row}=${height}`);
    return { row: Number(row), height };
  });
  heights.sort((a, b) => a.row - b.row);
  for (let i = 0; i < heights.length; ) {
    let j = i;
    while (j + 1 < heights.length && heights[j + 1].row === heights[j].row + 1 && heights[j + 1].height === heights[i].height) j++;
    const rows = a1Range(wholeRows(heights[i].row, heights[j].row));
    const height = heights[i].height;
    ops.push({ label: `height ${name}!${rows}`, bytes: OP_OVERHEAD_BYTES, queue: ({ sheet }) => (sheet(name).getRange(rows).format.rowHeight = height) });
    i = j + 1;
  }
  const print = model.print;
  const pagesTall = pagesTallEnough(model);
  let titleRows: string | null = null;
  if (print.repeatRows) {
    const rows = wholeRows(print.repeatRows.first, print.repeatRows.last);
    checkRange(rows, `print titles on ${name}`);
    titleRows = a1Range(rows, 'row');
  }
  ops.push({
    label: `page layout ${name}`,
    bytes: OP_OVERHEAD_BYTES * (4 + (print.margins ? 6 : 0) + (print.pageNumbers ? 3 : 0)),
    queue: ({ sheet }) => applyPageLayout(sheet(name).pageLayout, print, titleRows, pagesTall),
  });
  if (model.chart) {
    const chart = model.chart;
    const data = checkRange(chart.data, `chart on ${name}`);
    checkRange(chart.placement, `chart on ${name}`);
    const topLeft = a1(chart.placement.top, chart.placement.left);
    const bottomRight = a1(chart.placement.bottom, chart.placement.right);
    ops.push({
      label: `chart on ${name}`,
      bytes: OP_OVERHEAD_BYTES * 4 + chart.title.length * 2,
      queue: ({ sheet }) => {
        const ws = sheet(name);
        const c = ws.charts.add('BarStacked', ws.getRange(data), 'Columns');
        c.title.text = chart.title;
        c.setPosition(topLeft, bottomRight);
      },
    });
  }
  return ops;
}

/** Every operation of the change set, in the order they are applied: the tracking block's
 * values, its formats (the helper column hidden), the sheet's names, the helper column's and
 * the as-of cell's formulas, the drop-down, the highlights, then whole sheets. */
export function planChangeSet(changes: ChangeSet, ctx: PlanContext): PlannedOp[] {
  const ops: PlannedOp[] = [];
  const hasSheetChanges =
    changes.writes.length > 0 || changes.formats.length > 0 || changes.validations.length > 0 || changes.conditionalFormats.rules.length > 0 ||
    (changes.formulas ?? []).length > 0 || (changes.names ?? []).length > 0 || changes.removals !== undefined || changes.print !== undefined ||
    (changes.rowHeights ?? []).length > 0;
  if (hasSheetChanges && !sameSheetName(changes.sheet, ctx.sheetName)) {
    throw new ChangeSetError(`the changes are for sheet "${changes.sheet}" but the open sheet is "${ctx.sheetName}"`);
  }
  const target = ctx.sheetName;
  const block: BlockPlanContext = { sheetName: target, sheetNames: ctx.sheetNames ?? [], stateSheet: null, structureProtected: false, usedRows: 1, ...ctx.block };
  // Taking back comes first: the rest of a change set may write where it cleared.
  ops.push(...removalOps(changes, block));
  for (const w of changes.writes) ops.push(...valueOps(target, w.range, w.values, ctx.pieceBytes, 'values'));
  for (const f of changes.formats) ops.push(...formatOps(target, f, ctx.pieceBytes));
  // Names before the formulas and the highlights that use them.
  for (const def of changes.names ?? []) ops.push(nameOp(target, def, ctx.sheetNames ?? []));
  for (const fill of changes.formulas ?? []) ops.push(...formulaOps(target, fill, ctx.pieceBytes));
  for (const v of changes.validations) ops.push(validationOp(target, v.range, v.choices, ctx.lang));
  ops.push(...conditionalFormatOps(target, changes.conditionalFormats.tag, changes.conditionalFormats.rules, ctx.customFormats));
  ops.push(...printOps(changes, block));
  ops.push(...rowHeightOps(changes.rowHeights, target));
  const names = new Set<string>();
  for (const model of changes.sheets) {
    const key = sheetNameKey(model.name);
    if (names.has(key)) throw new ChangeSetError(`two sheets named "${model.name}"`);
    names.add(key);
    ops.push(...sheetOps(model, ctx));
  }
  // Last: a new state sheet goes after the report sheet.
  ops.push(...stateOp(changes.state, block));
  return ops;
}
