/**
 * Lays a ReportModel out as a SheetModel: an administrative report in the form of Decree
 * 30/2020/NĐ-CP, Appendix I (report.md, "The report sheet" and "The report as a document"):
 *
 *   governing agency · ISSUING AGENCY        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / motto (underlined)
 *   Số: …/BC-…                                place, ngày … tháng … năm …
 *                       BÁO CÁO / summary line / data period
 *   body: the intro, then tables I–V (document.ts and tables.ts give the words)
 *   Nơi nhận: …                               SIGNER'S TITLE … name
 *
 * Times New Roman throughout; A4 landscape with the decree's margins and the page number centred
 * in the top margin from page two. Counts are values; every total, "done" and rate is an Excel
 * formula over them, so the sheet stays right when someone edits a count. Each formula cell also
 * carries its computed result as `value`, for hosts that write a cached result next to it.
 */
import { a1, a1Range } from '../engine/a1';
import type { CellInput, CellRange, SheetCell, SheetModel } from '../engine/model';
import { formatDate } from '../i18n/dates';
import { TASK_CLASSES, type ClassCounts } from './classify';
import { DECREE_MARGINS, documentParts, FONT_SIZES, REPORT_FONT, type DocumentParts } from './document';
import { reportLabels } from './labels';
import type { ReportModel } from './model';
import { reportTables, type ListColumnKey, type ListTable, type StatsRow, type StatsTable } from './tables';

/** Sheet columns (0-based: A = 0): the six classes sit right of the category column so that
 * one contiguous range (B:H) feeds the stacked-bar chart; totals, done and rate follow. */
const COL = {
  stt: 0,
  name: 1,
  classes: [2, 3, 4, 5, 6, 7],
  total: 8,
  done: 9,
  rate: 10,
} as const;
const LAST_COL = 10;
/** Column widths in characters, A…K: about 250 mm, the width of an A4 landscape page inside the
 * decree's margins, so the page is printed at (nearly) full size. F holds the lists' due dates:
 * wide enough for dd/mm/yyyy in the body's 13 pt on one line (a date broken over two lines
 * reads as two numbers). */
const COLUMN_WIDTHS = [6, 35, 10, 10, 10, 13, 10, 10, 9, 9, 10];
/** The header's two halves: the agency block (A:D) and the national title (E:K). */
const LEFT = { from: 0, to: 3 } as const;
const RIGHT = { from: 4, to: LAST_COL } as const;

type Spans = Partial<Record<ListColumnKey, [number, number]>>;
/** Where each list column sits: A STT · B task · C:E lead · F due · G:H status · I days · J:K row. */
const LIST_SPANS: Spans = { stt: [0, 0], task: [1, 1], lead: [2, 4], due: [5, 5], status: [6, 7], days: [8, 8], row: [9, 10] };
/** The data-quality list: A STT · B task · C:D lead · E:F problems · G:I reasons · J:K row. */
const QUALITY_SPANS: Spans = { stt: [0, 0], task: [1, 1], lead: [2, 3], issues: [4, 5], reasons: [6, 8], row: [9, 10] };

const HEADER_FILL = '#DDEBF7';
const TOTAL_FILL = '#F2F2F2';
const RATE_FORMAT = '0.0%';
const COUNT_FORMAT = '0';
/** Rows the chart takes below the signer's block (Excel only). */
const CHART_ROWS = 20;
/** Blank rows between the signer's title and name: room for the signature and the seal. */
const SIGNATURE_ROWS = 4;

type CellContent = Omit<SheetCell, 'row' | 'col'>;
type Style = Omit<CellContent, 'value' | 'formula' | 'link'>;

const font = (fontSize: number): Style => ({ fontName: REPORT_FONT, fontSize });

/** Rows and columns are 0-based sheet coordinates, as in the SheetModel. */
class SheetBuilder {
  readonly cells: SheetCell[] = [];
  readonly merges: CellRange[] = [];
  row = 0;

  put(col: number, row: number, cell: CellContent): void {
    this.cells.push({ row, col, ...cell });
  }

  /** Cells left…right of a row become one. */
  merge(row: number, left: number, right: number): void {
    this.merges.push({ top: row, left, bottom: row, right });
  }

  /** Text over columns from…to of a row (merged when wider than one column). */
  span(row: number, from: number, to: number, text: string, style: Style): void {
    if (text === '') return;
    this.put(from, row, { value: text, wrapText: true, verticalAlignment: 'top', ...style });
    if (to > from) this.merge(row, from, to);
  }

  /** A line of text across A:K. */
  line(text: string, style: Style): number {
    const r = this.row++;
    this.span(r, COL.stt, LAST_COL, text, style);
    return r;
  }

  skip(n = 1): void {
    this.row += n;
  }
}

const BOX = { border: true, verticalAlignment: 'center' as const, ...font(FONT_SIZES.table) };
const HEAD = { ...BOX, bold: true, wrapText: true, fill: HEADER_FILL, horizontalAlignment: 'center' as const };

// ---------------------------------------------------------------------------------------------
// The document's header and closing
// ---------------------------------------------------------------------------------------------

/** Upper left the agencies and the number, upper right the national title, the motto and the
 * place and date; then the type, the summary line and the data period, centred. */
function header(b: SheetBuilder, p: DocumentParts): void {
  const centred = { horizontalAlignment: 'center' as const };
  const left: [string, Style][] = [];
  if (p.governingAgency) left.push([p.governingAgency, { ...font(FONT_SIZES.agency), ...centred }]);
  left.push([p.agency, { ...font(FONT_SIZES.agency), ...centred, bold: true }]);
  const right: [string, Style][] = [
    [p.nationalTitle, { ...font(FONT_SIZES.nationalTitle), ...centred, bold: true }],
    [p.motto, { ...font(FONT_SIZES.motto), ...centred, bold: true, underline: true }],
  ];
  const top = b.row;
  const rows = Math.max(left.length, right.length);
  for (let i = 0; i < rows; i++) {
    if (left[i]) b.span(top + i, LEFT.from, LEFT.to, ...left[i]);
    if (right[i]) b.span(top + i, RIGHT.from, RIGHT.to, ...right[i]);
  }
  b.row = top + rows + 1;
  const r = b.row++;
  b.span(r, LEFT.from, LEFT.to, p.number, { ...font(FONT_SIZES.number), ...centred });
  b.span(r, RIGHT.from, RIGHT.to, p.placeDate, { ...font(FONT_SIZES.placeDate), ...centred, italic: true });
  b.skip();
  b.line(p.type, { ...font(FONT_SIZES.type), ...centred, bold: true });
  b.line(p.summary, { ...font(FONT_SIZES.summary), ...centred, bold: true });
  b.line(p.dataPeriod, { ...font(FONT_SIZES.body), ...centred, italic: true });
  b.skip();
}

/** "Nơi nhận" and its list at the lower left; the signer's title, room to sign, and the name at
 * the lower right. */
function closing(b: SheetBuilder, p: DocumentParts): void {
  const top = b.row;
  b.span(top, LEFT.from, LEFT.to, p.recipientsHeading, { ...font(FONT_SIZES.recipientsHeading), bold: true, italic: true });
  p.recipients.forEach((line, i) => b.span(top + 1 + i, LEFT.from, LEFT.to, line, font(FONT_SIZES.recipients)));
  const signer = { ...font(FONT_SIZES.signer), bold: true, horizontalAlignment: 'center' as const };
  p.signerTitle.forEach((line, i) => b.span(top + i, RIGHT.from, RIGHT.to, line, signer));
  const nameRow = top + p.signerTitle.length + SIGNATURE_ROWS;
  b.span(nameRow, RIGHT.from, RIGHT.to, p.signerName, signer);
  b.row = Math.max(nameRow, top + p.recipients.length) + 1;
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

function statsHeader(b: SheetBuilder, columns: string[]): number {
  const r = b.row++;
  // STT, name, six classes, total, done, rate: columns A…K in order.
  columns.forEach((heading, col) => b.put(col, r, { value: heading, ...HEAD }));
  return r;
}

/** done / total of the row, blank when the row counts no task. */
function rateFormula(r: number): string {
  return `=IF(${a1(r, COL.total)}=0,"",${a1(r, COL.done)}/${a1(r, COL.total)})`;
}

function rateValue(done: number, total: number): CellInput {
  return total === 0 ? '' : done / total;
}

/** One data row: counts as values, total/done/rate as formulas. */
function statsRow(b: SheetBuilder, row: StatsRow): number {
  const r = b.row++;
  const { counts } = row;
  const number = { ...BOX, numberFormat: COUNT_FORMAT, horizontalAlignment: 'center' as const };
  b.put(COL.stt, r, { value: row.stt, ...BOX, horizontalAlignment: 'center' });
  b.put(COL.name, r, { value: row.name, ...BOX, wrapText: true });
  TASK_CLASSES.forEach((cls, i) => b.put(COL.classes[i], r, { value: counts[cls], ...number }));
  const classes: CellRange = { top: r, left: COL.classes[0], bottom: r, right: COL.classes[COL.classes.length - 1] };
  b.put(COL.total, r, { formula: `=SUM(${a1Range(classes)})`, value: counts.total, ...number, bold: true });
  // doneOnTime and doneLate are the first two class columns.
  b.put(COL.done, r, { formula: `=${a1(r, COL.classes[0])}+${a1(r, COL.classes[1])}`, value: counts.done, ...number });
  b.put(COL.rate, r, { formula: rateFormula(r), value: rateValue(counts.done, counts.total), ...BOX, numberFormat: RATE_FORMAT, horizontalAlignment: 'center' });
  return r;
}

/** The totals row: a SUM of every count column over the data rows, and the rate of the sums. */
function totalsRow(b: SheetBuilder, label: string, firstData: number, lastData: number, sums: ClassCounts): number {
  const r = b.row++;
  const style = { ...BOX, bold: true, fill: TOTAL_FILL, horizontalAlignment: 'center' as const };
  b.put(COL.stt, r, { value: '', ...style });
  b.put(COL.name, r, { value: label, ...style });
  const columns: [number, number][] = [
    ...TASK_CLASSES.map((cls, i): [number, number] => [COL.classes[i], sums[cls]]),
    [COL.total, sums.total],
    [COL.done, sums.done],
  ];
  for (const [col, value] of columns) {
    // An empty table sums nothing: write 0 rather than a formula over a reversed range.
    if (lastData < firstData) b.put(col, r, { value: 0, ...style, numberFormat: COUNT_FORMAT });
    else b.put(col, r, { formula: `=SUM(${a1(firstData, col)}:${a1(lastData, col)})`, value, ...style, numberFormat: COUNT_FORMAT });
  }
  b.put(COL.rate, r, { formula: rateFormula(r), value: rateValue(sums.done, sums.total), ...style, numberFormat: RATE_FORMAT });
  return r;
}

const headingStyle: Style = { ...font(FONT_SIZES.body), bold: true };

/** A statistics table: heading, header row, data rows, totals and its note; the header row and
 * the data rows' range, for the chart. */
function statsTable(b: SheetBuilder, t: StatsTable): { headerRow: number; first: number; last: number } {
  b.line(t.heading, headingStyle);
  const headerRow = statsHeader(b, t.columns);
  const first = b.row;
  for (const row of t.rows) statsRow(b, row);
  const last = b.row - 1;
  totalsRow(b, t.totalsLabel, first, last, t.totals);
  if (t.note) b.line(t.note, { ...font(FONT_SIZES.body), italic: true });
  b.skip();
  return { headerRow, first, last };
}

function listTable(b: SheetBuilder, t: ListTable, spans: Spans): void {
  const spanOf = (key: ListColumnKey): [number, number] => {
    const span = spans[key];
    if (!span) throw new Error(`no place for the list column ${key}`);
    return span;
  };
  b.line(t.heading, headingStyle);
  const hr = b.row++;
  for (const c of t.columns) {
    const [from, to] = spanOf(c.key);
    b.put(from, hr, { value: c.heading, ...HEAD });
    if (to > from) b.merge(hr, from, to);
  }
  if (t.tasks.length === 0) {
    b.line(t.none, { ...BOX, italic: true });
  } else {
    for (const task of t.tasks) {
      const r = b.row++;
      for (const c of t.columns) {
        const [from, to] = spanOf(c.key);
        const value = c.value(task);
        b.cells.push(listCell(r, from, value, c.align === 'center', task.link));
        if (to > from) b.merge(r, from, to);
      }
    }
  }
  b.skip();
}

/**
 * A cell of a list. Each shape is one object literal, fields in the same order, rather than
 * fields added afterwards: a field added to an object already made goes to a separate
 * property store (~40 bytes a cell; a year report of a 200,000-row plan has 1.5 million cells).
 * An empty cell gets no link: there is no text to click, and some writers mangle it.
 */
function listCell(row: number, col: number, value: CellInput, centred: boolean, link: SheetCell['link']): SheetCell {
  const size = FONT_SIZES.table;
  if (centred) {
    return value !== ''
      ? { row, col, value, border: true, verticalAlignment: 'center', wrapText: true, fontName: REPORT_FONT, fontSize: size, horizontalAlignment: 'center', link }
      : { row, col, value, border: true, verticalAlignment: 'center', wrapText: true, fontName: REPORT_FONT, fontSize: size, horizontalAlignment: 'center' };
  }
  return value !== ''
    ? { row, col, value, border: true, verticalAlignment: 'center', wrapText: true, fontName: REPORT_FONT, fontSize: size, link }
    : { row, col, value, border: true, verticalAlignment: 'center', wrapText: true, fontName: REPORT_FONT, fontSize: size };
}

export function reportSheet(model: ReportModel): SheetModel {
  const L = reportLabels(model.lang);
  const parts = documentParts({ ...model, formatDate });
  const tables = reportTables(model);
  const b = new SheetBuilder();

  header(b, parts);
  for (const line of parts.intro) b.line(line, font(FONT_SIZES.body));
  b.skip();
  const areas = statsTable(b, tables.bySection);
  statsTable(b, tables.byLead);
  listTable(b, tables.overdue, LIST_SPANS);
  listTable(b, tables.upcoming, LIST_SPANS);
  listTable(b, tables.quality, QUALITY_SPANS);
  closing(b, parts);

  // The chart of the classes by reform area, under the document (Excel draws it; other hosts
  // skip it and say so).
  let chart: SheetModel['chart'] = null;
  if (areas.last >= areas.first) {
    b.skip();
    const top = b.row;
    chart = {
      type: 'stackedBar',
      data: { top: areas.headerRow, left: COL.name, bottom: areas.last, right: COL.classes[COL.classes.length - 1] },
      placement: { top, left: COL.stt, bottom: top + CHART_ROWS - 1, right: LAST_COL },
      title: L.chartTitle,
    };
  }

  const columnWidths: Record<number, number> = Object.fromEntries(COLUMN_WIDTHS.map((width, col) => [col, width]));
  return {
    name: model.sheetName,
    cells: b.cells,
    merges: b.merges,
    columnWidths,
    rowHeights: estimateRowHeights(b.cells, b.merges, columnWidths),
    print: {
      orientation: 'landscape',
      paper: 'A4',
      // A document has no running head: its pages are numbered instead.
      repeatRows: null,
      fitToWidth: true,
      margins: DECREE_MARGINS,
      pageNumbers: { where: 'header', fontName: REPORT_FONT, fontSize: FONT_SIZES.body, skipFirst: true },
    },
    chart,
  };
}

// ---------------------------------------------------------------------------------------------
// Row heights
// ---------------------------------------------------------------------------------------------

const DEFAULT_FONT_SIZE = 11;
/** Line height as a multiple of the font size (Times New Roman 12 takes 15.75 points a line in
 * Excel), and the padding of a row. */
const LINE_FACTOR = 1.35;
const ROW_PADDING = 3;

/** Lines a text takes in a cell `width` characters wide, wrapping at spaces as Excel does.
 * Column width counts digits of the workbook's default font (Calibri 11); Vietnamese text runs a
 * little narrower, bold and larger fonts wider. */
export function wrappedLines(text: string, width: number, fontSize = DEFAULT_FONT_SIZE, bold = false): number {
  const perLine = Math.max(1, Math.floor((width * 1.15 * DEFAULT_FONT_SIZE) / fontSize / (bold ? 1.1 : 1)) - 1);
  // Most cells fit on one line: skip the word walk.
  if (text.length <= perLine && !text.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const len = word.length; // NFC Vietnamese is one UTF-16 unit a letter
      if (used === 0) used = len;
      else if (used + 1 + len <= perLine) used += 1 + len;
      else {
        lines += 1;
        used = len;
      }
      // A word longer than a line breaks inside it.
      while (used > perLine) {
        lines += 1;
        used -= perLine;
      }
    }
  }
  return lines;
}

/** A height for every row with text: not every program fits rows to wrapped text on opening
 * (LibreOffice does not for .xlsx), and a row of 13-point text is taller than the default. */
export function estimateRowHeights(cells: SheetCell[], merges: CellRange[], widths: Record<number, number>): Record<number, number> {
  /** Width of each merge, by its top-left cell ("row,col"). */
  const spanWidth = new Map<string, number>();
  for (const m of merges) {
    let w = 0;
    for (let c = m.left; c <= m.right; c++) w += widths[c] ?? 9;
    spanWidth.set(`${m.top},${m.left}`, w);
  }
  const heights: Record<number, number> = {};
  for (const cell of cells) {
    const text = typeof cell.value === 'string' ? cell.value : typeof cell.value === 'number' ? String(cell.value) : '';
    if (text === '') continue;
    const row = cell.row;
    const width = spanWidth.get(`${row},${cell.col}`) ?? widths[cell.col] ?? 9;
    const size = cell.fontSize ?? DEFAULT_FONT_SIZE;
    const lines = cell.wrapText ? wrappedLines(text, width, size, cell.bold) : 1;
    const points = Math.ceil(lines * size * LINE_FACTOR + ROW_PADDING);
    if (points > (heights[row] ?? 0)) heights[row] = points;
  }
  return heights;
}
